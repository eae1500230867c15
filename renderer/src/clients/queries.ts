import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Client } from '../../../shared/clients';
import { call } from '../api';
import { activityKeys, clientKeys } from '../lib/query-keys';
import type { ClientListState } from './list-state';

// Sort names the way the practitioner reads them; an unusual browser language must not break the list.
const displayLocale = (): string | undefined => {
  try {
    return Intl.getCanonicalLocales(navigator.language)[0];
  } catch {
    return undefined;
  }
};

export function useClientList(state: ClientListState) {
  return useQuery({
    queryKey: clientKeys.list<ClientListState>(state),
    queryFn: () => call('listClients', { ...state, locale: displayLocale() }),
    // Keep showing the previous rows while the next search runs, so the list does not flicker.
    placeholderData: keepPreviousData,
  });
}

export function useClient(id: string) {
  return useQuery({ queryKey: clientKeys.detail(id), queryFn: () => call('getClient', { id }) });
}

export function useSuggestedCode() {
  // Always fresh: another client may have taken the last suggestion.
  return useQuery({ queryKey: clientKeys.suggestedCode, queryFn: () => call('suggestClientCode'), gcTime: 0, staleTime: 0 });
}

/** Puts a client a call returned into the cache, and marks the lists and activity log as stale. */
export function useClientSaved(): (client: Client) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (client: Client) => {
      queryClient.setQueryData(clientKeys.detail(client.id), client);
      void queryClient.invalidateQueries({ queryKey: clientKeys.lists });
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
    },
    [queryClient],
  );
}

/** A mutation whose call returns the whole client (every change in the contract does). */
export function useClientMutation<I>(mutationFn: (input: I) => Promise<Client>) {
  const onSaved = useClientSaved();
  return useMutation({ mutationFn, onSuccess: onSaved });
}

/** Drops a permanently deleted client from every cache. */
export function useClientErased(): (id: string) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string) => {
      queryClient.removeQueries({ queryKey: clientKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: clientKeys.lists });
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
    },
    [queryClient],
  );
}

const ACTIVITY_PAGE = 50;

/** One client's activity, or the practice's when `clientId` is null; newest first, page by page. */
export function useActivity(clientId: string | null) {
  return useInfiniteQuery({
    queryKey: activityKeys.of(clientId),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      call('listActivity', {
        ...(clientId ? { clientId } : {}),
        ...(pageParam !== undefined ? { beforeSeq: pageParam } : {}),
        limit: ACTIVITY_PAGE,
      }),
    getNextPageParam: (last) => (last.hasMore ? last.entries.at(-1)?.seq : undefined),
  });
}
