import { Autocomplete, Button, Checkbox, Fieldset, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { draftRegimenSchema, type PlannedChange } from '../../../../shared/medication-review';
import { regimenInWords, type Medication, type MedicationEventKind } from '../../../../shared/medications';
import { allowedKinds } from '../../../../shared/medication-rules';
import { newChange, regimenFor } from './medication-review-form';
import { WholeNumberField } from './WholeNumberField';

interface PlannedChangeFieldsProps {
  position: number;
  change: PlannedChange;
  medications: readonly Medication[];
  /** Names entered before, suggested for a new medication. */
  names: readonly string[];
  onChange: (change: PlannedChange) => void;
  onRemove: () => void;
  /** The service's messages for this change, keyed by field (`reason`, `regimen.dose`, `date`, …). */
  errors: Record<string, string>;
  onProblem: (problem: string | null) => void;
}

const NEW = 'new';
const kindLabels: Record<MedicationEventKind, string> = {
  start: 'Start',
  dose_change: 'Change the dose',
  schedule_change: 'Change the schedule',
  stop: 'Stop',
  restart: 'Restart',
};
/** Messages about the change as a whole, which belong to no one field of the form. */
const wholeChangeKeys = ['medicationId', 'kind', 'date', 'regimen'];

/** A change decided in the visit: a new medication, or a dose or schedule change, stop or restart of a listed one. */
export function PlannedChangeFields({ position, change, medications, names, onChange, onRemove, errors, onProblem }: PlannedChangeFieldsProps) {
  const medication = medications.find((candidate) => candidate.id === change.medicationId) ?? null;
  const kinds = medication ? allowedKinds(medication.history) : (['start'] as MedicationEventKind[]);
  const set = <K extends keyof PlannedChange>(key: K, value: PlannedChange[K]) => onChange({ ...change, [key]: value });
  const setRegimen = <K extends keyof PlannedChange['regimen']>(key: K, value: PlannedChange['regimen'][K]) => set('regimen', { ...change.regimen, [key]: value });
  const chooseMedication = (id: string | null) => {
    const next = newChange(medications.find((candidate) => candidate.id === id) ?? null);
    onChange({ ...next, id: change.id, reason: change.reason });
  };
  // A stop keeps the regimen that was stopped; other changes start from the current one to edit.
  const chooseKind = (kind: MedicationEventKind) => onChange({ ...change, kind, regimen: regimenFor(medication) });
  const general = wholeChangeKeys.map((key) => errors[key]).filter((message): message is string => message !== undefined);
  const reg = (key: string) => errors[`regimen.${key}`];

  return (
    <Fieldset legend={`Change ${position}`} radius="md" p="sm">
      <Stack gap="sm">
        {general.map((message) => (
          <Text key={message} size="sm" c="red" role="alert">
            {message}
          </Text>
        ))}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label="Medication"
            allowDeselect={false}
            data={[{ value: NEW, label: 'A new medication' }, ...medications.map((m) => ({ value: m.id, label: m.current ? m.name : `${m.name} (stopped)` }))]}
            value={change.medicationId ?? NEW}
            onChange={(value) => chooseMedication(value === NEW ? null : value)}
            w={260}
          />
          <SegmentedControl
            aria-label={`What changes (change ${position})`}
            data={kinds.map((kind) => ({ value: kind, label: kindLabels[kind] }))}
            value={change.kind}
            onChange={(kind) => chooseKind(kind as MedicationEventKind)}
          />
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={onRemove}>
            Remove change {position}
          </Button>
        </Group>
        {change.kind === 'start' && (
          <Autocomplete label="Name" required data={[...names]} maxLength={200} value={change.name} error={errors.name} onChange={(value) => set('name', value)} dir="auto" />
        )}
        {change.kind === 'stop' ? (
          <Text size="sm">Stops {medication ? regimenInWords(medication.history.at(-1)!.regimen) : 'this medication'}.</Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="Strength and dose" required maxLength={200} value={change.regimen.dose} error={reg('dose')} onChange={(e) => setRegimen('dose', e.currentTarget.value)} />
              <TextInput label="Form and route" maxLength={200} value={change.regimen.formRoute} error={reg('formRoute')} onChange={(e) => setRegimen('formRoute', e.currentTarget.value)} />
              <TextInput label="Schedule" maxLength={200} value={change.regimen.schedule} error={reg('schedule')} onChange={(e) => setRegimen('schedule', e.currentTarget.value)} />
            </SimpleGrid>
            <Group align="flex-end" gap="md" wrap="wrap">
              <WholeNumberField
                label="Doses a day"
                description="Leave empty when as needed or irregular."
                value={change.regimen.dosesPerDay}
                schema={draftRegimenSchema.shape.dosesPerDay}
                onChange={(value) => setRegimen('dosesPerDay', value)}
                onProblem={onProblem}
                error={reg('dosesPerDay')}
                w={220}
              />
              <Checkbox label="As needed" checked={change.regimen.asNeeded} onChange={(e) => setRegimen('asNeeded', e.currentTarget.checked)} mb={8} />
            </Group>
            <Group align="flex-end" gap="md" wrap="wrap">
              <SegmentedControl
                aria-label={`Prescribed by (change ${position})`}
                data={[
                  { value: 'me', label: 'Me' },
                  { value: 'other', label: 'Another prescriber' },
                ]}
                value={change.regimen.prescriber}
                onChange={(value) => setRegimen('prescriber', value as PlannedChange['regimen']['prescriber'])}
              />
              {change.regimen.prescriber === 'other' && (
                <TextInput label="Prescriber's name" maxLength={200} value={change.regimen.prescriberName} error={reg('prescriberName')} onChange={(e) => setRegimen('prescriberName', e.currentTarget.value)} />
              )}
            </Group>
            <TextInput label="Indication or target symptoms" maxLength={500} value={change.regimen.indication} error={reg('indication')} onChange={(e) => setRegimen('indication', e.currentTarget.value)} />
          </>
        )}
        <Textarea
          label="Reason"
          required={change.kind !== 'start' && change.kind !== 'restart'}
          autosize
          minRows={1}
          maxLength={500}
          dir="auto"
          value={change.reason}
          error={errors.reason}
          onChange={(e) => set('reason', e.currentTarget.value)}
        />
      </Stack>
    </Fieldset>
  );
}
