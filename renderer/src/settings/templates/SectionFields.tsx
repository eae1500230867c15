import { ActionIcon, Fieldset, Group, Select, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { SectionKind } from '../../../../shared/note-templates';
import { usePrescriber } from '../../medications/queries';
import { KIND_OPTIONS, type DraftErrors, type SectionDraft } from './template-draft';

interface SectionFieldsProps {
  section: SectionDraft;
  position: number;
  count: number;
  errors: DraftErrors['fields'][string] | undefined;
  onChange: (change: Partial<SectionDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

const isKind = (value: string | null): value is SectionKind => KIND_OPTIONS.some((option) => option.value === value);

/** One section of the template being edited: its name, prompt and kind, and buttons to move or remove it. */
export function SectionFields({ section, position, count, errors, onChange, onMove, onRemove }: SectionFieldsProps) {
  const name = section.label.trim() || `section ${position}`;
  // The medication review is for prescribers; a section that already is one keeps its kind on screen.
  const prescriber = usePrescriber();
  const kinds = KIND_OPTIONS.filter((option) => option.value !== 'medication' || prescriber || section.kind === 'medication');
  return (
    <Fieldset legend={`Section ${position}`} variant="filled" radius="md" p="sm" pt={4}>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput
          label="Section name"
          value={section.label}
          onChange={(event) => onChange({ label: event.currentTarget.value })}
          error={errors?.label}
          maxLength={60}
          data-section-name={section.uid}
          style={{ flex: 1 }}
          dir="auto"
        />
        <Select
          label="Kind"
          data={kinds.map((option) => ({ ...option }))}
          value={section.kind}
          onChange={(kind) => isKind(kind) && onChange({ kind })}
          allowDeselect={false}
          error={errors?.kind}
          w={170}
        />
        <Group gap={4} wrap="nowrap" mt={26}>
          <Tooltip label="Move up">
            <ActionIcon variant="default" size="lg" aria-label={`Move ${name} up`} disabled={position === 1} onClick={() => onMove(-1)}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move down">
            <ActionIcon variant="default" size="lg" aria-label={`Move ${name} down`} disabled={position === count} onClick={() => onMove(1)}>
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Remove">
            <ActionIcon variant="default" color="red" size="lg" aria-label={`Remove ${name}`} onClick={onRemove}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <TextInput
        label="Prompt"
        placeholder="A one-line hint shown in the empty section"
        value={section.prompt}
        onChange={(event) => onChange({ prompt: event.currentTarget.value })}
        error={errors?.prompt}
        maxLength={200}
        mt="xs"
        dir="auto"
      />
    </Fieldset>
  );
}
