import type { FormEvent } from 'react';
import { Button, Group, Modal, Radio, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { localIsoDate } from '../../../shared/dates';
import { MAX_REMARK, missedKinds, recordMissedInputSchema, type MissedKind } from '../../../shared/engagement';
import { missedProblems } from '../../../shared/engagement-rules';
import { call } from '../api';
import { DateField } from '../components/DateField';
import { ErrorAlert } from '../components/ErrorAlert';
import { TimeField } from '../components/TimeField';
import { typedDateProblem } from '../components/typed-date';
import { MISSED_LABELS } from './labels';
import { useEngagementChanged } from './queries';
import { schemaProblems } from './schema-problems';
import { useFieldForm } from './use-field-form';

interface RecordMissedModalProps {
  clientId: string;
  dateOfBirth: string | null;
  opened: boolean;
  onClose: () => void;
}

/** A no-show or late cancellation: a record on the timeline, with no note and nothing to sign. */
export function RecordMissedModal({ opened, onClose, ...props }: RecordMissedModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Record missed session" centered>
      <RecordMissedForm {...props} onClose={onClose} />
    </Modal>
  );
}

interface MissedValues {
  kind: MissedKind;
  date: string;
  startTime: string;
  remark: string;
}

/** "12 / 300", or how far over the limit, so nothing is cut off without the practitioner seeing it. */
export const remarkProblem = (remark: string): string | null =>
  remark.trim().length > MAX_REMARK ? `Keep the remark to ${MAX_REMARK} characters: it has ${remark.trim().length}.` : null;

function RecordMissedForm({ clientId, dateOfBirth, onClose }: Omit<RecordMissedModalProps, 'opened'>) {
  const today = localIsoDate();
  const form = useFieldForm<MissedValues>({ kind: 'no_show', date: today, startTime: '', remark: '' });
  const changed = useEngagementChanged();
  const { values, errors } = form;

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = { clientId, kind: values.kind, date: values.date, startTime: values.startTime === '' ? null : values.startTime, remark: values.remark, appointmentId: null };
    const problems = { ...schemaProblems(recordMissedInputSchema, input), ...missedProblems(input, today, dateOfBirth) };
    const dateProblem = typedDateProblem(values.date) ?? (values.date === '' ? 'Enter the date of the missed session.' : null);
    if (dateProblem) problems.date = dateProblem;
    const remark = remarkProblem(values.remark);
    if (remark) problems.remark = remark;
    void form.submit(problems, async () => {
      await call('recordMissedSession', input);
      changed(clientId);
      notifications.show({ color: 'teal', message: `${MISSED_LABELS[values.kind]} recorded` });
      onClose();
    });
  };

  const length = values.remark.trim().length;
  return (
    <form onSubmit={save} noValidate>
      <Stack>
        <ErrorAlert message={form.error} />
        <Radio.Group label="What happened" value={values.kind} onChange={(value) => form.set('kind', value as MissedKind)} error={errors.kind}>
          <Group gap="lg" mt={6}>
            {missedKinds.map((kind) => (
              <Radio key={kind} value={kind} label={MISSED_LABELS[kind]} />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label="Date" required max={today} value={values.date} error={errors.date} onChange={(value) => form.set('date', value)} onClearError={() => undefined} data-autofocus />
          <TimeField label="Time" description="Optional" value={values.startTime} error={errors.startTime} onChange={(startTime) => form.set('startTime', startTime)} onClearError={() => undefined} />
        </SimpleGrid>
        <Textarea
          label="Remark"
          description={`Optional. ${length} / ${MAX_REMARK} characters`}
          autosize
          minRows={2}
          dir="auto"
          value={values.remark}
          // Over the limit is said at once; the text is kept as typed, never cut.
          error={errors.remark ?? remarkProblem(values.remark)}
          onChange={(event) => form.set('remark', event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.busy}>
            Record missed session
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
