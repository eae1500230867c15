import { promises as fs } from 'node:fs';
import { format } from 'date-fns';
import type { Kysely } from 'kysely';
import { exportFormats, type BackupProgress, type ExportDataInput } from '../../../shared/backup';
import { DATA_EXPORT_FORMAT, DATA_EXPORT_FORMAT_VERSION, type DataExport, type ExportedAddendum, type ExportedGoal } from '../../../shared/data-export';
import { AppError } from '../../../shared/errors';
import { appendActivity } from '../activity/activity-log';
import { writeArchiveFile, type ArchiveEntry } from '../backup/archive-file';
import { clientNotFound } from '../clients/client-store';
import type { VaultSchema } from '../database/schema';
import type { Dialogs } from '../dialogs';
import { CSV_TABLES, csvEntries } from './csv';
import { gatherExportData } from './export-data';
import { noteMarkdownPath, noteToMarkdown } from './note-markdown';

export interface ExportServiceOptions {
  db: () => Kysely<VaultSchema>;
  dialogs: Dialogs;
  /** The backup passphrase from Settings → Backups, or null when none is set. */
  backupPassphrase: () => Promise<string | null>;
  appVersion: string;
  now?: () => Date;
  onProgress?: (progress: BackupProgress) => void;
  /** Files written in this session, so "Show in folder" may reveal them. */
  onSaved?: (file: string) => void;
}

export interface ExportResult {
  saved: boolean;
  path: string | null;
  fileBytes: number;
  encrypted: boolean;
}

const ENCRYPTED_EXTENSION = '.tar.age';
const PLAIN_EXTENSION = '.tar';

/**
 * "Export in open formats": the whole practice or one client as data.json and/or CSV, with every note
 * as Markdown, packed in one tar that is age-encrypted with the backup passphrase unless the
 * practitioner explicitly chose, and confirmed, a plain file. Every saved export is recorded in the
 * activity log (formats and encryption only, never content); a cancelled one leaves no trace.
 */
export class ExportService {
  private readonly now: () => Date;

  constructor(private readonly options: ExportServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async export(input: ExportDataInput): Promise<ExportResult> {
    const encrypted = input.encryption === 'age';
    if (!encrypted && !input.confirmPlain) {
      const message =
        'A plain export is not encrypted: anyone who gets hold of the file can read every record in it. Confirm that you want an unencrypted file, or choose an encrypted export.';
      throw new AppError('VALIDATION', message, { fieldErrors: { confirmPlain: message } });
    }
    // Checked before the save dialog, so the practitioner is not asked where to save an export that cannot be made.
    const passphrase = encrypted ? await this.options.backupPassphrase() : null;
    if (encrypted && (passphrase === null || passphrase === '')) {
      throw new AppError('NEEDS_SETUP', 'Set a backup passphrase in Settings → Backups first; encrypted exports use the same passphrase as backups.');
    }
    const clientId = input.clientId ?? null;
    const clientCode = clientId === null ? null : await this.clientCode(clientId);

    const startedAt = this.now();
    const extension = encrypted ? ENCRYPTED_EXTENSION : PLAIN_EXTENSION;
    const chosen = await this.options.dialogs.chooseSavePath({
      title: clientCode === null ? 'Export all data' : `Export ${clientCode}`,
      suggestedName: `alliance-export-${clientCode ?? 'all'}-${format(startedAt, 'yyyyMMdd-HHmmss')}${extension}`,
      filters: encrypted ? [{ name: 'Encrypted export (age)', extensions: ['age'] }] : [{ name: 'Tar archive', extensions: ['tar'] }],
    });
    if (chosen === null) return { saved: false, path: null, fileBytes: 0, encrypted };
    const file = withExtension(chosen, encrypted);

    this.progress('Gathering records', null);
    const data = await gatherExportData(this.options.db(), {
      clientId,
      includeProcessNotes: input.includeProcessNotes,
      exportedAt: startedAt,
      appVersion: this.options.appVersion,
    });
    this.progress('Preparing files', null);
    const formats = exportFormats.filter((f) => input.formats.includes(f));
    const entries = exportEntries(data, { formats, encrypted, clientCode });

    const written = await writeArchiveFile({
      file,
      entries,
      passphrase,
      // The save dialog has already asked before replacing a file of that name.
      replace: true,
      onProgress: (fraction) => this.progress(encrypted ? 'Encrypting and writing' : 'Writing', fraction),
    });

    const fields = [...formats, encrypted ? 'encrypted' : 'plain', ...(input.includeProcessNotes ? ['processNotes'] : [])];
    try {
      await this.options.db().transaction().execute((trx) =>
        appendActivity(trx, { action: 'export', recordType: 'data', recordId: clientId ?? 'all', clientId, fields }, this.now()),
      );
    } catch (error) {
      // An export that is not in the log must not exist (a plain one above all): remove the file.
      await fs.rm(written.path, { force: true }).catch(() => undefined);
      throw error;
    }
    this.progress('Saved', 1);
    this.options.onSaved?.(written.path);
    return { saved: true, path: written.path, fileBytes: written.fileBytes, encrypted };
  }

  private async clientCode(clientId: string): Promise<string> {
    const row = await this.options.db().selectFrom('clients').select('code').where('id', '=', clientId).executeTakeFirst();
    if (!row) throw clientNotFound();
    return row.code;
  }

  private progress(phase: string, fraction: number | null): void {
    this.options.onProgress?.({ operation: 'export', phase, fraction });
  }
}

/**
 * Keeps what the practitioner typed and adds the export's extension when it is missing: "notes" →
 * "notes.tar.age", "notes.tar" → "notes.tar.age" for an encrypted export, so the file's name always
 * says how to open it.
 */
export function withExtension(file: string, encrypted: boolean): string {
  const lower = file.toLowerCase();
  if (encrypted) {
    if (lower.endsWith('.age')) return file;
    return lower.endsWith(PLAIN_EXTENSION) ? `${file}.age` : `${file}${ENCRYPTED_EXTENSION}`;
  }
  return lower.endsWith(PLAIN_EXTENSION) ? file : `${file}${PLAIN_EXTENSION}`;
}

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
  const entries: ArchiveEntry[] = [];
  for (const note of data.notes) {
    const session = sessionOf.get(note.sessionId);
    const clientCode = codeOf.get(note.clientId);
    if (!session || clientCode === undefined) continue;
    entries.push({
      name: noteMarkdownPath(clientCode, session.date, session.id),
      data: utf8(noteToMarkdown({ clientCode, note, session, addenda: addendaOf.get(note.id) ?? [], goals })),
    });
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
      '                 addenda, measureResults, measureDefinitions, templates, alertAcknowledgements, alertEvents, activityLog),',
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
