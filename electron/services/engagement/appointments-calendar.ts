import { createEvents, type EventAttributes } from 'ics';
import { addMinutes } from 'date-fns';
import type { AgendaItem, Place } from '../../../shared/engagement';

/**
 * Appointments as an iCalendar file for the practitioner's own calendar, written by the `ics` library
 * (escaping, line folding and UIDs done to the standard). Times are floating local times, as they were
 * booked. Only the client's code unless names were chosen; never notes or anything clinical.
 */

const PLACE_WORDS: Record<Place, string> = { in_person: 'In person', video: 'Video', phone: 'Phone' };

const parts = (date: string, time: string): [number, number, number, number, number] => {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return [year, month, day, hour, minute];
};

export function appointmentsCalendar(items: readonly AgendaItem[], withNames: boolean): string {
  const events: EventAttributes[] = items.map((item) => {
    const start = parts(item.date, item.startTime);
    const end = addMinutes(new Date(start[0], start[1] - 1, start[2], start[3], start[4]), item.durationMinutes);
    return {
      uid: `${item.id}@alliance-notes.local`,
      title: `Session: ${withNames ? `${item.clientName} (${item.clientCode})` : item.clientCode}`,
      location: PLACE_WORDS[item.place],
      start,
      startInputType: 'local',
      startOutputType: 'local',
      end: [end.getFullYear(), end.getMonth() + 1, end.getDate(), end.getHours(), end.getMinutes()],
      endInputType: 'local',
      endOutputType: 'local',
      classification: 'CONFIDENTIAL',
      busyStatus: 'BUSY',
    };
  });
  // An empty calendar is still a valid file (the library refuses an empty list).
  if (events.length === 0) return 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:alliance-notes\r\nEND:VCALENDAR\r\n';
  const { error, value } = createEvents(events, { productId: 'alliance-notes', calName: 'Alliance Notes appointments' });
  if (error || value === null) throw new Error('The calendar file could not be built.');
  return value;
}
