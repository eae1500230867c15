import { promises as fs, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Decrypter } from 'age-encryption';
import Papa from 'papaparse';
import * as tar from 'tar-stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackupSettings, writeBackupSettings } from '../../electron/services/backup/backup-settings';
import type { Dialogs } from '../../electron/services/dialogs';
import { ExportService, withExtension } from '../../electron/services/export/export.service';
import { escapeMarkdown, richTextToMarkdown } from '../../electron/services/export/note-markdown';
import { MeasuresService } from '../../electron/services/measures/measures.service';
import { exportDataInputSchema, type BackupProgress } from '../../shared/backup';
import { dataExportSchema, type DataExport } from '../../shared/data-export';
import { AppError } from '../../shared/errors';
import type { RichTextNode } from '../../shared/rich-text';
import { ageDecryptWithCli, hasTool } from './support/backup-tools';
import { clientFields } from './support/client-vault';
import { allianceContent, doc, openNotesVault, sessionFields, setPractitioner, withTasks, type NotesVault } from './support/notes-vault';
import { removeDir, tempDir } from './support/temp-vault';

/**
 * "Export in open formats" against a real encrypted vault: what goes into the archive (and what stays
 * out), that JSON, CSV and Markdown read back with ordinary tools, and the rules around encryption.
 * All names and note text are made up.
 */
const BACKUP_PASSPHRASE = 'copper meadow whistle ninety 31';
const PROCESS_TEXT = 'Countertransference reflection for supervision';

let nv: NotesVault;
let outDir: string;
let asked: { suggestedName: string }[];
let answer: (suggestedName: string) => string | null;
let progress: BackupProgress[];
let saved: string[];
let fx: Fixture;

interface Fixture {
  zoe: string;
  wang: string;
  mohammed: string;
  zoeSessionId: string;
  zoeNoteId: string;
  wangSessionId: string;
}

const dialogs: Dialogs = {
  chooseSavePath: async (options) => {
    asked.push({ suggestedName: options.suggestedName });
    return answer(options.suggestedName);
  },
  chooseFolder: async () => null,
  chooseOpenPath: async () => null,
  showInFolder: async () => undefined,
};

function service(passphrase: () => Promise<string | null> = async () => (await readBackupSettings(nv.db())).passphrase): ExportService {
  return new ExportService({
    db: nv.db,
    dialogs,
    backupPassphrase: passphrase,
    appVersion: '9.9.9-test',
    now: () => new Date(2026, 5, 20, 9, 30, 5),
    onProgress: (event) => progress.push(event),
    onSaved: (file) => saved.push(file),
  });
}

const input = (overrides: Partial<Parameters<typeof exportDataInputSchema.parse>[0]> = {}) =>
  exportDataInputSchema.parse({ formats: ['json', 'csv'], ...overrides });
const plain = (overrides: Partial<Parameters<typeof exportDataInputSchema.parse>[0]> = {}) =>
  input({ encryption: 'plain', confirmPlain: true, ...overrides });

/** A plan section with every kind of formatting the editor offers. */
const richPlan: RichTextNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Next steps' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Practise ' },
        { type: 'text', text: 'grounding', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'breathing', marks: [{ type: 'italic' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'daily' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Morning walk' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Journal' }] }] },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 1 },
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Call GP' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Book review' }] }] },
      ],
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'I can do this' }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: '*not bold* and 5 > 3' }] },
  ],
};

async function buildPractice(): Promise<Fixture> {
  await setPractitioner(nv, 'Dr. Test Practitioner', 'PhD');
  await writeBackupSettings(nv.db(), { passphrase: BACKUP_PASSPHRASE });
  const zoe = (
    await nv.clients.create(
      clientFields({
        legalName: 'Zoë Ødegaard',
        code: 'ZO-0001',
        phone: '+47 912 34 567',
        address: '12 Fjord Road,\nBergen',
        referralSource: '=HYPERLINK("http://example.invalid","x")',
        tags: ['anxiety', 'évaluation'],
        presentingConcerns: doc('Low mood since spring'),
      }),
    )
  ).id;
  const wang = (await nv.clients.create(clientFields({ legalName: '王小明', code: 'WX-0002', preferredName: '小明' }))).id;
  const mohammed = (await nv.clients.create(clientFields({ legalName: 'محمد', code: 'MH-0003', referralSource: '@SUM(1,2)' }))).id;

  const plan = await nv.plans.addGoal({ clientId: zoe, text: 'Sleep through the night', objective: '6 hours', dateSet: '2026-06-01', targetDate: null });
  const goalId = plan.goals[0]!.id;
  await nv.plans.addDiagnosis({ clientId: zoe, code: 'F32.1', label: 'Depressive episode', dateAdded: '2026-06-01' });

  const note = await nv.notes.createSession({ clientId: zoe, session: sessionFields({ date: '2026-06-15' }), templateId: 'alliance' });
  const content = allianceContent(
    {
      goals: doc('Reviewed sleep goal'),
      tasks: withTasks('Homework set:', ['Sleep diary']),
      bond: doc('Warm, collaborative'),
      plan: richPlan,
    },
    { goalProgress: [{ goalId, progress: 'some_progress' }], risk: { level: 'low', action: 'Safety plan reviewed' } },
  );
  const draft = await nv.notes.saveDraft({ noteId: note.id, baseRevision: note.revision, content, processNote: doc(PROCESS_TEXT) });
  // Results are recorded while the note is a draft: once signed, the session takes only late entries.
  const measures = new MeasuresService({ db: nv.db, now: () => new Date('2026-06-15T12:00:00Z') });
  await measures.recordMeasure({ clientId: zoe, sessionId: note.session.id, measureId: 'sac-client', takenOn: '2026-06-15', responses: { goals: 8, tasks: 7, bond: 9 } });
  await nv.notes.sign({ noteId: note.id, baseRevision: draft.revision });
  await nv.notes.addAddendum({ noteId: note.id, text: doc('Late correction: the walk is in the evening') });

  const wangNote = await nv.notes.createSession({ clientId: wang, session: sessionFields({ date: '2026-06-16' }), templateId: 'soap' });
  await nv.notes.saveDraft({
    noteId: wangNote.id,
    baseRevision: wangNote.revision,
    content: { ...wangNote.content, sections: { ...wangNote.content.sections, subjective: doc('Reports better focus') } },
    processNote: doc('A second private reflection'),
  });

  return { zoe, wang, mohammed, zoeSessionId: note.session.id, zoeNoteId: note.id, wangSessionId: wangNote.session.id };
}

/** The archive's files by name: decrypted with age-encryption when encrypted, then unpacked with tar-stream. */
async function readArchive(file: string, passphrase: string | null = BACKUP_PASSPHRASE): Promise<Map<string, Buffer>> {
  let bytes: Uint8Array = await fs.readFile(file);
  if (passphrase !== null) {
    const decrypter = new Decrypter();
    decrypter.addPassphrase(passphrase);
    bytes = await decrypter.decrypt(bytes);
  }
  return untar(bytes);
}

async function untar(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: unknown) => chunks.push(Buffer.from(chunk as Uint8Array)));
      stream.on('end', () => {
        files.set(header.name, Buffer.concat(chunks));
        next();
      });
      stream.resume();
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  Readable.from([Buffer.from(bytes)]).pipe(extract);
  await done;
  return files;
}

async function exportPlain(overrides: Partial<Parameters<typeof exportDataInputSchema.parse>[0]> = {}): Promise<Map<string, Buffer>> {
  const result = await service().export(plain(overrides));
  expect(result.saved).toBe(true);
  return readArchive(result.path!, null);
}

const dataJson = (files: Map<string, Buffer>): DataExport => dataExportSchema.parse(JSON.parse(files.get('data.json')!.toString('utf8')));

function csv(files: Map<string, Buffer>, table: string): { raw: string; rows: Record<string, string>[]; fields: string[] } {
  const raw = files.get(`csv/${table}.csv`)!.toString('utf8');
  const parsed = Papa.parse<Record<string, string>>(raw.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { raw, rows: parsed.data, fields: parsed.meta.fields ?? [] };
}

const activity = async () =>
  (await nv.db().selectFrom('activity_log').selectAll().where('action', '=', 'export').orderBy('seq').execute()).map((row) => ({
    recordType: row.record_type,
    recordId: row.record_id,
    clientId: row.client_id,
    fields: JSON.parse(row.fields) as string[],
  }));

const filesIn = (dir: string) => readdirSync(dir);

beforeEach(async () => {
  nv = await openNotesVault();
  outDir = tempDir('alliance-export-');
  asked = [];
  progress = [];
  saved = [];
  answer = (suggestedName) => path.join(outDir, suggestedName);
  fx = await buildPractice();
});

afterEach(async () => {
  await nv.close();
  await removeDir(outDir);
});

describe('an encrypted export (the default)', () => {
  it('is an age file holding README, data.json, CSV per table and a Markdown file per note; it is logged and can be shown', async () => {
    const result = await service().export(input());
    expect(asked).toEqual([{ suggestedName: 'alliance-export-all-20260620-093005.tar.age' }]);
    expect(result).toMatchObject({ saved: true, encrypted: true, path: path.join(outDir, 'alliance-export-all-20260620-093005.tar.age') });
    const bytes = await fs.readFile(result.path!);
    expect(result.fileBytes).toBe(bytes.length);
    expect(bytes.subarray(0, 'age-encryption.org/v1'.length).toString('latin1')).toBe('age-encryption.org/v1');
    expect(bytes.includes(Buffer.from('Ødegaard'))).toBe(false);

    const files = await readArchive(result.path!);
    const names = [...files.keys()];
    expect(names[0]).toBe('README.txt');
    expect(names).toContain('data.json');
    expect(names).toContain('csv/clients.csv');
    expect(names).toContain('csv/sessions.csv');
    expect(names).toContain(`notes/ZO-0001/2026-06-15-${fx.zoeSessionId}.md`);
    expect(names).toContain(`notes/WX-0002/2026-06-16-${fx.wangSessionId}.md`);
    expect(dataJson(files).clients).toHaveLength(3);
    expect(files.get('README.txt')!.toString('utf8')).toContain('encrypted with the backup passphrase');

    expect(saved).toEqual([result.path]);
    expect(progress.every((event) => event.operation === 'export')).toBe(true);
    expect(progress.at(-1)).toEqual({ operation: 'export', phase: 'Saved', fraction: 1 });
    expect(await activity()).toEqual([{ recordType: 'data', recordId: 'all', clientId: null, fields: ['json', 'csv', 'encrypted'] }]);
  });

  it.skipIf(!hasTool('age') || !hasTool('script'))('opens with the age command-line tool and the backup passphrase', async () => {
    const result = await service().export(input({ formats: ['json'] }));
    const tarFile = path.join(outDir, 'export.tar');
    expect(ageDecryptWithCli(result.path!, tarFile, BACKUP_PASSPHRASE).status).toBe(0);
    const files = await untar(await fs.readFile(tarFile));
    expect(dataJson(files).clients.map((client) => client.legalName).sort()).toEqual(['Zoë Ødegaard', 'محمد', '王小明'].sort());
  });

  it('needs a backup passphrase, and says where to set one, before asking where to save', async () => {
    const error = await service(async () => null).export(input()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'NEEDS_SETUP', message: expect.stringContaining('Settings → Backups') });
    expect(asked).toEqual([]);
    expect(filesIn(outDir)).toEqual([]);
    expect(await activity()).toEqual([]);
  });
});

describe('a plain export', () => {
  it('is refused without the explicit confirmation, before any dialog', async () => {
    const error = await service().export(input({ encryption: 'plain' })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'VALIDATION', fieldErrors: { confirmPlain: expect.stringContaining('not encrypted') } });
    expect(asked).toEqual([]);
    expect(filesIn(outDir)).toEqual([]);
    expect(await activity()).toEqual([]);
  });

  it('when confirmed, is a plain tar with a warning inside, and is logged as plain', async () => {
    const result = await service().export(plain({ formats: ['csv'] }));
    expect(result).toMatchObject({ saved: true, encrypted: false });
    expect(path.basename(result.path!)).toBe('alliance-export-all-20260620-093005.tar');
    const bytes = await fs.readFile(result.path!);
    expect(bytes.subarray(257, 262).toString('latin1')).toBe('ustar');
    const files = await untar(bytes);
    expect(files.has('data.json')).toBe(false);
    expect(files.has('csv/clients.csv')).toBe(true);
    expect(files.get('README.txt')!.toString('utf8')).toContain('WITHOUT encryption');
    expect(await activity()).toEqual([{ recordType: 'data', recordId: 'all', clientId: null, fields: ['csv', 'plain'] }]);
  });
});

describe('a cancelled export', () => {
  it('writes nothing and logs nothing', async () => {
    answer = () => null;
    const result = await service().export(input());
    expect(result).toEqual({ saved: false, path: null, fileBytes: 0, encrypted: true });
    expect(asked).toHaveLength(1);
    expect(filesIn(outDir)).toEqual([]);
    expect(saved).toEqual([]);
    expect(await activity()).toEqual([]);
  });
});

describe('data.json', () => {
  it('follows the documented schema and keeps every value, names in any script included', async () => {
    const data = dataJson(await exportPlain());
    expect(data).toMatchObject({
      format: 'alliance-notes-export',
      formatVersion: 2,
      exportedAt: new Date(2026, 5, 20, 9, 30, 5).toISOString(),
      appVersion: '9.9.9-test',
      scope: { clientId: null, includesProcessNotes: false },
      practice: { practitionerName: 'Dr. Test Practitioner', credentials: 'PhD' },
    });
    expect(data.clients.map((client) => [client.code, client.legalName])).toEqual([
      ['MH-0003', 'محمد'],
      ['WX-0002', '王小明'],
      ['ZO-0001', 'Zoë Ødegaard'],
    ]);
    const zoe = data.clients.find((client) => client.id === fx.zoe)!;
    expect(zoe).toMatchObject({
      phone: '+47 912 34 567',
      address: '12 Fjord Road,\nBergen',
      tags: ['anxiety', 'évaluation'],
      presentingConcerns: doc('Low mood since spring'),
      presentingConcernsMarkdown: 'Low mood since spring',
    });
    expect(data.clients.find((client) => client.id === fx.wang)!.preferredName).toBe('小明');
    expect(data.diagnoses).toMatchObject([{ clientId: fx.zoe, code: 'F32.1', label: 'Depressive episode' }]);
    expect(data.goals).toMatchObject([{ clientId: fx.zoe, text: 'Sleep through the night', status: 'active' }]);
    expect(data.goalStatusChanges).toMatchObject([{ goalId: data.goals[0]!.id, fromStatus: null, toStatus: 'active' }]);

    const note = data.notes.find((candidate) => candidate.id === fx.zoeNoteId)!;
    expect(note).toMatchObject({
      status: 'signed',
      template: { id: 'alliance', version: 1 },
      signedBy: { name: 'Dr. Test Practitioner', credentials: 'PhD' },
      goalProgress: [{ goalId: data.goals[0]!.id, progress: 'some_progress' }],
      risk: { level: 'low', action: 'Safety plan reviewed' },
    });
    expect(note.sections.map((section) => section.label)).toEqual(['Goals', 'Tasks', 'Bond', 'Risk', 'Plan']);
    const planSection = note.sections.find((section) => section.key === 'plan')!;
    expect(planSection.content).toEqual(richPlan);
    expect(planSection.markdown).toContain('Practise **grounding** and *breathing*\\\ndaily');
    expect(note.sections.find((section) => section.key === 'risk')).toMatchObject({ content: null, markdown: '' });
    expect(data.addenda).toMatchObject([{ noteId: fx.zoeNoteId, textMarkdown: 'Late correction: the walk is in the evening' }]);

    // Clients by code (MH, WX, ZO), then by date.
    expect(data.sessions.map((session) => session.id)).toEqual([fx.wangSessionId, fx.zoeSessionId]);
    expect(data.measureResults).toMatchObject([{ clientId: fx.zoe, measureId: 'sac-client', total: 24, responses: { goals: 8, tasks: 7, bond: 9 } }]);
    expect(data.measureDefinitions.map((definition) => `${definition.id}@${definition.version}`)).toEqual(['sac-client@1']);
    expect(data.templates.map((template) => `${template.id}@${template.version}`)).toEqual(['alliance@1', 'soap@1']);
    expect(data.activityLog.length).toBeGreaterThan(5);
    expect(data.activityLog.every((entry) => !('hash' in entry))).toBe(true);
  });

  it('for one client holds only that client, and the file is named by its code', async () => {
    const result = await service().export(plain({ clientId: fx.wang }));
    expect(asked).toEqual([{ suggestedName: 'alliance-export-WX-0002-20260620-093005.tar' }]);
    const files = await readArchive(result.path!, null);
    const data = dataJson(files);
    expect(data.scope.clientId).toBe(fx.wang);
    expect(data.clients.map((client) => client.legalName)).toEqual(['王小明']);
    for (const rows of [data.sessions, data.notes, data.measureResults, data.goals, data.diagnoses]) {
      expect(rows.every((row) => row.clientId === fx.wang)).toBe(true);
    }
    expect(data.notes).toHaveLength(1);
    expect(data.addenda).toEqual([]);
    expect(data.measureDefinitions).toEqual([]);
    expect(data.templates.map((template) => template.id)).toEqual(['soap']);
    expect(data.activityLog.length).toBeGreaterThan(0);
    expect(data.activityLog.every((entry) => entry.clientId === fx.wang)).toBe(true);
    expect([...files.keys()].filter((name) => name.startsWith('notes/'))).toEqual([`notes/WX-0002/2026-06-16-${fx.wangSessionId}.md`]);
    const everything = Buffer.concat([...files.values()]).toString('utf8');
    expect(everything).not.toContain('Ødegaard');
    expect(everything).not.toContain('محمد');
    expect(await activity()).toEqual([{ recordType: 'data', recordId: fx.wang, clientId: fx.wang, fields: ['json', 'csv', 'plain'] }]);
  });

  it('refuses a client that is not in the vault', async () => {
    await expect(service().export(plain({ clientId: '00000000-0000-4000-8000-000000000000' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(asked).toEqual([]);
  });
});

describe('process notes', () => {
  it('are left out by default, from every file', async () => {
    const files = await exportPlain();
    const everything = Buffer.concat([...files.values()]).toString('utf8');
    expect(everything).not.toContain(PROCESS_TEXT);
    expect(everything).not.toContain('A second private reflection');
    const data = dataJson(files);
    expect(data.notes.every((note) => !('processNote' in note) && !('processNoteMarkdown' in note))).toBe(true);
    expect(csv(files, 'notes').fields).not.toContain('processNote');
    expect(files.get(`notes/ZO-0001/2026-06-15-${fx.zoeSessionId}.md`)!.toString('utf8')).not.toContain('Process note');
  });

  it('are included when ticked, and the log says so', async () => {
    const files = await exportPlain({ includeProcessNotes: true });
    const data = dataJson(files);
    expect(data.scope.includesProcessNotes).toBe(true);
    expect(data.notes.find((note) => note.id === fx.zoeNoteId)).toMatchObject({ processNote: doc(PROCESS_TEXT), processNoteMarkdown: PROCESS_TEXT });
    expect(csv(files, 'notes').rows.map((row) => row.processNote).sort()).toEqual(['A second private reflection', PROCESS_TEXT].sort());
    expect(files.get(`notes/ZO-0001/2026-06-15-${fx.zoeSessionId}.md`)!.toString('utf8')).toContain(`## Process note (private)\n\n${PROCESS_TEXT}`);
    expect(files.get('README.txt')!.toString('utf8')).toContain('Process notes: INCLUDED');
    expect((await activity())[0]!.fields).toEqual(['json', 'csv', 'plain', 'processNotes']);
  });
});

describe('CSV files', () => {
  it('parse back with a header row per table, UTF-8 with a BOM, quoting intact and formulas defused', async () => {
    const files = await exportPlain({ formats: ['csv'] });
    const clients = csv(files, 'clients');
    expect(clients.raw.startsWith('\uFEFFid,code,legalName,')).toBe(true);
    expect(clients.raw).toContain('\r\n');
    expect(clients.rows.map((row) => row.legalName)).toEqual(['محمد', '王小明', 'Zoë Ødegaard']);
    const zoe = clients.rows.find((row) => row.code === 'ZO-0001')!;
    expect(zoe.address).toBe('12 Fjord Road,\nBergen');
    expect(zoe.tags).toBe('anxiety; évaluation');
    expect(zoe.presentingConcerns).toBe('Low mood since spring');
    // The apostrophe keeps a spreadsheet from evaluating these as formulas.
    expect(zoe.referralSource).toBe(`'=HYPERLINK("http://example.invalid","x")`);
    expect(zoe.phone).toBe("'+47 912 34 567");
    expect(clients.rows.find((row) => row.code === 'MH-0003')!.referralSource).toBe("'@SUM(1,2)");

    const sections = csv(files, 'note_sections').rows.filter((row) => row.noteId === fx.zoeNoteId);
    expect(sections.map((row) => row.label)).toEqual(['Goals', 'Tasks', 'Bond', 'Risk', 'Plan']);
    expect(sections.find((row) => row.key === 'plan')!.text).toContain('**grounding**');
    expect(csv(files, 'measure_results').rows).toMatchObject([{ measureId: 'sac-client', total: '24', responses: '{"goals":8,"tasks":7,"bond":9}' }]);
    expect(csv(files, 'note_goal_progress').rows).toMatchObject([{ noteId: fx.zoeNoteId, progress: 'some_progress' }]);

    const empty = csv(files, 'alert_acknowledgements');
    expect(empty.rows).toEqual([]);
    expect(empty.fields).toEqual(['id', 'clientId', 'clientCode', 'alertKey', 'note', 'acknowledgedAt']);
    expect(csv(files, 'alert_events').fields).toEqual(['id', 'clientId', 'clientCode', 'alertKey', 'kind', 'measureId', 'measureName', 'rater', 'severity', 'reason', 'date', 'sessionIds', 'subject', 'raisedAt']);
    expect([...files.keys()].filter((name) => name.startsWith('csv/'))).toHaveLength(25);
  });
});

describe('Markdown notes', () => {
  it('have a header, each section under its label with formatting kept, and addenda', async () => {
    const files = await exportPlain({ formats: ['json'] });
    const text = files.get(`notes/ZO-0001/2026-06-15-${fx.zoeSessionId}.md`)!.toString('utf8');
    expect(text).toContain('# Session note: ZO-0001, 2026-06-15');
    expect(text).toContain('- Client: ZO-0001');
    expect(text).toContain('- Session: Individual, In person, Attended');
    expect(text).toMatch(/- Status: signed \S+ by Dr\. Test Practitioner, PhD/);
    expect(text).not.toContain('Ødegaard');
    for (const label of ['Goals', 'Tasks', 'Bond', 'Risk', 'Plan']) expect(text).toContain(`\n## ${label}\n`);
    expect(text).toContain('- Sleep through the night: Some progress');
    expect(text).toContain('- [ ] Sleep diary');
    expect(text).toContain('**Risk level:** Low');
    expect(text).toContain('### Next steps');
    expect(text).toContain('Practise **grounding** and *breathing*\\\ndaily');
    expect(text).toContain('- Morning walk\n- Journal');
    expect(text).toContain('1. Call GP\n2. Book review');
    expect(text).toContain('> I can do this');
    expect(text).toContain('\\*not bold\\* and 5 > 3');
    expect(text).toMatch(/## Addendum, signed \S+ by Dr\. Test Practitioner, PhD\n\nLate correction: the walk is in the evening/);
    expect(files.get(`notes/WX-0002/2026-06-16-${fx.wangSessionId}.md`)!.toString('utf8')).toContain('- Status: draft');
  });

  it('escapes text that would otherwise turn into formatting', () => {
    const para = (text: string, marks?: RichTextNode['marks']): RichTextNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] }] });
    expect(richTextToMarkdown(para('# not a heading'))).toBe('\\# not a heading');
    expect(richTextToMarkdown(para('1. not a list'))).toBe('1\\. not a list');
    expect(richTextToMarkdown(para('- not a bullet'))).toBe('\\- not a bullet');
    expect(richTextToMarkdown(para('> not a quote'))).toBe('\\> not a quote');
    expect(richTextToMarkdown(para('a_b [link](x) <b> `code` ~~s~~ &amp;'))).toBe('a\\_b \\[link\\](x) \\<b> \\`code\\` \\~\\~s\\~\\~ \\&amp;');
    expect(richTextToMarkdown(para('bold ', [{ type: 'bold' }]))).toBe('**bold**');
    expect(richTextToMarkdown(para('under', [{ type: 'underline' }, { type: 'strike' }]))).toBe('~~<u>under</u>~~');
    expect(escapeMarkdown('Dr. Smith (PhD)')).toBe('Dr. Smith (PhD)');
    expect(
      richTextToMarkdown({
        type: 'doc',
        content: [
          {
            type: 'taskList',
            content: [
              { type: 'taskItem', attrs: { checked: true }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Done' }] }] },
              { type: 'taskItem', attrs: { checked: false }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Open' }] }] },
            ],
          },
          { type: 'horizontalRule' },
        ],
      }),
    ).toBe('- [x] Done\n- [ ] Open\n\n---');
    expect(richTextToMarkdown(null)).toBe('');
  });
});

describe('file names', () => {
  it('get the export extension when the practitioner typed none', () => {
    expect(withExtension('/x/notes', true)).toBe('/x/notes.tar.age');
    expect(withExtension('/x/notes.tar', true)).toBe('/x/notes.tar.age');
    expect(withExtension('/x/notes.TAR.AGE', true)).toBe('/x/notes.TAR.AGE');
    expect(withExtension('/x/notes', false)).toBe('/x/notes.tar');
    expect(withExtension('/x/notes.tar', false)).toBe('/x/notes.tar');
  });

  it('adds the extension to the chosen path before writing', async () => {
    answer = () => path.join(outDir, 'my-export');
    const result = await service().export(plain({ formats: ['json'] }));
    expect(result.path).toBe(path.join(outDir, 'my-export.tar'));
    expect(filesIn(outDir)).toEqual(['my-export.tar']);
  });

  it('replaces a file the practitioner chose to overwrite in the save dialog', async () => {
    const target = path.join(outDir, 'again.tar');
    writeFileSync(target, 'an older export');
    answer = () => target;
    const result = await service().export(plain({ formats: ['json'] }));
    expect(result.path).toBe(target);
    expect(filesIn(outDir)).toEqual(['again.tar']);
    expect(readFileSync(target).subarray(257, 262).toString('latin1')).toBe('ustar');
  });
});
