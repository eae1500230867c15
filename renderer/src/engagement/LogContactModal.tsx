import type { FormEvent } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { localIsoDate } from '../../../shared/dates';
import { addContactInputSchema, contactDirections, contactKinds, MAX_CONTACT_NOTE, type ContactDirection, type ContactKind } from '../../../shared/engagement';
import { contactProblems } from '../../../shared/engagement-rules';
import { call } from '../api';
import { DateField } from '../components/DateField';
import { ErrorAlert } from '../components/ErrorAlert';
import { TimeField } from '../components/TimeField';
import { typedDateProblem } from '../components/typed-date';
import { CONTACT_KIND_LABELS, contactTitle, DIRECTION_LABELS, options } from './labels';
import { useEngagementChanged } from './queries';
import { schemaProblems } from './schema-problems';
import { useFieldForm } from './use-field-form';

interface LogContactModalProps {
  clientId: string;
  dateOfBirth: string | null;
  opened: boolean;
  onClose: () => void;
}

/** A contact between sessions (a call after a missed session, a letter, a word with the GP). */
export function LogContactModal({ opened, onClose, ...props }: LogContactModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Log contact" size="lg" centered>
      <LogContactForm {...props} onClose={onClose} />
    </Modal>
  );
}

interface ContactValues {
  date: string;
  startTime: string;
  kind: ContactKind;
  direction: ContactDirection;
  professional: string;
  note: string;
}

function LogContactForm({ clientId, dateOfBirth, onClose }: Omit<LogContactModalProps, 'opened'>) {
  const today = localIsoDate();
  const form = useFieldForm<ContactValues>({ date: today, startTime: '', kind: 'phone', direction: 'to_client', professional: '', note: '' });
  const changed = useEngagementChanged();
  const { values, errors } = form;
  const withProfessional = values.direction === 'with_professional';

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = {
      clientId,
      date: values.date,
      startTime: values.startTime === '' ? null : values.startTime,
      kind: values.kind,
      direction: values.direction,
      // The name belongs to a contact with a professional only; hidden, it is not sent.
      professional: withProfessional ? values.professional.trim() : '',
      note: values.note,
    };
    const problems = { ...schemaProblems(addContactInputSchema, input), ...contactProblems({ ...input, note: input.note.trim() }, today, dateOfBirth) };
    const dateProblem = typedDateProblem(values.date) ?? (values.date === '' ? 'Enter the date of the contact.' : null);
    if (dateProblem) problems.date = dateProblem;
    void form.submit(problems, async () => {
      const contact = await call('addContact', input);
      changed(clientId);
      notifications.show({ color: 'teal', message: `${contactTitle(contact)} logged` });
      onClose();
    });
  };

  const noteLength = values.note.trim().length;
  return (
    <form onSubmit={save} noValidate>
      <Stack>
        <ErrorAlert message={form.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label="Date" required max={today} value={values.date} error={errors.date} onChange={(value) => form.set('date', value)} onClearError={() => undefined} data-autofocus />
          <TimeField label="Time" description="Optional" value={values.startTime} error={errors.startTime} onChange={(startTime) => form.set('startTime', startTime)} onClearError={() => undefined} />
          <Select label="Kind" allowDeselect={false} data={options(contactKinds, CONTACT_KIND_LABELS)} value={values.kind} error={errors.kind} onChange={(value) => value && form.set('kind', value as ContactKind)} />
          <Select
            label="Direction"
            allowDeselect={false}
            data={options(contactDirections, DIRECTION_LABELS)}
            value={values.direction}
            error={errors.direction}
            onChange={(value) => value && form.set('direction', value as ContactDirection)}
          />
        </SimpleGrid>
        {withProfessional && (
          <TextInput label="Professional or service" required dir="auto" placeholder="e.g. Dr Aziz (GP)" value={values.professional} error={errors.professional} onChange={(event) => form.set('professional', event.currentTarget.value)} />
        )}
        <Textarea
          label="Note"
          description={`Short, optional. ${noteLength.toLocaleString()} / ${MAX_CONTACT_NOTE.toLocaleString()} characters`}
          autosize
          minRows={2}
          dir="auto"
          value={values.note}
          error={errors.note ?? (noteLength > MAX_CONTACT_NOTE ? `Keep the note to ${MAX_CONTACT_NOTE.toLocaleString()} characters: it has ${noteLength.toLocaleString()}.` : undefined)}
          onChange={(event) => form.set('note', event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.busy}>
            Log contact
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
