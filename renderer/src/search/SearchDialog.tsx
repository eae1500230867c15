import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { Anchor, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { useGuardedNavigate } from '../navigation/navigation-guard';
import { useSearchResults } from './queries';
import { keyResults, resultPath, type KeyedResult } from './search-labels';
import { INITIAL_SEARCH_STATE, useSearchContext } from './search-state';
import { SearchOutcome } from './SearchOutcome';
import { useActiveResult } from './useActiveResult';
import classes from './Search.module.css';

const LISTBOX_ID = 'search-dialog-results';
const DIALOG_LIMIT = 20;

/** Ctrl/Cmd+K: a quick search from anywhere; Enter opens the highlighted result, Escape closes. */
export function SearchDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Search" size="xl" yOffset="10vh" returnFocus>
      {/* Mounted only while open, so each Ctrl+K starts from an empty box. */}
      {opened && <SearchDialogBody onClose={onClose} />}
    </Modal>
  );
}

function SearchDialogBody({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const navigate = useGuardedNavigate();
  const { update } = useSearchContext();
  const search = useSearchResults({ ...INITIAL_SEARCH_STATE, query }, DIALOG_LIMIT);
  const items = useMemo(() => (search.results ? keyResults(search.results) : null), [search.results]);

  const open = useCallback(
    (item: KeyedResult) => {
      onClose();
      navigate(resultPath(item.result));
    },
    [navigate, onClose],
  );
  const active = useActiveResult(items ?? [], 'search-dialog', open);

  const moreFilters = () => {
    // The page keeps its own filters; only the words carry over.
    update({ query });
    onClose();
    navigate('/search');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => active.onKeyDown(event);

  return (
    <Stack gap="sm">
      <TextInput
        label="Search notes and clients"
        placeholder="A word from a note, a client's name or code, a goal"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          active.setActiveId(null);
        }}
        onKeyDown={onKeyDown}
        error={search.invalid?.message}
        aria-controls={items && items.length > 0 ? LISTBOX_ID : undefined}
        aria-activedescendant={active.activeDescendant}
        data-autofocus
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
      />
      <SearchOutcome
        listId={LISTBOX_ID}
        enabled={search.enabled}
        items={items}
        busy={search.busy}
        failure={search.failure}
        active={active}
        onOpen={open}
        className={classes.dialogResults}
      />
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          ↑ ↓ to move · Enter to open · Esc to close
        </Text>
        <Anchor component="button" type="button" size="sm" onClick={moreFilters}>
          <Group gap={4} wrap="nowrap">
            <IconAdjustmentsHorizontal size={16} aria-hidden />
            More filters
          </Group>
        </Anchor>
      </Group>
    </Stack>
  );
}
