import { useState } from 'react';
import { Button, Checkbox, Group, Select, Stack } from '@mantine/core';
import { DateField } from '../components/DateField';
import { UNREADABLE_DATE } from '../components/typed-date';
import type { NoteStatus } from './search-labels';
import { useClientOptions, useTemplateOptions } from './queries';
import type { SearchState } from './search-state';

const STATUS_OPTIONS = [
  { value: 'any', label: 'Any' },
  { value: 'draft', label: 'Draft' },
  { value: 'signed', label: 'Signed' },
] as const;

const toStatus = (value: string | null): NoteStatus | null => (value === 'draft' || value === 'signed' ? value : null);

interface SearchFiltersProps {
  state: SearchState;
  onChange: (change: Partial<SearchState>) => void;
  /** VALIDATION messages from the service, by field. */
  errors: Record<string, string>;
  /** Shown when any filter is set: back to every client, date, template and status. */
  onClear: (() => void) | null;
}

/** Narrow a search: one client, a date range, a template, draft or signed, rupture flagged. */
export function SearchFilters({ state, onChange, errors, onClear }: SearchFiltersProps) {
  const clients = useClientOptions();
  const templates = useTemplateOptions();
  // A date that cannot be read stays in its field, named there, and limits nothing until corrected:
  // the search state holds only dates the service can use.
  const [unreadable, setUnreadable] = useState({ from: false, to: false });
  const changeDate = (end: 'from' | 'to', value: string) => {
    setUnreadable((current) => ({ ...current, [end]: value === UNREADABLE_DATE }));
    onChange({ [end]: value === UNREADABLE_DATE ? '' : value });
  };
  const clear = onClear && (() => {
    setUnreadable({ from: false, to: false });
    onClear();
  });
  return (
    <Stack gap="sm">
      <Group align="flex-start" gap="md" wrap="wrap">
        <Select
          label="Client"
          placeholder={clients.isError ? 'Clients could not be loaded' : 'All clients'}
          data={clients.data ?? []}
          value={state.clientId}
          onChange={(clientId) => onChange({ clientId })}
          searchable
          clearable
          nothingFoundMessage="No such client"
          error={errors.clientId}
          w={220}
        />
        <DateField
          label="From"
          value={unreadable.from ? UNREADABLE_DATE : state.from}
          max={state.to || undefined}
          onChange={(from) => changeDate('from', from)}
          onClearError={() => undefined}
          error={errors.from}
          w={170}
        />
        <DateField
          label="To"
          value={unreadable.to ? UNREADABLE_DATE : state.to}
          min={state.from || undefined}
          onChange={(to) => changeDate('to', to)}
          onClearError={() => undefined}
          error={errors.to}
          w={170}
        />
        <Select
          label="Template"
          placeholder="Any template"
          data={templates.data ?? []}
          value={state.templateId}
          onChange={(templateId) => onChange({ templateId })}
          clearable
          error={errors.templateId}
          w={200}
        />
        <Select
          label="Status"
          data={STATUS_OPTIONS.map((option) => ({ ...option }))}
          value={state.status ?? 'any'}
          onChange={(status) => onChange({ status: toStatus(status) })}
          allowDeselect={false}
          w={110}
        />
      </Group>
      <Group gap="lg" mih={28}>
        <Checkbox
          label="Rupture flagged only"
          checked={state.ruptureOnly}
          onChange={(event) => onChange({ ruptureOnly: event.currentTarget.checked })}
        />
        {clear && (
          <Button variant="subtle" size="compact-sm" onClick={clear}>
            Clear filters
          </Button>
        )}
      </Group>
    </Stack>
  );
}
