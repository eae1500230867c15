import type { ExportedAppointment, ExportedClient, ExportedContact, ExportedMissedSession } from '../../../shared/data-export';
import { contactTitle, MISSED_LABELS } from '../../../shared/engagement-labels';
import { frequencyInWords } from '../../../shared/engagement-rules';
import { MODALITY_LABELS } from '../../../shared/note-labels';
import { escapeLineStart, escapeMarkdown, inlineParagraphs } from './markdown-escape';

/** `follow-up/<client code>.md`: one file per client with a follow-up plan, appointments, missed sessions or contacts. */
export const followUpMarkdownPath = (clientCode: string): string => `follow-up/${clientCode}.md`;

export interface FollowUpRecords {
  appointments: readonly ExportedAppointment[];
  missedSessions: readonly ExportedMissedSession[];
  contacts: readonly ExportedContact[];
}

const bullet = (text: string) => `- ${escapeLineStart(text)}`;
const at = (date: string, startTime: string | null) => (startTime === null ? date : `${date} ${startTime}`);

function appointmentLine(appointment: ExportedAppointment): string {
  const outcome = appointment.sessionId !== null ? ', session held' : appointment.missedSessionId !== null ? ', missed' : '';
  const repeating = appointment.seriesId === null ? '' : ', repeating';
  return bullet(`${at(appointment.date, appointment.startTime)}, ${appointment.durationMinutes} min, ${MODALITY_LABELS[appointment.place].toLowerCase()}${repeating}${outcome}`);
}

function missedLine(record: ExportedMissedSession): string {
  const remark = record.remark.trim() === '' ? '' : `: ${escapeMarkdown(record.remark.trim())}`;
  return bullet(`${at(record.date, record.startTime)} ${MISSED_LABELS[record.kind]}${remark}`);
}

function contactBlock(contact: ExportedContact): string {
  const heading = bullet(`**${at(contact.date, contact.startTime)}** ${escapeMarkdown(contactTitle(contact))}`);
  const note = contact.note.trim();
  return note === '' ? heading : `${heading}\\\n  ${inlineParagraphs(note).replaceAll('\\\n', '\\\n  ')}`;
}

/** A client's agreed session frequency, appointments, missed sessions and contacts between sessions, oldest first. */
export function followUpMarkdown(client: Pick<ExportedClient, 'code' | 'followUpPlan'>, records: FollowUpRecords): string {
  const plan = client.followUpPlan;
  const parts = [`# Follow-up: ${escapeMarkdown(client.code)}`];
  parts.push(
    `## Agreed session frequency\n\n${plan === null ? '_None agreed._' : `${escapeMarkdown(frequencyInWords(plan.frequency, plan.everyDays))}, agreed ${plan.agreedOn}.`}`,
  );
  parts.push(`## Appointments\n\n${records.appointments.length === 0 ? '_None booked._' : records.appointments.map(appointmentLine).join('\n')}`);
  parts.push(`## Missed sessions\n\n${records.missedSessions.length === 0 ? '_None recorded._' : records.missedSessions.map(missedLine).join('\n')}`);
  parts.push(`## Contacts between sessions\n\n${records.contacts.length === 0 ? '_None recorded._' : records.contacts.map(contactBlock).join('\n')}`);
  return `${parts.join('\n\n')}\n`;
}
