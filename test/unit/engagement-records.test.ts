import { promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { sql } from 'kysely';
import * as tar from 'tar-stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dialogs } from '../../electron/services/dialogs';
import { ExportService } from '../../electron/services/export/export.service';
import { SummaryService } from '../../electron/services/summary/summary.service';
import { exportDataInputSchema } from '../../shared/backup';
import { dataExportSchema, type DataExport } from '../../shared/data-export';
import { searchInputSchema } from '../../shared/notes';
import { progressSummaryOptionsSchema, type ProgressSummaryOptionsInput } from '../../shared/progress-summary';
import { foldForSearch } from '../../shared/search-fold';
import { testNow } from './support/client-vault';
import { engagementServiceOf, noDialogs, seedEngagedClient, type EngagedClient } from './support/engaged-client';
import { openNotesVault, type NotesVault } from './support/notes-vault';
import { pdfText, squash } from './support/pdf-tools';
import { plaintextPages } from './support/sqlcipher-pages';
import { PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

/**
 * Follow-up plans, appointments, missed sessions and contacts between sessions take part in everything
 * a client's record takes part in: the open-format export (JSON, CSV, Markdown), search, erasure and the
 * PDF progress summary. (Backups: engagement-records-backup.test.ts.) Each client's typed text carries
 * an invented marker word, so a test can follow it.
 */
const ADA = { legalName: 'Ada Engagexample', code: 'AE-0001', marker: 'Quintablorn' };
const BEN = { legalName: 'Ben Otherexample', code: 'BO-0002', marker: 'Vexilmonder' };
const ENGAGEMENT_TABLES = ['follow_up_plans', 'appointments', 'attendance_records', 'contacts'] as const;

let nv: NotesVault;
let outDir: string;
let ada: EngagedClient;
let ben: EngagedClient;

beforeEach(async () => {
  nv = await openNotesVault();
  outDir = tempDir('alliance-engagement-records-');
  ada = await seedEngagedClient(nv, ADA);
  ben = await seedEngagedClient(nv, BEN);
  await nv.clients.setStatus(ben.clientId, 'discharged', '2026-06-10', 'Stopped coming', 'unplanned');
});

afterEach(async () => {
  await nv.close();
  await removeDir(outDir);
});

const rowsOf = (table: (typeof ENGAGEMENT_TABLES)[number], clientId: string): number =>
  nv.vault.connection().prepare(`SELECT count(*) FROM ${table} WHERE client_id = ?`).pluck().get(clientId) as number;

describe('engagement records in the open-format export', () => {
  const saveTo = (): Dialogs => ({ ...noDialogs, chooseSavePath: async (options) => path.join(outDir, options.suggestedName) });

  async function exportPlain(clientId: string | null): Promise<Map<string, string>> {
    const service = new ExportService({ db: nv.db, dialogs: saveTo(), backupPassphrase: async () => null, appVersion: '9.9.9-test', now: testNow });
    const input = exportDataInputSchema.parse({ formats: ['json', 'csv'], encryption: 'plain', confirmPlain: true, ...(clientId ? { clientId } : {}) });
    const result = await service.export(input);
    return untar(await fs.readFile(result.path!));
  }
  const dataJson = (files: Map<string, string>): DataExport => dataExportSchema.parse(JSON.parse(files.get('data.json')!));
  const csvRows = (files: Map<string, string>, table: string): Record<string, string>[] => {
    const parsed = Papa.parse<Record<string, string>>(files.get(`csv/${table}.csv`)!.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    return parsed.data;
  };

  it('data.json holds the follow-up plan on each client, the discharge kind, appointments, missed sessions, contacts and a repair worked on', async () => {
    const data = dataJson(await exportPlain(null));
    const adaClient = data.clients.find((client) => client.id === ada.clientId)!;
    expect(adaClient.followUpPlan).toMatchObject({ frequency: 'fortnightly', everyDays: null, agreedOn: '2026-03-01' });
    expect(adaClient.dischargeKind).toBeNull();
    expect(data.clients.find((client) => client.id === ben.clientId)).toMatchObject({ status: 'discharged', dischargeKind: 'unplanned' });

    const adaAppointments = data.appointments.filter((a) => a.clientId === ada.clientId);
    expect(adaAppointments.map((a) => [a.date, a.startTime, a.place, a.missedSessionId])).toEqual([
      ['2026-06-01', '10:00', 'in_person', ada.noShowId],
      ['2026-06-22', '14:30', 'video', null],
      ['2026-06-29', '14:30', 'video', null],
    ]);
    expect(adaAppointments[1]!.seriesId).not.toBeNull();
    expect(adaAppointments[2]!.seriesId).toBe(adaAppointments[1]!.seriesId);
    expect(data.missedSessions.filter((m) => m.clientId === ada.clientId)).toMatchObject([
      { id: ada.noShowId, date: '2026-06-01', startTime: '10:00', kind: 'no_show', remark: ada.remark },
      { id: ada.lateCancellationId, date: '2026-06-08', startTime: null, kind: 'late_cancellation', remark: '' },
    ]);
    expect(data.contacts.filter((c) => c.clientId === ada.clientId)).toMatchObject([
      { id: ada.phoneCallId, date: '2026-06-02', startTime: '09:15', kind: 'phone', direction: 'to_client', professional: '', note: ada.contactNote },
      { id: ada.letterId, date: '2026-06-03', kind: 'letter', direction: 'with_professional', professional: ada.professional },
    ]);
    expect(data.notes.find((note) => note.id === ada.noteId)!.rupture).toEqual({ noted: false, description: '', repaired: true });
    // The engagement flag (two missed in a row) is exported with the other alerts.
    expect(data.alertEvents.some((event) => event.clientId === ada.clientId && event.kind === 'engagement')).toBe(true);
  });

  it('a one-client export holds only that client\'s engagement records', async () => {
    const data = dataJson(await exportPlain(ada.clientId));
    for (const records of [data.appointments, data.missedSessions, data.contacts]) {
      expect(records.length).toBeGreaterThan(0);
      expect(new Set(records.map((record) => record.clientId))).toEqual(new Set([ada.clientId]));
    }
    expect(JSON.stringify(data)).not.toContain(BEN.marker);
  });

  it('the CSV files hold one table each, and the clients and notes tables the discharge kind and the repair', async () => {
    const files = await exportPlain(null);
    expect(csvRows(files, 'follow_up_plans')).toMatchObject([
      { clientId: ada.clientId, clientCode: ADA.code, frequency: 'fortnightly', everyDays: '', agreedOn: '2026-03-01' },
      { clientId: ben.clientId, clientCode: BEN.code, frequency: 'fortnightly' },
    ]);
    expect(csvRows(files, 'appointments').filter((row) => row.clientCode === ADA.code).map((row) => [row.date, row.place, row.missedSessionId])).toEqual([
      ['2026-06-01', 'in_person', ada.noShowId],
      ['2026-06-22', 'video', ''],
      ['2026-06-29', 'video', ''],
    ]);
    expect(csvRows(files, 'missed_sessions').filter((row) => row.clientCode === ADA.code)).toMatchObject([
      { id: ada.noShowId, kind: 'no_show', remark: ada.remark },
      { id: ada.lateCancellationId, kind: 'late_cancellation', remark: '' },
    ]);
    expect(csvRows(files, 'contacts').filter((row) => row.clientCode === ADA.code)).toMatchObject([
      { kind: 'phone', direction: 'to_client', startTime: '09:15', note: ada.contactNote },
      { kind: 'letter', direction: 'with_professional', professional: ada.professional },
    ]);
    expect(csvRows(files, 'clients').map((row) => [row.code, row.dischargeKind])).toEqual([
      [ADA.code, ''],
      [BEN.code, 'unplanned'],
    ]);
    expect(csvRows(files, 'notes').find((row) => row.id === ada.noteId)!.ruptureRepaired).toBe('true');
    expect(files.get('README.txt')).toContain('follow_up_plans, appointments, missed_sessions, contacts');
  });

  it('a Markdown file per client puts the frequency, appointments, missed sessions and contacts in words; a note shows the repair', async () => {
    const files = await exportPlain(null);
    const text = files.get(`follow-up/${ADA.code}.md`)!;
    expect(text).toContain(`# Follow-up: ${ADA.code}`);
    expect(text).toContain('## Agreed session frequency\n\nfortnightly, agreed 2026-03-01.');
    expect(text).toContain('- 2026-06-01 10:00, 50 min, in person, missed');
    expect(text).toContain('- 2026-06-22 14:30, 45 min, video, repeating');
    expect(text).toContain(`- 2026-06-01 10:00 No-show: ${ada.remark}`);
    expect(text).toContain('- 2026-06-08 Late cancellation\n');
    expect(text).toContain(`- **2026-06-02 09:15** Phone call to client\\\n  ${ada.contactNote}`);
    expect(text).toContain(`- **2026-06-03** Letter with ${ada.professional}`);
    const note = [...files].find(([name]) => name.startsWith(`notes/${ADA.code}/2026-05-04-`))![1];
    expect(note).toContain('## Bond\n\n**Repair worked on** in this session');
  });
});

describe('engagement records in search', () => {
  const search = (query: string) => nv.notes.search(searchInputSchema.parse({ query }));

  it('finds a contact\'s note, the professional named and a missed session\'s remark, dated and linked to the client', async () => {
    const found = await search(ADA.marker.toLowerCase());
    expect(found.map((result) => [result.kind, result.clientCode, result.sessionDate, result.noteId])).toEqual(
      expect.arrayContaining([
        ['contact', ADA.code, '2026-06-02', null],
        ['missed', ADA.code, '2026-06-01', null],
      ]),
    );
    expect(found).toHaveLength(2);
    expect(found.find((result) => result.kind === 'contact')!.snippet.some((part) => part.match && part.text.toLowerCase() === ADA.marker.toLowerCase())).toBe(true);
    expect((await search('Hollowbeck')).map((result) => [result.kind, result.clientCode])).toEqual(
      expect.arrayContaining([
        ['contact', ADA.code],
        ['contact', BEN.code],
      ]),
    );
  });

  it('forgets a contact or a missed session once it is removed, and indexes a new one at once', async () => {
    const engagement = engagementServiceOf(nv);
    await engagement.removeContact(ada.phoneCallId);
    await engagement.removeMissed(ada.noShowId);
    expect(await search(ADA.marker)).toEqual([]);
    await engagement.recordMissed({ clientId: ada.clientId, date: '2026-06-12', startTime: null, kind: 'no_show', remark: 'Snowed in, Brindlewax says', appointmentId: null });
    expect((await search('brindlewax')).map((result) => [result.kind, result.sessionDate])).toEqual([['missed', '2026-06-12']]);
  });
});

describe('erasing a client with engagement records', () => {
  /** Every value of every row of every table, FTS5 shadow tables included, as text. */
  async function everyStoredValue(): Promise<string> {
    const tables = await sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE type = 'table'`.execute(nv.db());
    const parts: string[] = [];
    for (const { name } of tables.rows) {
      for (const row of (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(nv.db())).rows) {
        for (const value of Object.values(row)) parts.push(value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : String(value));
      }
    }
    return parts.join('\n');
  }
  // The index keeps words folded and prefix-compressed, so a marker is looked for there by its tail too.
  const tail = foldForSearch(ADA.marker).slice(3);
  const traces = (text: string) => [ADA.marker, tail].filter((marker) => text.includes(marker));
  const tracesInPages = (pages: Buffer) => [ADA.marker, tail].filter((marker) => pages.includes(Buffer.from(marker, 'utf8')));

  it('removes their plan, appointments, missed sessions and contacts, leaving no byte of a remark or contact note in the vault file', async () => {
    expect(ENGAGEMENT_TABLES.map((table) => rowsOf(table, ada.clientId))).toEqual([1, 3, 2, 2]);
    expect(tracesInPages(await plaintextPages(nv.dir, PASSPHRASE))).toEqual([ADA.marker, tail]);

    await nv.clients.erase(ada.clientId, ADA.legalName);

    expect(ENGAGEMENT_TABLES.map((table) => rowsOf(table, ada.clientId))).toEqual([0, 0, 0, 0]);
    expect(ENGAGEMENT_TABLES.map((table) => rowsOf(table, ben.clientId))).toEqual([1, 3, 2, 2]);
    const stored = await everyStoredValue();
    expect(traces(stored)).toEqual([]);
    expect(traces(foldForSearch(stored))).toEqual([]);
    expect(await nv.notes.search(searchInputSchema.parse({ query: ADA.marker }))).toEqual([]);
    expect(nv.vault.connection().pragma('foreign_key_check')).toEqual([]);
    // Below SQL: every page of vault.db and the WAL, free pages and slack space included.
    expect(tracesInPages(await plaintextPages(nv.dir, PASSPHRASE))).toEqual([]);
  });
});

describe('engagement records in the PDF progress summary', () => {
  async function summaryText(overrides: Partial<ProgressSummaryOptionsInput>): Promise<string> {
    const service = new SummaryService({ db: nv.db, now: testNow, settings: () => nv.vault.settings(), dialogs: noDialogs });
    const options = progressSummaryOptionsSchema.parse({ clientId: ada.clientId, from: '2026-05-01', to: '2026-06-15', identity: 'codeOnly', sections: [], ...overrides });
    const { bytes } = await service.build(options);
    const file = path.join(outDir, `summary-${Object.keys(overrides).join('-')}-${options.sections.join('-')}.pdf`);
    writeFileSync(file, bytes);
    return squash(pdfText(file));
  }

  it('"Last seen" is the last attended session, and attendance counts missed-session records with the sessions', async () => {
    const text = await summaryText({ sections: ['attendance'] });
    // The no-show session of 18 May and the missed sessions of June are not "seen" (facts print labels, then values).
    expect(text).toMatch(/Last seen Period Prepared by AE-0001 1 March 2026 4 May 2026 1 May 2026 to 15 June 2026/);
    // Booked: the attended session, the no-show session, a no-show record and a late cancellation.
    expect(text).toMatch(/Sessions booked Attended Late cancellations No-shows 4 1 1 2/);
    // As it stood at the end of an earlier period.
    expect(await summaryText({ sections: [], to: '2026-05-03' })).toMatch(/1 March 2026 Not yet seen in a session 1 May 2026 to 3 May 2026/);
  });

  it('lists contacts between sessions only when ticked, with the client\'s names redacted in a code-only summary', async () => {
    await engagementServiceOf(nv).addContact({ clientId: ada.clientId, date: '2026-06-05', startTime: null, kind: 'message', direction: 'from_client', professional: '', note: 'Ada asked to move the session.' });
    expect(await summaryText({ sections: ['attendance'] })).not.toContain('Contacts between sessions');

    const text = await summaryText({ sections: ['contacts'] });
    expect(text).toContain('Contacts between sessions');
    expect(text).toContain(`2 June 2026, 09:15 Phone To the client ${ada.contactNote}`);
    // The professional's name may wrap in its cell.
    expect(text).toContain('3 June 2026 Letter With Dr Hollowbeck, Letter about the plan. GP');
    expect(text).toContain('5 June 2026 Message From the client [client] asked to move the session.');
    expect(text).not.toContain('Ada');
    expect(text).not.toContain(BEN.marker);
  });

  it('quotes a repair worked on with the Bond section', async () => {
    const text = await summaryText({ sections: ['noteExcerpts'], excerptSections: ['bond'] });
    expect(text).toContain('Repair worked on Yes, in this session');
  });
});

async function untar(bytes: Uint8Array): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: unknown) => chunks.push(Buffer.from(chunk as Uint8Array)));
      stream.on('end', () => {
        files.set(header.name, Buffer.concat(chunks).toString('utf8'));
        next();
      });
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  Readable.from([Buffer.from(bytes)]).pipe(extract);
  await done;
  return files;
}
