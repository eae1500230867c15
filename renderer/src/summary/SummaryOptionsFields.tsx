import { Alert, Checkbox, Group, Radio, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import {
  SUMMARY_SECTION_LABELS,
  type SummaryChoices,
  type SummaryIdentity,
} from '../../../shared/progress-summary';
import { DateField } from '../components/DateField';
import { offeredSections, type SummaryFieldErrors, type SummaryFormValues } from './summary-options';

interface SummaryOptionsFieldsProps {
  values: SummaryFormValues;
  errors: SummaryFieldErrors;
  choices: SummaryChoices;
  onChange: (change: Partial<SummaryFormValues>) => void;
}

const isIdentity = (value: string): value is SummaryIdentity => value === 'full' || value === 'codeOnly';

/** The left column of the export dialog: the span, how the client is named, and what goes in. */
export function SummaryOptionsFields({ values, errors, choices, onChange }: SummaryOptionsFieldsProps) {
  const quoting = values.sections.includes('noteExcerpts');
  const offered = offeredSections(choices);

  return (
    <Stack gap="md">
      <Group grow align="flex-start">
        <DateField
          label="From"
          value={values.from}
          error={errors.from ?? null}
          onChange={(from) => onChange({ from })}
          onClearError={() => undefined}
          data-autofocus
        />
        <DateField label="To" value={values.to} error={errors.to ?? null} onChange={(to) => onChange({ to })} onClearError={() => undefined} />
      </Group>

      <Radio.Group
        label="Identify the client by"
        value={values.identity}
        onChange={(identity) => isIdentity(identity) && onChange({ identity })}
      >
        <Stack gap={6} mt={6}>
          <Radio value="codeOnly" label="Client code only" description="Safer if the file is sent on or mislaid." />
          <Radio value="full" label="Name and details" description="Legal name, date of birth and contact details." />
        </Stack>
      </Radio.Group>

      <Checkbox.Group
        label="Include"
        value={values.sections}
        // Kept in document order, so the same choices always make the same request.
        onChange={(picked) => onChange({ sections: offered.filter((key) => picked.includes(key)) })}
      >
        <Stack gap={6} mt={6}>
          {offered.map((key) => (
            <Checkbox key={key} value={key} label={SUMMARY_SECTION_LABELS[key]} />
          ))}
        </Stack>
      </Checkbox.Group>

      {quoting && <ExcerptFields values={values} errors={errors} choices={choices} onChange={onChange} />}
    </Stack>
  );
}

/** Which sections of each signed note are quoted, and (only when asked) the private process notes. */
function ExcerptFields({ values, errors, choices, onChange }: SummaryOptionsFieldsProps) {
  return (
    <Stack gap="sm" pl="lg" style={{ borderInlineStart: '2px solid var(--mantine-color-default-border)' }}>
      <Checkbox.Group
        label="Note sections to quote"
        description="Excerpts come from signed notes only; drafts are never quoted."
        value={values.excerptSections}
        error={errors.excerptSections}
        onChange={(picked) => {
          const order = choices.noteSections.map((section) => section.key);
          onChange({ excerptSections: order.filter((key) => picked.includes(key)) });
        }}
      >
        <Stack gap={6} mt={6}>
          {choices.noteSections.map((section) => (
            <Checkbox key={section.key} value={section.key} label={section.label} />
          ))}
          {choices.noteSections.length === 0 && (
            <Text size="sm" c="dimmed">
              This client has no notes yet.
            </Text>
          )}
        </Stack>
      </Checkbox.Group>

      {choices.hasProcessNotes && (
        <Stack gap={6}>
          <Checkbox
            label="Include private process notes"
            checked={values.includeProcessNotes}
            onChange={(event) => onChange({ includeProcessNotes: event.currentTarget.checked })}
            color="orange"
          />
          {values.includeProcessNotes && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="xs">
              <Text size="sm">Process notes are your private working notes. They will be printed in the summary.</Text>
            </Alert>
          )}
        </Stack>
      )}
    </Stack>
  );
}
