import { useQuery } from '@tanstack/react-query';
import { call } from '../api';
import { SETTINGS_QUERY_KEY } from './query-keys';

/** The practice's settings, read fresh on every mount: Settings may have changed them a moment ago. */
export function useSettings() {
  return useQuery({ queryKey: SETTINGS_QUERY_KEY, queryFn: () => call('getSettings'), staleTime: 0 });
}
