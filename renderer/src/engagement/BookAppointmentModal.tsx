import type { FormEvent } from 'react';
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { localIsoDate } from '../../../shared/dates';
import { addAppointmentsInputSchema, MAX_REPEATS, places, repeatIntervals, type Place, type RepeatInterval } from '../../../shared/engagement';
import { appointmentProblems } from '../../../shared/engagement-rules';
import { MODALITY_LABELS } from '../../../shared/note-labels';
import { MAX_SESSION_MINUTES } from '../../../shared/notes';
import { call } from '../api';
import { DateField } from '../components/DateField';
import { ErrorAlert } from '../components/ErrorAlert';
import { TimeField } from '../components/TimeField';
import { typedDateProblem } from '../components/typed-date';
import { options, REPEAT_LABELS } from './labels';
import { useEngagementChanged } from './queries';
import { schemaProblems } from './schema-problems';
import { numberOf, useFieldForm } from './use-field-form';

interface BookAppointmentModalProps {
  clientId: string;
  dateOfBirth: string | null;
  opened: boolean;
  onClose: () => void;
}

/** Books one appointment, or a repeating series of them. No invitation or reminder goes to anyone. */
export function BookAppointmentModal({ opened, onClose, ...props }: BookAppointmentModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Book appointment" size="lg" centered>
      <BookAppointmentForm {...props} onClose={onClose} />
    </Modal>
  );
}

interface BookingValues {
  date: string;
  startTime: string;
  durationMinutes: number | string;
  place: Place;
  repeat: RepeatInterval | 'none';
  count: number | string;
}

const NO_REPEAT = { value: 'none', label: 'Does not repeat' };

function BookAppointmentForm({ clientId, dateOfBirth, onClose }: Omit<BookAppointmentModalProps, 'opened'>) {
  const today = localIsoDate();
  const form = useFieldForm<BookingValues>({ date: today, startTime: '', durationMinutes: 50, place: 'in_person', repeat: 'none', count: 6 });
  const changed = useEngagementChanged();
  const { values, errors } = form;

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = {
      clientId,
      date: values.date,
      startTime: values.startTime,
      durationMinutes: numberOf(values.durationMinutes),
      place: values.place,
      repeat: values.repeat === 'none' ? null : { every: values.repeat, count: numberOf(values.count) },
    };
    const problems = schemaProblems(addAppointmentsInputSchema, input);
    if (Number.isNaN(input.durationMinutes)) problems.durationMinutes = 'Enter the length in minutes.';
    if (input.repeat && Number.isNaN(input.repeat.count)) problems['repeat.count'] = 'Enter how many appointments to book.';
    const dateProblem = typedDateProblem(values.date) ?? (values.date === '' ? 'Enter the date of the appointment.' : null);
    if (dateProblem) problems.date = dateProblem;
    if (Object.keys(problems).length === 0) Object.assign(problems, appointmentProblems(addAppointmentsInputSchema.parse(input), today, dateOfBirth));
    void form.submit(problems, async () => {
      const { appointments } = await call('addAppointments', input);
      changed(clientId);
      notifications.show({ color: 'teal', message: appointments.length === 1 ? 'Appointment booked' : `${appointments.length} appointments booked` });
      onClose();
    });
  };

  return (
    <form onSubmit={save} noValidate>
      <Stack>
        <ErrorAlert message={form.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label="Date" required value={values.date} error={errors.date} onChange={(value) => form.set('date', value)} onClearError={() => undefined} data-autofocus />
          <TimeField label="Time" required value={values.startTime} error={errors.startTime} onChange={(startTime) => form.set('startTime', startTime)} onClearError={() => undefined} />
          <NumberInput
            label="Length (minutes)"
            min={1}
            max={MAX_SESSION_MINUTES}
            // Kept as typed, so the message can say what is wrong; never clamped.
            clampBehavior="none"
            value={values.durationMinutes}
            error={errors.durationMinutes}
            onChange={(value) => form.set('durationMinutes', value)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Place" allowDeselect={false} data={options(places, MODALITY_LABELS)} value={values.place} error={errors.place} onChange={(value) => value && form.set('place', value as Place)} />
          <Select
            label="Repeats"
            allowDeselect={false}
            data={[NO_REPEAT, ...options(repeatIntervals, REPEAT_LABELS)]}
            value={values.repeat}
            error={errors['repeat.every']}
            onChange={(value) => value && form.set('repeat', value as BookingValues['repeat'])}
          />
          {values.repeat !== 'none' && (
            <NumberInput
              label="Appointments in all"
              description="The first one included"
              min={2}
              max={MAX_REPEATS}
              clampBehavior="none"
              value={values.count}
              error={errors['repeat.count']}
              onChange={(value) => {
                form.set('count', value);
                form.clearError('repeat.count');
              }}
            />
          )}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.busy}>
            Book appointment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
