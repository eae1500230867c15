import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api';
import { activityKeys, measureKeys, medicationKeys } from '../lib/query-keys';
import { useSettings } from '../lib/settings-query';

/** A client's medications (each with its history) and allergies. */
export function useMedications(clientId: string) {
  return useQuery({ queryKey: medicationKeys.of(clientId), queryFn: () => call('listMedications', { clientId }) });
}

/**
 * The adherence and side-effect lines and change markers of the Measures tab, only when `enabled` (a
 * prescriber). Fresh on every visit: signing or voiding a note elsewhere changes what they show.
 */
export function useMedicationSeries(clientId: string, enabled: boolean) {
  return useQuery({ queryKey: medicationKeys.series(clientId), queryFn: () => call('getMedicationSeries', { clientId }), enabled, staleTime: 0 });
}

/** Names entered before, for the name field's suggestions. */
export function useMedicationNames() {
  return useQuery({ queryKey: medicationKeys.names, queryFn: () => call('listMedicationNames') });
}

/** Whether Settings → "I prescribe" is on: the Medications tab, template and PDF part show only then. */
export function usePrescriber(): boolean {
  return useSettings().data?.prescriber === true;
}

/** After the list changed (a start, change, stop, allergy, or a signed note's changes): what shows it is stale. */
export function useMedicationsChanged(): (clientId: string) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (clientId: string) => {
      void queryClient.invalidateQueries({ queryKey: medicationKeys.of(clientId) });
      void queryClient.invalidateQueries({ queryKey: medicationKeys.names });
      void queryClient.invalidateQueries({ queryKey: measureKeys.alerts(clientId) });
      void queryClient.invalidateQueries({ queryKey: measureKeys.overview });
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
    },
    [queryClient],
  );
}
