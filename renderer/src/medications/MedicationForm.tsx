import { useState, type FormEvent } from 'react';
import { Autocomplete, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { localIsoDate } from '../../../shared/dates';
import { regimenInWords, type Medication, type MedicationEventKind } from '../../../shared/medications';
import { call } from '../api';
import { DateField } from '../components/DateField';
import { ErrorAlert } from '../components/ErrorAlert';
import { draftProblems, emptyRegimenDraft, FIELD_PATHS, regimenDraftOf, regimenOf, splitError, type DraftField, type MedicationDraft } from './medication-draft';
import { useMedicationNames, useMedicationsChanged } from './queries';
import { RegimenFields } from './RegimenFields';

/** Starting a new medication, or one dated change to a listed one. */
export type MedicationFormMode = { kind: 'start' } | { kind: Exclude<MedicationEventKind, 'start'>; medication: Medication };

const DATE_LABELS: Record<MedicationEventKind, string> = {
  start: 'Start date',
  dose_change: 'Date of the change',
  schedule_change: 'Date of the change',
  stop: 'Stop date',
  restart: 'Restart date',
};

const SAVE_LABELS: Record<MedicationEventKind, string> = {
  start: 'Start medication',
  dose_change: 'Save dose change',
  schedule_change: 'Save schedule change',
  stop: 'Stop medication',
  restart: 'Restart medication',
};

const DONE_MESSAGES: Record<MedicationEventKind, string> = {
  start: 'Medication added',
  dose_change: 'Dose change recorded',
  schedule_change: 'Schedule change recorded',
  stop: 'Medication stopped',
  restart: 'Medication restarted',
};

function initialDraft(mode: MedicationFormMode): MedicationDraft {
  const date = localIsoDate();
  if (mode.kind === 'start') return { name: '', date, reason: '', ...emptyRegimenDraft() };
  const current = mode.medication.history.at(-1)!.regimen;
  return { name: mode.medication.name, date, reason: '', ...regimenDraftOf(current) };
}

/**
 * The form behind Start medication, Change dose, Change schedule, Stop and Restart: prefilled with the
 * regimen as it stands, each change dated and with its reason. A stop keeps the regimen that was
 * stopped, so it asks only for the date and the reason. A refused save keeps everything typed and
 * shows each message under its field.
 */
export function MedicationForm({ clientId, mode, onDone }: { clientId: string; mode: MedicationFormMode; onDone: () => void }) {
  const [draft, setDraft] = useState(() => initialDraft(mode));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const names = useMedicationNames();
  const changed = useMedicationsChanged();
  const save = useMutation({
    mutationFn: (input: MedicationDraft) => {
      const common = { date: input.date, reason: input.reason };
      if (mode.kind === 'start') return call('startMedication', { clientId, name: input.name, ...common, regimen: regimenOf(input) });
      const regimen = mode.kind === 'stop' ? mode.medication.history.at(-1)!.regimen : regimenOf(input);
      return call('changeMedication', { medicationId: mode.medication.id, kind: mode.kind, ...common, regimen });
    },
    onSuccess: () => changed(clientId),
  });

  const withRegimen = mode.kind !== 'stop';
  const reasonRequired = mode.kind !== 'start' && mode.kind !== 'restart';
  const shownFields: DraftField[] = [
    ...(mode.kind === 'start' ? (['name'] as const) : []),
    ...(withRegimen ? (['dose', 'formRoute', 'schedule', 'asNeeded', 'dosesPerDay', 'prescriber', 'prescriberName', 'indication'] as const) : []),
    'date',
    'reason',
  ];

  const change = <K extends DraftField>(field: K, value: MedicationDraft[K]) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
    setErrors(({ [FIELD_PATHS[field]]: _dropped, ...rest }) => rest);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = draftProblems(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setError(null);
    save.mutate(draft, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: DONE_MESSAGES[mode.kind] });
        onDone();
      },
      onError: (caught) => {
        const { atFields, above } = splitError(
          caught,
          shownFields.map((field) => FIELD_PATHS[field]),
        );
        setErrors(atFields);
        setError(above);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={mode.kind === 'start' ? 'Start medication' : `${SAVE_LABELS[mode.kind]}: ${mode.medication.name}`}>
      <Stack gap="sm">
        <ErrorAlert message={error} />
        {mode.kind === 'start' ? (
          <Autocomplete
            label="Medication name"
            withAsterisk
            dir="auto"
            data-autofocus
            data={names.data?.names ?? []}
            value={draft.name}
            error={errors.name}
            onChange={(value) => change('name', value)}
          />
        ) : (
          mode.kind === 'stop' && (
            <Text size="sm" dir="auto">
              Being stopped: {regimenInWords(mode.medication.history.at(-1)!.regimen)}
            </Text>
          )
        )}
        {withRegimen && (
          <RegimenFields
            draft={draft}
            errors={errors}
            onChange={(field, value) => change(field, value as MedicationDraft[typeof field])}
            focus={mode.kind === 'dose_change' ? 'dose' : mode.kind === 'schedule_change' ? 'schedule' : undefined}
          />
        )}
        <DateField
          label={DATE_LABELS[mode.kind]}
          w={200}
          withAsterisk
          value={draft.date}
          error={errors.date}
          data-autofocus={mode.kind === 'stop' || mode.kind === 'restart' || undefined}
          onChange={(value) => setDraft((previous) => ({ ...previous, date: value }))}
          onClearError={() => setErrors(({ date: _dropped, ...rest }) => rest)}
        />
        <Textarea
          label="Reason"
          description={reasonRequired ? undefined : 'Optional'}
          withAsterisk={reasonRequired}
          autosize
          minRows={2}
          maxRows={6}
          dir="auto"
          value={draft.reason}
          error={errors.reason}
          onChange={(event) => change('reason', event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color={mode.kind === 'stop' ? 'red' : undefined} loading={save.isPending}>
            {SAVE_LABELS[mode.kind]}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
