import { Text, Timeline } from '@mantine/core';
import { medicationEventWords, regimenInWords, type Medication, type MedicationEvent } from '../../../shared/medications';
import { formatLocalDay } from '../lib/dates';

interface MedicationHistoryProps {
  medication: Medication;
  /** Session id → its date, for the changes decided in a session (applied when its note was signed). */
  sessionDates: ReadonlyMap<string, string>;
}

/** Every dated change to one medication, oldest first, each with its reason; nothing is ever rewritten. */
export function MedicationHistory({ medication, sessionDates }: MedicationHistoryProps) {
  return (
    <Timeline active={medication.history.length - 1} bulletSize={14} lineWidth={2} role="list" aria-label={`History of ${medication.name}`}>
      {medication.history.map((event) => (
        <Timeline.Item key={event.id} role="listitem" title={`${medicationEventWords[event.kind]}, ${formatLocalDay(event.date)}`} color={event.kind === 'stop' ? 'gray' : undefined}>
          <EventDetail event={event} sessionDates={sessionDates} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function EventDetail({ event, sessionDates }: { event: MedicationEvent; sessionDates: ReadonlyMap<string, string> }) {
  const sessionDate = event.sessionId ? sessionDates.get(event.sessionId) : undefined;
  return (
    <>
      {/* A stop keeps the regimen that was stopped; repeating it would read as if it were still taken. */}
      {event.kind !== 'stop' && (
        <Text size="sm" dir="auto">
          {regimenInWords(event.regimen)}
        </Text>
      )}
      {event.reason && (
        <Text size="sm" c="dimmed" dir="auto">
          Reason: {event.reason}
        </Text>
      )}
      {event.sessionId && (
        <Text size="sm" c="dimmed">
          {sessionDate ? `Decided in the session on ${formatLocalDay(sessionDate)}` : 'Decided in a session'}
        </Text>
      )}
    </>
  );
}
