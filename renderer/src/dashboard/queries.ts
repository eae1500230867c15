import { useQuery } from '@tanstack/react-query';
import { call } from '../api';
import { UNSIGNED_NOTES_QUERY_KEY } from '../lib/query-keys';

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
