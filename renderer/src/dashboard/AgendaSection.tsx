import { useState } from 'react';
import { Anchor, Badge, Button, EmptyState, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconCalendarShare } from '@tabler/icons-react';
import type { AgendaItem } from '../../../shared/engagement';
import { localIsoDate } from '../../../shared/dates';
import { MODALITY_LABELS } from '../../../shared/note-labels';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSection } from '../components/PageSection';
import { useGuardedLink } from '../navigation/navigation-guard';
import { agendaByDay, agendaEnd, endTime, type AgendaDay } from './agenda-days';
import { CalendarExportModal } from './CalendarExportModal';
import { MissedSessionModal } from './MissedSessionModal';
import { StartNoteModal } from './StartNoteModal';
import { useAgenda } from './queries';
import classes from './Dashboard.module.css';

/**
 * "Today and this week": the practice's appointments from today through the next six days, by day.
 * Each not yet held starts its note from here, or is recorded as missed once its day has come.
 */
export function AgendaSection() {
  const today = localIsoDate();
  const agenda = useAgenda(today, agendaEnd(today));
  // The item stays set while its dialog closes, so the closing dialog keeps its content and returns focus.
  const [starting, setStarting] = useState<{ item: AgendaItem; opened: boolean } | null>(null);
  const [missing, setMissing] = useState<{ item: AgendaItem; opened: boolean } | null>(null);
  const [exporting, setExporting] = useState(false);
  const days = agendaByDay(agenda.data?.items ?? [], today);

  return (
    <PageSection order={2} title="Today and this week" description="Your appointments from today to the same weekday next week.">
      <Stack gap="md">
        <Group justify="flex-end">
          <Button variant="default" size="sm" leftSection={<IconCalendarShare size={16} aria-hidden />} onClick={() => setExporting(true)}>
            Export to calendar…
          </Button>
        </Group>
        {agenda.isPending && <Skeleton height={96} aria-label="Loading appointments" />}
        {agenda.isError && <ErrorAlert title="Appointments could not be loaded" message={errorMessage(agenda.error)} />}
        {agenda.isSuccess && days.length === 0 && (
          <EmptyState icon={<IconCalendarEvent size={28} aria-hidden />}>
            <EmptyState.Title>No appointments this week</EmptyState.Title>
            <EmptyState.Description>Appointments booked on a client’s page are listed here, by day.</EmptyState.Description>
          </EmptyState>
        )}
        {days.map((day) => (
          <AgendaDayList
            key={day.date}
            day={day}
            today={today}
            onStart={(item) => setStarting({ item, opened: true })}
            onMissed={(item) => setMissing({ item, opened: true })}
          />
        ))}
      </Stack>
      {starting && <StartNoteModal item={starting.item} opened={starting.opened} onClose={() => setStarting({ ...starting, opened: false })} />}
      {missing && <MissedSessionModal item={missing.item} opened={missing.opened} onClose={() => setMissing({ ...missing, opened: false })} />}
      <CalendarExportModal opened={exporting} onClose={() => setExporting(false)} />
    </PageSection>
  );
}

interface AgendaDayListProps {
  day: AgendaDay;
  today: string;
  onStart: (item: AgendaItem) => void;
  onMissed: (item: AgendaItem) => void;
}

function AgendaDayList({ day, today, onStart, onMissed }: AgendaDayListProps) {
  const link = useGuardedLink();
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">
        {day.label}
      </Title>
      <ul className={classes.list} aria-label={`Appointments ${day.label === 'Today' || day.label === 'Tomorrow' ? day.label.toLowerCase() : `on ${day.label}`}`}>
        {day.items.map((item) => {
          const when = `${day.label === 'Today' || day.label === 'Tomorrow' ? day.label.toLowerCase() : day.label} at ${item.startTime}`;
          return (
            <li key={item.id} className={`${classes.item} ${classes.cell}`}>
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Group gap="md" wrap="wrap">
                  <Text span fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    {item.startTime}–{endTime(item.startTime, item.durationMinutes)}
                  </Text>
                  <Text span size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {item.durationMinutes} min · {MODALITY_LABELS[item.place]}
                  </Text>
                  <Anchor ff="monospace" fw={600} {...link(`/clients/${item.clientId}`)}>
                    {item.clientCode}
                  </Anchor>
                  <Text span size="sm">
                    <bdi>{item.clientName}</bdi>
                  </Text>
                </Group>
                <AppointmentActions item={item} today={today} when={when} onStart={onStart} onMissed={onMissed} />
              </Group>
            </li>
          );
        })}
      </ul>
    </Stack>
  );
}

interface AppointmentActionsProps {
  item: AgendaItem;
  today: string;
  /** "today at 09:00", to tell one appointment's buttons from another's. */
  when: string;
  onStart: (item: AgendaItem) => void;
  onMissed: (item: AgendaItem) => void;
}

/** "Held" or "Missed" once recorded; otherwise "Start note", and "Missed…" once the day has come. */
function AppointmentActions({ item, today, when, onStart, onMissed }: AppointmentActionsProps) {
  if (item.sessionId) {
    return (
      <Badge variant="light" color="teal" tt="none">
        Held
      </Badge>
    );
  }
  if (item.attendanceId) {
    return (
      <Badge variant="light" color="orange" tt="none">
        Missed
      </Badge>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      {/* A missed session is recorded on the day or after it: a future one is not missed yet. */}
      {item.date <= today && (
        <Button size="compact-sm" variant="default" aria-label={`Missed… ${item.clientCode} ${when}`} onClick={() => onMissed(item)}>
          Missed…
        </Button>
      )}
      <Button size="compact-sm" aria-label={`Start note: ${item.clientCode} ${when}`} onClick={() => onStart(item)}>
        Start note
      </Button>
    </Group>
  );
}
