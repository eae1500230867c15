import { useCallback, useMemo } from 'react';
import { Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useGuardedNavigate } from '../navigation/navigation-guard';
import { useSearchResults } from './queries';
import { keyResults, resultPath, type KeyedResult } from './search-labels';
import { INITIAL_SEARCH_STATE, useSearchContext, type SearchState } from './search-state';
import { SearchFilters } from './SearchFilters';
import { SearchOutcome } from './SearchOutcome';
import { useActiveResult } from './useActiveResult';

const LISTBOX_ID = 'search-page-results';
const PAGE_LIMIT = 100;
const FILTER_FIELDS = ['clientId', 'from', 'to', 'templateId'] as const;
const SHORTCUT = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘K' : 'Ctrl+K';

/** `/search`: full-text search with filters; what was typed and chosen is still here on coming back. */
export function SearchPage() {
  const { state, update } = useSearchContext();
  const navigate = useGuardedNavigate();
  const search = useSearchResults(state, PAGE_LIMIT);
  const items = useMemo(() => (search.results ? keyResults(search.results) : null), [search.results]);
  const open = useCallback((item: KeyedResult) => navigate(resultPath(item.result)), [navigate]);
  const active = useActiveResult(items ?? [], 'search-page', open);

  const change = (next: Partial<SearchState>) => {
    update(next);
    active.setActiveId(null);
  };
  const fieldErrors = search.invalid?.fieldErrors ?? {};
  // A message for a field the filters show goes there; anything else goes under the search box.
  const queryError = search.invalid && (fieldErrors.query ?? (FILTER_FIELDS.some((field) => fieldErrors[field]) ? undefined : search.invalid.message));
  const filtered = JSON.stringify({ ...state, query: '' }) !== JSON.stringify(INITIAL_SEARCH_STATE);

  return (
    <Stack gap="md" maw={1000}>
      <Title order={1}>Search</Title>
      <TextInput
        label="Search notes and clients"
        description={`Words from notes, client names and codes, goals and tags. ${SHORTCUT} searches from anywhere.`}
        placeholder="A word from a note, a client's name or code, a goal"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={state.query}
        onChange={(event) => change({ query: event.currentTarget.value })}
        onKeyDown={active.onKeyDown}
        error={queryError || undefined}
        aria-controls={items && items.length > 0 ? LISTBOX_ID : undefined}
        aria-activedescendant={active.activeDescendant}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
      />
      <SearchFilters
        state={state}
        onChange={change}
        errors={fieldErrors}
        onClear={filtered ? () => change({ ...INITIAL_SEARCH_STATE, query: state.query }) : null}
      />
      {!search.enabled && (
        <Text c="dimmed" size="sm">
          Type a word to search. Matching ignores accents: “zoe” finds “Zoë”.
        </Text>
      )}
      <SearchOutcome
        listId={LISTBOX_ID}
        enabled={search.enabled}
        items={items}
        busy={search.busy}
        failure={search.failure}
        active={active}
        onOpen={open}
      />
    </Stack>
  );
}
