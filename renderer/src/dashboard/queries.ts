import { useQuery } from '@tanstack/react-query';
import { call } from '../api';
import { practiceEngagementKeys, UNSIGNED_NOTES_QUERY_KEY } from '../lib/query-keys';

/** Drafts waiting too long for a signature, oldest first. */
export function useUnsignedNotes() {
  return useQuery({
    queryKey: UNSIGNED_NOTES_QUERY_KEY,
    queryFn: () => call('listUnsignedNotes'),
    // Ages are counted from today, so a list cached before midnight would be wrong: read it on every visit
    // (a local call, cheap).
    staleTime: 0,
  });
}

/**
 * The practice's appointments from `from` to `to`. Read on every visit: a note started or a session
 * recorded as missed elsewhere changes what each appointment shows.
 */
export function useAgenda(from: string, to: string) {
  return useQuery({ queryKey: practiceEngagementKeys.agenda(from, to), queryFn: () => call('getAgenda', { from, to }), staleTime: 0 });
}

/** Active clients past their agreed frequency plus grace; counted from today, so read on every visit. */
export function useOverdueClients() {
  return useQuery({ queryKey: practiceEngagementKeys.overdue, queryFn: () => call('listOverdueClients'), staleTime: 0 });
}
