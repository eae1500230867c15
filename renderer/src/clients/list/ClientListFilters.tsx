import type { KeyboardEvent, RefObject } from 'react';
import { Group, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ClientList } from '../../../../shared/clients';
import type { ClientListState } from '../list-state';
import { CLIENT_LISTBOX_ID } from './ClientList';

const STATUS_OPTIONS = [
  { value: 'current', label: 'Current' },
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'discharged', label: 'Discharged' },
  { value: 'all', label: 'All' },
] as const satisfies readonly { value: ClientListState['status']; label: string }[];

const SORT_OPTIONS = [
  { value: 'name', label: 'Name' },
  { value: 'lastSession', label: 'Last session' },
  { value: 'nextReview', label: 'Next review' },
] as const satisfies readonly { value: ClientListState['sort']; label: string }[];

const isSort = (value: string | null): value is ClientListState['sort'] => SORT_OPTIONS.some((option) => option.value === value);
const isStatus = (value: string): value is ClientListState['status'] => STATUS_OPTIONS.some((option) => option.value === value);

interface ClientListFiltersProps {
  searchRef: RefObject<HTMLInputElement | null>;
  search: string;
  onSearchChange: (value: string) => void;
  onSearchKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  activeDescendant: string | undefined;
  state: ClientListState;
  onChange: (change: Partial<ClientListState>) => void;
  counts: ClientList['counts'] | undefined;
  tags: readonly string[];
}

/** Search box, status filter (with counts), tag filter and sort order of the client list. */
export function ClientListFilters(props: ClientListFiltersProps) {
  const { searchRef, search, onSearchChange, onSearchKeyDown, activeDescendant, state, onChange, counts, tags } = props;
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <TextInput
        ref={searchRef}
        label="Search clients"
        placeholder="Name, preferred name, code or tag"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => onSearchChange(event.currentTarget.value)}
        onKeyDown={onSearchKeyDown}
        aria-controls={CLIENT_LISTBOX_ID}
        aria-activedescendant={activeDescendant}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        style={{ flex: '1 1 260px' }}
      />
      <Select
        label="Tag"
        placeholder="All tags"
        data={[...tags]}
        value={state.tag}
        onChange={(tag) => onChange({ tag })}
        clearable
        searchable
        nothingFoundMessage="No such tag"
        w={180}
      />
      <Select
        label="Sort by"
        data={SORT_OPTIONS.map((option) => ({ ...option }))}
        value={state.sort}
        onChange={(sort) => isSort(sort) && onChange({ sort })}
        allowDeselect={false}
        w={160}
      />
      <SegmentedControl
        aria-label="Status"
        value={state.status}
        onChange={(status) => isStatus(status) && onChange({ status })}
        data={STATUS_OPTIONS.map(({ value, label }) => ({
          value,
          label: (
            <>
              <span>{label}</span>{' '}
              <Text span size="xs" c="dimmed" fw={600}>
                {counts ? counts[value] : ''}
              </Text>
            </>
          ),
        }))}
      />
    </Group>
  );
}
