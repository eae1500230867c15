import { ActionIcon, Fieldset, Group, NumberInput, Select, TextInput, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { BandDraft } from './measure-draft';
import { SEVERITY_OPTIONS } from './measure-labels';
import type { FieldErrors } from './measure-validation';

interface BandRowProps {
  band: BandDraft;
  index: number;
  errors: FieldErrors;
  onChange: (change: Partial<BandDraft>) => void;
  onRemove: () => void;
}

/** One band of totals, both ends included, with the name shown beside a score and its colour's severity. */
export function BandRow({ band, index, errors, onChange, onRemove }: BandRowProps) {
  const at = (field: string) => errors[`bands.${index}.${field}`];
  const name = band.label.trim() || `band ${index + 1}`;
  return (
    <Fieldset legend={`Band ${index + 1}`} variant="filled" radius="md" p="sm" pt={4}>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <NumberInput label="From" value={band.from} onChange={(from) => onChange({ from })} error={at('from')} w={150} data-row-first={band.uid} />
        <NumberInput label="To" value={band.to} onChange={(to) => onChange({ to })} error={at('to')} w={150} />
        <TextInput label="Band name" value={band.label} onChange={(event) => onChange({ label: event.currentTarget.value })} error={at('label')} maxLength={40} style={{ flex: 1 }} dir="auto" />
        <Select
          label="Severity"
          data={SEVERITY_OPTIONS.map((option) => ({ ...option }))}
          value={String(band.severity)}
          onChange={(value) => value !== null && onChange({ severity: Number(value) })}
          allowDeselect={false}
          error={at('severity')}
          w={190}
        />
        <Tooltip label="Remove band">
          <ActionIcon variant="default" color="red" size="lg" mt={26} aria-label={`Remove ${name}`} onClick={onRemove}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Fieldset>
  );
}
