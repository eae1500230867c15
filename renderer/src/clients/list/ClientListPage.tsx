import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Center, Group, Loader, Stack, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconFileImport, IconUserPlus } from '@tabler/icons-react';
import type { ClientListItem } from '../../../../shared/clients';
import { errorMessage } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useGuardedNavigate } from '../../navigation/navigation-guard';
import { ImportClientsModal } from '../import/ImportClientsModal';
import { INITIAL_LIST_STATE, useClientListState } from '../list-state';
import { useClientList } from '../queries';
import { ClientList } from './ClientList';
import { NoClientsMatch, NoClientsYet } from './ClientListEmpty';
import { ClientListFilters } from './ClientListFilters';
import { useActiveRow } from './useActiveRow';

const SEARCH_DEBOUNCE_MS = 150;

/** The home page: every client, searchable as you type, filterable, and fully usable from the keyboard. */
export function ClientListPage() {
  // The state keeps the search as typed (so coming back restores it); the service gets it debounced.
  const [state, update] = useClientListState();
  const [debouncedQuery] = useDebouncedValue(state.query, SEARCH_DEBOUNCE_MS);
  const list = useClientList({ ...state, query: state.query === '' ? '' : debouncedQuery });
  const navigate = useGuardedNavigate();
  const searchRef = useRef<HTMLInputElement>(null);

  const clients = list.data?.clients ?? [];
  const open = useCallback((client: ClientListItem) => navigate(`/clients/${client.id}`), [navigate]);
  const active = useActiveRow(clients, open);
  const addClient = useCallback(() => navigate('/clients/new'), [navigate]);
  const focusSearch = useCallback(() => searchRef.current?.focus(), []);
  const [importing, setImporting] = useState(false);

  useHotkeys([['/', focusSearch]]);
  useHotkeys(
    [
      ['mod+F', focusSearch],
      ['mod+N', addClient],
    ],
    [],
  );

  const change = (next: Parameters<typeof update>[0]) => {
    update(next);
    active.setActiveId(null);
  };
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && state.query !== '') {
      event.preventDefault();
      change({ query: '' });
      return;
    }
    active.onKeyDown(event);
  };

  const data = list.data;
  const noClientsAtAll = data !== undefined && data.counts.all === 0 && state.query === '' && state.tag === null;
  const activeClient = clients[active.activeIndex];

  return (
    <Stack gap="md" className="client-list-page">
      <Group justify="space-between">
        <Title order={1}>Clients</Title>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => setImporting(true)}>
            Import clients…
          </Button>
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={addClient}>
            Add client
          </Button>
        </Group>
      </Group>
      <ImportClientsModal opened={importing} onClose={() => setImporting(false)} />
      {list.isError && <ErrorAlert title="The client list could not be loaded" message={errorMessage(list.error)} />}
      {list.isPending && (
        <Center py="xl">
          <Loader aria-label="Loading clients" />
        </Center>
      )}
      {noClientsAtAll && <NoClientsYet onAdd={addClient} />}
      {data && !noClientsAtAll && (
        <>
          <ClientListFilters
            searchRef={searchRef}
            search={state.query}
            onSearchChange={(query) => change({ query })}
            onSearchKeyDown={onSearchKeyDown}
            activeDescendant={activeClient ? active.optionId(activeClient) : undefined}
            state={state}
            onChange={change}
            counts={data.counts}
            tags={data.tags}
          />
          {clients.length === 0 ? (
            <NoClientsMatch onClear={() => change(INITIAL_LIST_STATE)} />
          ) : (
            <ClientList clients={clients} active={active} busy={list.isFetching} onOpen={open} />
          )}
        </>
      )}
    </Stack>
  );
}
