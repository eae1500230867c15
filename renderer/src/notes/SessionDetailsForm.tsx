import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TextInput, Input } from '@mantine/core';
import { localIsoDate } from '../../../shared/dates';
import { attendances, MAX_SESSION_MINUTES, modalities, sessionTypes } from '../../../shared/notes';
import { ApiError, errorMessage } from '../api';
import { DateField } from '../components/DateField';
import { ErrorAlert } from '../components/ErrorAlert';
import { TimeField } from '../components/TimeField';
import { ATTENDANCE_LABELS, MODALITY_LABELS, SESSION_TYPE_LABELS } from '../../../shared/note-labels';
import { sessionFieldErrors, sessionValueProblems, type SessionFormValues } from './session-form';

interface SessionDetailsFormProps {
  initial: SessionFormValues;
  /** The client's, so a session cannot be dated before the client was born. */
  dateOfBirth: string | null;
  submitLabel: string;
  /** Saves; throws ApiError whose field messages land under the fields. */
  onSubmit: (values: SessionFormValues) => Promise<void>;
  onCancel: () => void;
  /** Extra fields below the session's own (the template choice for a new session). */
  children?: ReactNode;
  /**
   * For a new session: a no-show or late cancellation is then recorded as a missed session, with no
   * note, unless the practitioner asks for a note anyway. Throws ApiError like `onSubmit`.
   */
  onRecordMissed?: (values: SessionFormValues) => Promise<void>;
}

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));

/** Date, time, length, modality, type, attendance and service code of a session. */
export function SessionDetailsForm({ initial, dateOfBirth, submitLabel, onSubmit, onCancel, children, onRecordMissed }: SessionDetailsFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attendanceId = useId();
  const set = <K extends keyof SessionFormValues>(key: K, value: SessionFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _dropped, ...rest }) => rest);
  };

  // The date rule is told at once on leaving the field: a slip to 2062 is easiest to see right after typing it.
  const checkDate = () => {
    const problem = sessionValueProblems(values, localIsoDate(), dateOfBirth).date;
    if (problem && values.date !== '') setErrors((current) => ({ ...current, date: problem }));
  };

  // A missed session needs a record, not a note: that is what Enter and the main button do then.
  const missed = onRecordMissed !== undefined && values.attendance !== 'attended';
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    await save(missed ? onRecordMissed : onSubmit);
  };
  const save = async (action: (values: SessionFormValues) => Promise<void>) => {
    const problems = sessionValueProblems(values, localIsoDate(), dateOfBirth);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await action(values);
    } catch (caught) {
      const fields = caught instanceof ApiError ? sessionFieldErrors(caught.fieldErrors) : {};
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert message={error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label="Date" required value={values.date} error={errors.date ?? null} onChange={(date) => set('date', date)} onClearError={() => undefined} onBlur={checkDate} data-autofocus />
          <TimeField label="Start time" value={values.startTime} error={errors.startTime} onChange={(startTime) => set('startTime', startTime)} onClearError={() => undefined} />
          <NumberInput
            label="Length (minutes)"
            min={1}
            max={MAX_SESSION_MINUTES}
            // Kept as typed (10,000 or 50.5) so the message can say what is wrong, never clamped or cut.
            clampBehavior="none"
            value={values.durationMinutes}
            error={errors.durationMinutes}
            onChange={(value) => set('durationMinutes', value)}
          />
        </SimpleGrid>
        {/* The options are a radio group named by this label (a <label> would point at no single input). */}
        <Input.Wrapper
          label="Attendance"
          labelElement="div"
          labelProps={{ id: `${attendanceId}-label` }}
          error={errors.attendance}
          errorProps={{ id: `${attendanceId}-error` }}
        >
          <SegmentedControl
            fullWidth
            mt={4}
            aria-labelledby={`${attendanceId}-label`}
            aria-describedby={errors.attendance ? `${attendanceId}-error` : undefined}
            data={options(attendances, ATTENDANCE_LABELS)}
            value={values.attendance}
            onChange={(value) => set('attendance', value as SessionFormValues['attendance'])}
          />
        </Input.Wrapper>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Type" allowDeselect={false} data={options(sessionTypes, SESSION_TYPE_LABELS)} value={values.type} error={errors.type} onChange={(value) => value && set('type', value as SessionFormValues['type'])} />
          <Select label="Modality" allowDeselect={false} data={options(modalities, MODALITY_LABELS)} value={values.modality} error={errors.modality} onChange={(value) => value && set('modality', value as SessionFormValues['modality'])} />
          <TextInput label="Service code" description="Optional, e.g. 90834" maxLength={20} value={values.serviceCode} error={errors.serviceCode} onChange={(event) => set('serviceCode', event.currentTarget.value)} />
        </SimpleGrid>
        {missed ? (
          <Alert color="blue" variant="light" title="A missed session needs no note">
            It is recorded as a {ATTENDANCE_LABELS[values.attendance].toLowerCase()} on the client’s timeline, and nothing waits for a signature. You can still start a note if you want one.
          </Alert>
        ) : (
          children
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          {missed && (
            <Button variant="default" disabled={busy} onClick={() => void save(onSubmit)}>
              Start a note anyway
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {missed ? 'Record missed session' : submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
