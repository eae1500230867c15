import { exportFormats } from '../../../shared/backup';
import { DATA_EXPORT_FORMAT, DATA_EXPORT_FORMAT_VERSION, type DataExport, type ExportedAddendum, type ExportedGoal } from '../../../shared/data-export';
import type { ArchiveEntry } from '../backup/archive-file';
import { CSV_TABLES, csvEntries } from './csv';
import { followUpMarkdown, followUpMarkdownPath } from './follow-up-markdown';
import { medicationListMarkdown, medicationMarkdownPath } from './medication-markdown';
import { noteMarkdownPath, noteToMarkdown } from './note-markdown';

/** What goes inside an export's archive: its README, data.json, the CSV files and a Markdown file per note. */

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The files inside the archive, in reading order: README.txt, data.json, csv/, notes/. */
export function exportEntries(
  data: DataExport,
  options: { formats: readonly (typeof exportFormats)[number][]; encrypted: boolean; clientCode: string | null },
): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [{ name: 'README.txt', data: utf8(readmeText(data, options)) }];
  if (options.formats.includes('json')) entries.push({ name: 'data.json', data: utf8(`${JSON.stringify(data, null, 2)}\n`) });
  if (options.formats.includes('csv')) entries.push(...csvEntries(data));
  entries.push(...markdownEntries(data));
  return entries;
}

function markdownEntries(data: DataExport): ArchiveEntry[] {
  const codeOf = new Map(data.clients.map((client) => [client.id, client.code]));
  const sessionOf = new Map(data.sessions.map((session) => [session.id, session]));
  const goals = new Map<string, ExportedGoal>(data.goals.map((goal) => [goal.id, goal]));
  const addendaOf = new Map<string, ExportedAddendum[]>();
  for (const addendum of data.addenda) addendaOf.set(addendum.noteId, [...(addendaOf.get(addendum.noteId) ?? []), addendum]);
  const medicationNames = new Map(data.medications.map((medication) => [medication.id, medication.name]));
  const entries: ArchiveEntry[] = [];
  for (const note of data.notes) {
    const session = sessionOf.get(note.sessionId);
    const clientCode = codeOf.get(note.clientId);
    if (!session || clientCode === undefined) continue;
    entries.push({
      name: noteMarkdownPath(clientCode, session.date, session.id),
      data: utf8(noteToMarkdown({ clientCode, note, session, addenda: addendaOf.get(note.id) ?? [], goals, medicationNames })),
    });
  }
  for (const client of data.clients) {
    const medications = data.medications.filter((medication) => medication.clientId === client.id);
    const allergies = data.allergies.filter((allergy) => allergy.clientId === client.id);
    if (medications.length === 0 && allergies.length === 0) continue;
    entries.push({ name: medicationMarkdownPath(client.code), data: utf8(medicationListMarkdown(client.code, medications, allergies)) });
  }
  for (const client of data.clients) {
    const ofClient = <T extends { clientId: string }>(records: readonly T[]) => records.filter((record) => record.clientId === client.id);
    const records = { appointments: ofClient(data.appointments), missedSessions: ofClient(data.missedSessions), contacts: ofClient(data.contacts) };
    if (client.followUpPlan === null && records.appointments.length === 0 && records.missedSessions.length === 0 && records.contacts.length === 0) continue;
    entries.push({ name: followUpMarkdownPath(client.code), data: utf8(followUpMarkdown(client, records)) });
  }
  return entries;
}

function readmeText(data: DataExport, options: { formats: readonly string[]; encrypted: boolean; clientCode: string | null }): string {
  const lines = [
    'Alliance Notes export',
    '=====================',
    '',
    `Exported: ${data.exportedAt} (Alliance Notes ${data.appVersion})`,
    `Scope: ${options.clientCode === null ? 'the whole practice' : `one client, ${options.clientCode}`}`,
    `Process notes: ${data.scope.includesProcessNotes ? 'INCLUDED (the practitioner\'s private process notes are in this export)' : 'not included'}`,
    recordsLine(data),
    '',
    'What is inside',
    '--------------',
  ];
  if (options.formats.includes('json')) {
    lines.push(
      `data.json        Everything in one JSON file (format "${DATA_EXPORT_FORMAT}", formatVersion ${DATA_EXPORT_FORMAT_VERSION}).`,
      '                 One array per kind of record (clients, diagnoses, goals, goalStatusChanges, sessions, notes,',
      '                 addenda, measureResults, measureDefinitions, templates, alertAcknowledgements, alertEvents, medications,',
      '                 allergies, appointments, missedSessions, contacts, activityLog; each client carries its followUpPlan),',
      '                 linked by ids. Dates are YYYY-MM-DD, moments ISO 8601 in UTC. Rich text is given twice: as the',
      '                 editor\'s JSON document and as Markdown. The schema is described in Alliance Notes docs/backups-and-export.md',
      '                 ("Export in open formats") and defined in shared/data-export.ts.',
    );
  }
  if (options.formats.includes('csv')) {
    lines.push(
      'csv/*.csv        One file per table, UTF-8 with a byte-order mark, comma separated, first row = column names:',
      `                 ${CSV_TABLES.join(', ')}.`,
      '                 Rich text is Markdown. Cells beginning with = + - or @ start with an apostrophe so that a',
      '                 spreadsheet shows them as text instead of running them as formulas; data.json has exact values.',
    );
  }
  lines.push(
    'notes/<code>/    Every session note as Markdown, one file per note: <date>-<session id>.md, with the session',
    '                 details, each section of the note, and its addenda.',
    'medications/     For each client with medications or allergies recorded, <code>.md: the current and stopped',
    '                 medications with each dated change and its reason, and allergies and adverse reactions.',
    'follow-up/       For each client with a follow-up plan, appointments, missed sessions or contacts, <code>.md:',
    '                 the agreed session frequency, appointments, missed sessions with their remarks, and contacts',
    '                 between sessions with their notes.',
    '',
  );
  lines.push(
    options.encrypted
      ? 'This export was encrypted with the backup passphrase. Keep it as safely as a backup.'
      : 'WARNING: this export was saved WITHOUT encryption. Anyone who can read this file can read every record in it. Store it only on an encrypted drive and delete it when it is no longer needed.',
    '',
  );
  return lines.join('\n');
}

/** The totals line: voided sessions and struck-out results are in the files but not counted as sessions or results. */
function recordsLine(data: DataExport): string {
  const voided = new Set(data.notes.filter((note) => note.voided !== null).map((note) => note.sessionId));
  const struck = data.measureResults.filter((result) => result.struckOut !== null || (result.sessionId !== null && voided.has(result.sessionId))).length;
  const sessions = `${data.sessions.length - voided.size} sessions${voided.size > 0 ? ` (and ${voided.size} voided)` : ''}`;
  const results = `${data.measureResults.length - struck} measure results${struck > 0 ? ` (and ${struck} struck out or of voided sessions)` : ''}`;
  return `Records: ${data.clients.length} clients, ${sessions}, ${data.notes.length - voided.size} notes, ${data.addenda.length} addenda, ${results}`;
}
