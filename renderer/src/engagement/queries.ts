import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api';
import { activityKeys, clientKeys, engagementKeys, measureKeys, practiceEngagementKeys } from '../lib/query-keys';

export function useFollowUpPlan(clientId: string) {
  return useQuery({ queryKey: engagementKeys.plan(clientId), queryFn: () => call('getFollowUpPlan', { clientId }) });
}

export function useAppointments(clientId: string) {
  return useQuery({ queryKey: engagementKeys.appointments(clientId), queryFn: () => call('listAppointments', { clientId }) });
}

export function useMissedSessions(clientId: string) {
  return useQuery({ queryKey: engagementKeys.missed(clientId), queryFn: () => call('listMissedSessions', { clientId }) });
}

export function useContacts(clientId: string) {
  return useQuery({ queryKey: engagementKeys.contacts(clientId), queryFn: () => call('listContacts', { clientId }) });
}

/**
 * After a plan, appointment, missed session or contact changed: the client's follow-up, the practice's
 * agenda and overdue list, the engagement flag (an alert) and the log are stale. A missed session also
 * changes "last seen" on the client lists.
 */
export function useEngagementChanged(): (clientId: string) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (clientId: string) => {
      // The practice's agenda and overdue list, and with them this client's own follow-up.
      void queryClient.invalidateQueries({ queryKey: practiceEngagementKeys.all });
      void queryClient.invalidateQueries({ queryKey: measureKeys.alerts(clientId) });
      void queryClient.invalidateQueries({ queryKey: measureKeys.overview });
      void queryClient.invalidateQueries({ queryKey: clientKeys.lists });
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
    },
    [queryClient],
  );
}
