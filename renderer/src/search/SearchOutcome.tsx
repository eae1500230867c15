import { Center, Loader, Text } from '@mantine/core';
import { ErrorAlert } from '../components/ErrorAlert';
import type { KeyedResult } from './search-labels';
import { SearchResultList } from './SearchResultList';
import type { ActiveResult } from './useActiveResult';

interface SearchOutcomeProps {
  listId: string;
  enabled: boolean;
  items: readonly KeyedResult[] | null;
  busy: boolean;
  failure: string | null;
  active: ActiveResult;
  onOpen: (item: KeyedResult) => void;
  className?: string;
}

/** Below a search box: nothing until something is typed, then the results, "No matches" or the error. */
export function SearchOutcome({ listId, enabled, items, busy, failure, active, onOpen, className }: SearchOutcomeProps) {
  if (!enabled) return null;
  if (failure) return <ErrorAlert title="Search did not work" message={failure} />;
  if (items === null) {
    return (
      <Center py="md">
        <Loader size="sm" aria-label="Searching" />
      </Center>
    );
  }
  if (items.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="md" role="status">
        No matches
      </Text>
    );
  }
  return <SearchResultList id={listId} items={items} active={active} busy={busy} onOpen={onOpen} className={className} />;
}
