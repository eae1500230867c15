import { ActionIcon, Checkbox, Fieldset, Group, NumberInput, TextInput, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ItemDraft } from './measure-draft';
import type { FieldErrors } from './measure-validation';

interface ItemRowProps {
  item: ItemDraft;
  index: number;
  canRemove: boolean;
  scoreOnly: boolean;
  errors: FieldErrors;
  onChange: (change: Partial<ItemDraft>) => void;
  onRemove: () => void;
}

/** One item: its wording, its answer scale with the words at each end, and whether it is reversed. */
export function ItemRow({ item, index, canRemove, scoreOnly, errors, onChange, onRemove }: ItemRowProps) {
  const n = index + 1;
  const at = (field: string) => errors[`items.${index}.${field}`];
  return (
    <Fieldset legend={`Item ${n}`} variant="filled" radius="md" p="sm" pt={4}>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput
          label="Item wording"
          description={scoreOnly ? 'Optional: this measure records scores only.' : undefined}
          value={item.text}
          onChange={(event) => onChange({ text: event.currentTarget.value })}
          error={at('text')}
          maxLength={500}
          data-row-first={item.uid}
          style={{ flex: 1 }}
          dir="auto"
        />
        <Tooltip label="Remove item">
          <ActionIcon variant="default" color="red" size="lg" mt={26} aria-label={`Remove item ${n}`} disabled={!canRemove} onClick={onRemove}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Group align="flex-start" gap="sm" mt="xs" grow>
        <NumberInput label="Lowest answer" value={item.min} onChange={(min) => onChange({ min })} error={at('min')} min={-1000} max={1000} step={item.step} clampBehavior="none" />
        <NumberInput label="Highest answer" value={item.max} onChange={(max) => onChange({ max })} error={at('max')} min={-1000} max={1000} step={item.step} clampBehavior="none" />
        <TextInput label="Lowest means" placeholder="e.g. Not at all" value={item.anchorMin} onChange={(event) => onChange({ anchorMin: event.currentTarget.value })} error={at('anchors.min')} maxLength={60} dir="auto" />
        <TextInput label="Highest means" placeholder="e.g. Completely" value={item.anchorMax} onChange={(event) => onChange({ anchorMax: event.currentTarget.value })} error={at('anchors.max')} maxLength={60} dir="auto" />
      </Group>
      <Checkbox
        mt="sm"
        label="Reverse scored"
        description="A high answer counts as low in the total and subscales."
        checked={item.reverse}
        onChange={(event) => onChange({ reverse: event.currentTarget.checked })}
      />
    </Fieldset>
  );
}
