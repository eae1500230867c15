import { ActionIcon, Fieldset, Group, MultiSelect, Select, TextInput, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ItemDraft, SubscaleDraft } from './measure-draft';
import { METHOD_OPTIONS, optionValue } from './measure-labels';
import type { FieldErrors } from './measure-validation';

interface SubscaleRowProps {
  subscale: SubscaleDraft;
  index: number;
  items: readonly ItemDraft[];
  errors: FieldErrors;
  onChange: (change: Partial<SubscaleDraft>) => void;
  onRemove: () => void;
}

const itemLabel = (item: ItemDraft, index: number): string => {
  const text = item.text.trim();
  return text === '' ? `Item ${index + 1}` : `Item ${index + 1}: ${text.length > 50 ? `${text.slice(0, 49)}…` : text}`;
};

/** One subscale: its name, how its items combine, and which items it takes. */
export function SubscaleRow({ subscale, index, items, errors, onChange, onRemove }: SubscaleRowProps) {
  const at = (field: string) => errors[`subscales.${index}.${field}`];
  const name = subscale.label.trim() || `subscale ${index + 1}`;
  return (
    <Fieldset legend={`Subscale ${index + 1}`} variant="filled" radius="md" p="sm" pt={4}>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput
          label="Subscale name"
          value={subscale.label}
          onChange={(event) => onChange({ label: event.currentTarget.value })}
          error={at('label') ?? at('key')}
          maxLength={40}
          data-row-first={subscale.uid}
          style={{ flex: 1 }}
          dir="auto"
        />
        <Select
          label="Scored as"
          data={METHOD_OPTIONS.map((option) => ({ ...option }))}
          value={subscale.method}
          onChange={(value) => {
            const method = optionValue(METHOD_OPTIONS, value);
            if (method) onChange({ method });
          }}
          allowDeselect={false}
          error={at('method')}
          w={120}
        />
        <Tooltip label="Remove subscale">
          <ActionIcon variant="default" color="red" size="lg" mt={26} aria-label={`Remove ${name}`} onClick={onRemove}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
      <MultiSelect
        label="Items in this subscale"
        mt="xs"
        data={items.map((item, i) => ({ value: item.uid, label: itemLabel(item, i) }))}
        value={subscale.items}
        onChange={(chosen) => onChange({ items: chosen })}
        error={at('items')}
        placeholder={subscale.items.length === 0 ? 'Choose items' : undefined}
        searchable
        hidePickedOptions
      />
    </Fieldset>
  );
}
