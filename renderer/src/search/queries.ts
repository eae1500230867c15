import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import type { SearchInput } from '../../../shared/notes';
import { ApiError, call, errorMessage } from '../api';
import { searchKeys, TEMPLATES_QUERY_KEY } from '../lib/query-keys';
import type { SearchState } from './search-state';

const SEARCH_DEBOUNCE_MS = 150;

/** The service's input for what the practitioner has typed and chosen; empty dates mean "no limit". */
export function toSearchInput(state: SearchState, limit: number): SearchInput {
  return {
    query: state.query.trim(),
    clientId: state.clientId,
    from: state.from === '' ? null : state.from,
    to: state.to === '' ? null : state.to,
    templateId: state.templateId,
    status: state.status,
    ruptureOnly: state.ruptureOnly,
    limit,
  };
}

/**
 * Results as you type: the query goes to the service 150 ms after the last keystroke, and the previous
 * results stay on screen meanwhile so the list does not flicker. An empty query asks for nothing.
 */
export function useSearchResults(state: SearchState, limit: number) {
  // Debounced as a string: compared by value, so a caller passing a fresh object each render is fine.
  const [debounced] = useDebouncedValue(JSON.stringify(toSearchInput(state, limit)), SEARCH_DEBOUNCE_MS);
  const input = useMemo(() => JSON.parse(debounced) as SearchInput, [debounced]);
  const enabled = input.query !== '' && state.query.trim() !== '';
  const query = useQuery({
    queryKey: searchKeys.results(input),
    queryFn: () => call('search', input),
    enabled,
    placeholderData: keepPreviousData,
    // Notes change under the search (autosave); a result list is only worth keeping for a moment.
    staleTime: 0,
    gcTime: 60_000,
  });
  const error = enabled && query.isError ? query.error : null;
  return {
    enabled,
    results: enabled ? (query.data?.results ?? null) : null,
    busy: enabled && query.isFetching,
    /** A VALIDATION error: the practitioner can fix it, so its message is shown next to the field. */
    invalid: error instanceof ApiError && error.code === 'VALIDATION' ? error : null,
    failure: error && !(error instanceof ApiError && error.code === 'VALIDATION') ? errorMessage(error) : null,
  };
}

/** Every client, for the Client filter: discharged ones too, since their notes are still searchable. */
export function useClientOptions() {
  return useQuery({
    queryKey: searchKeys.clients,
    queryFn: () => call('listClients', { status: 'all', sort: 'name' }),
    select: (data) => data.clients.map((client) => ({ value: client.id, label: `${client.legalName} (${client.code})` })),
  });
}

export function useTemplateOptions() {
  return useQuery({
    queryKey: TEMPLATES_QUERY_KEY,
    queryFn: () => call('listNoteTemplates'),
    select: (data) => data.templates.map((template) => ({ value: template.id, label: template.name })),
  });
}
