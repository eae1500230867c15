import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api';
import { activityKeys, measureKeys, noteKeys } from '../lib/query-keys';

export function useMeasureDefinitions() {
  return useQuery({ queryKey: measureKeys.definitions, queryFn: () => call('listMeasures') });
}

export function useMeasureResults(clientId: string) {
  return useQuery({ queryKey: measureKeys.results(clientId), queryFn: () => call('listMeasureResults', { clientId }) });
}

export function useClientAlerts(clientId: string) {
  return useQuery({ queryKey: measureKeys.alerts(clientId), queryFn: () => call('listClientAlerts', { clientId }) });
}

export function usePracticeOverview() {
  // Fresh on every visit: alerts depend on what was recorded a minute ago.
  return useQuery({ queryKey: measureKeys.overview, queryFn: () => call('getPracticeOverview'), staleTime: 0 });
}

/** After a result was recorded, removed or an alert acknowledged: what shows it is stale. */
export function useMeasuresChanged(): (clientId: string) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (clientId: string) => {
      void queryClient.invalidateQueries({ queryKey: measureKeys.results(clientId) });
      void queryClient.invalidateQueries({ queryKey: measureKeys.alerts(clientId) });
      void queryClient.invalidateQueries({ queryKey: measureKeys.overview });
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
    },
    [queryClient],
  );
}

/**
 * After a late entry or a strike-out: the results, and the signed note that took the addendum (its
 * addenda, and the session list's addendum count), are stale.
 */
export function useSignedSessionChanged(): (clientId: string, noteId: string) => void {
  const queryClient = useQueryClient();
  const measuresChanged = useMeasuresChanged();
  return useCallback(
    (clientId: string, noteId: string) => {
      measuresChanged(clientId);
      void queryClient.invalidateQueries({ queryKey: noteKeys.note(noteId) });
      void queryClient.invalidateQueries({ queryKey: noteKeys.sessions(clientId) });
    },
    [queryClient, measuresChanged],
  );
}
