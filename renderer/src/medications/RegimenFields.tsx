import { Checkbox, Group, NumberInput, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { MAX_DOSES_PER_DAY } from '../../../shared/medications';
import { FIELD_PATHS, type RegimenDraft } from './medication-draft';

interface RegimenFieldsProps {
  draft: RegimenDraft;
  errors: Record<string, string>;
  onChange: <K extends keyof RegimenDraft>(field: K, value: RegimenDraft[K]) => void;
  /** The field the form is about (the dose for a dose change), which gets the focus when it opens. */
  focus?: keyof RegimenDraft;
}

/** The regimen as written on a prescription: dose, form and route, schedule, who prescribed it and what for. */
export function RegimenFields({ draft, errors, onChange, focus }: RegimenFieldsProps) {
  const error = (field: keyof RegimenDraft) => errors[FIELD_PATHS[field]];
  const text = (field: 'dose' | 'formRoute' | 'schedule' | 'prescriberName' | 'indication') => ({
    value: draft[field],
    error: error(field),
    'data-autofocus': focus === field || undefined,
    onChange: (event: { currentTarget: { value: string } }) => onChange(field, event.currentTarget.value),
  });

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label="Strength and dose" placeholder="50 mg, one tablet" dir="auto" withAsterisk {...text('dose')} />
        <TextInput label="Form and route" placeholder="tablet, by mouth" dir="auto" {...text('formRoute')} />
        <TextInput label="Schedule" placeholder="every morning" dir="auto" {...text('schedule')} />
        <NumberInput
          label="Doses a day"
          description="For a regular schedule; leave empty when as needed."
          value={draft.dosesPerDay}
          error={error('dosesPerDay')}
          // Whatever is typed stays as typed: the server says what is wrong rather than the field changing it.
          clampBehavior="none"
          hideControls
          data-autofocus={focus === 'dosesPerDay' || undefined}
          onChange={(value) => onChange('dosesPerDay', value)}
          placeholder={`1 to ${MAX_DOSES_PER_DAY}`}
        />
      </SimpleGrid>
      <Checkbox label="As needed" checked={draft.asNeeded} error={error('asNeeded')} onChange={(event) => onChange('asNeeded', event.currentTarget.checked)} />
      <Radio.Group
        label="Prescribed by"
        value={draft.prescriber}
        error={error('prescriber')}
        onChange={(value) => onChange('prescriber', value === 'other' ? 'other' : 'me')}
      >
        <Group gap="lg" mt={6}>
          <Radio value="me" label="Me" />
          <Radio value="other" label="Another prescriber" />
        </Group>
      </Radio.Group>
      {draft.prescriber === 'other' && <TextInput label="Prescriber's name" placeholder="Dr. A. Example" dir="auto" withAsterisk {...text('prescriberName')} />}
      <TextInput label="Indication or target symptoms" placeholder="low mood, sleep" dir="auto" {...text('indication')} />
    </Stack>
  );
}
