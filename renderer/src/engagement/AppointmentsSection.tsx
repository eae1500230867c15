import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { localIsoDate } from '../../../shared/dates';
import type { Appointment } from '../../../shared/engagement';
import { MODALITY_LABELS } from '../../../shared/note-labels';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatLocalDay } from '../lib/dates';
import { BookAppointmentModal } from './BookAppointmentModal';
import { RemoveAppointmentModal } from './RemoveAppointmentModal';
import { useAppointments } from './queries';

/** Upcoming appointments first (soonest first), then past ones (latest first) with whether they were held. */
export function AppointmentsSection({ clientId, dateOfBirth }: { clientId: string; dateOfBirth: string | null }) {
  const appointments = useAppointments(clientId);
  const [booking, setBooking] = useState(false);
  const [removing, setRemoving] = useState<Appointment | null>(null);
  const today = localIsoDate();
  const all = appointments.data?.appointments ?? [];
  const byTime = (a: Appointment, b: Appointment) => `${a.date} ${a.startTime}`.localeCompare(`${b.date} ${b.startTime}`);
  const upcoming = all.filter((appointment) => appointment.date >= today && !appointment.sessionId && !appointment.attendanceId).sort(byTime);
  const past = all.filter((appointment) => !upcoming.includes(appointment)).sort((a, b) => byTime(b, a));

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-label="Appointments">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Appointments
        </Title>
        <Button size="compact-sm" variant="light" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setBooking(true)}>
          Book appointment
        </Button>
      </Group>
      {appointments.isError && <ErrorAlert message={errorMessage(appointments.error)} />}
      {appointments.isSuccess && all.length === 0 && (
        <Text size="sm" c="dimmed">
          No appointments booked. They are for your own planning: nothing is sent to the client.
        </Text>
      )}
      <Stack gap="md">
        {upcoming.length > 0 && <AppointmentTable caption="Upcoming" appointments={upcoming} onRemove={setRemoving} />}
        {past.length > 0 && <AppointmentTable caption="Past" appointments={past} onRemove={setRemoving} />}
      </Stack>
      <BookAppointmentModal clientId={clientId} dateOfBirth={dateOfBirth} opened={booking} onClose={() => setBooking(false)} />
      <RemoveAppointmentModal clientId={clientId} appointment={removing} onClose={() => setRemoving(null)} />
    </Paper>
  );
}

function outcome(appointment: Appointment, today: string): { label: string; color: string } {
  if (appointment.sessionId) return { label: 'Held', color: 'teal' };
  if (appointment.attendanceId) return { label: 'Missed', color: 'orange' };
  if (appointment.date >= today) return { label: 'Upcoming', color: 'blue' };
  return { label: 'Not recorded', color: 'gray' };
}

function AppointmentTable({ caption, appointments, onRemove }: { caption: string; appointments: readonly Appointment[]; onRemove: (appointment: Appointment) => void }) {
  const today = localIsoDate();
  return (
    <Table verticalSpacing="xs" aria-label={`${caption} appointments`} captionSide="top">
      <Table.Caption style={{ textAlign: 'start' }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Date</Table.Th>
          <Table.Th>Time and place</Table.Th>
          <Table.Th>Attendance</Table.Th>
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {appointments.map((appointment) => {
          const state = outcome(appointment, today);
          const day = formatLocalDay(appointment.date);
          return (
            <Table.Tr key={appointment.id}>
              <Table.Td>
                {day}
                {appointment.seriesId && (
                  <Text size="xs" c="dimmed">
                    Repeating
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{`${appointment.startTime} · ${appointment.durationMinutes} min · ${MODALITY_LABELS[appointment.place]}`}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={state.color}>
                  {state.label}
                </Badge>
              </Table.Td>
              <Table.Td ta="end">
                {!appointment.sessionId && !appointment.attendanceId && (
                  <Button size="compact-xs" variant="subtle" color="red" aria-label={`Remove the appointment of ${day}, ${appointment.startTime}`} onClick={() => onRemove(appointment)}>
                    Remove…
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
