import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import * as tar from 'tar-stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dialogs } from '../../electron/services/dialogs';
import { ExportService } from '../../electron/services/export/export.service';
import { exportDataInputSchema } from '../../shared/backup';
import { dataExportSchema, type DataExport } from '../../shared/data-export';
import { MED, seedMedicatedClient, type MedicatedClient } from './support/medication-client';
import { openNotesVault, type NotesVault } from './support/notes-vault';
import { removeDir, tempDir } from './support/temp-vault';

/**
 * Medications in "Export in open formats": data.json holds each medication with its whole history and
 * the allergies, the CSV files hold them as tables, and a Markdown file per client puts them in words;
 * a one-client export holds only that client's. A plain export is used so the archive reads directly.
 */
let nv: NotesVault;
let outDir: string;
let ada: MedicatedClient;
let ben: MedicatedClient;

const dialogs = (): Dialogs => ({
  chooseSavePath: async (options) => path.join(outDir, options.suggestedName),
  chooseFolder: async () => null,
  chooseOpenPath: async () => null,
  showInFolder: async () => undefined,
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

async function exportPlain(clientId: string | null): Promise<Map<string, string>> {
  const service = new ExportService({ db: nv.db, dialogs: dialogs(), backupPassphrase: async () => null, appVersion: '9.9.9-test', now: () => new Date(2026, 5, 20, 9, 30, 5) });
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

beforeEach(async () => {
  nv = await openNotesVault();
  outDir = tempDir('alliance-medication-export-');
  ada = await seedMedicatedClient(nv, { legalName: 'Ada Medexample', code: 'AM-0001' });
  ben = await seedMedicatedClient(nv, { legalName: 'Ben Otherexample', code: 'BO-0002' });
});

afterEach(async () => {
  await nv.close();
  await removeDir(outDir);
});

describe('medications in the open-format export', () => {
  it('data.json holds every medication with its dated history and reasons, the allergies, and the notes\' reviews', async () => {
    const data = dataJson(await exportPlain(null));
    expect(data.medications.map((m) => [m.clientId, m.name, m.current])).toEqual([
      [ada.clientId, MED.examplazine, true],
      [ada.clientId, MED.fictorex, false],
      [ben.clientId, MED.examplazine, true],
      [ben.clientId, MED.fictorex, false],
    ]);
    const examplazine = data.medications.find((m) => m.id === ada.examplazineId)!;
    expect(examplazine.history.map((e) => [e.kind, e.date, e.reason, e.regimen.dose])).toEqual([
      ['start', '2026-01-10', '', '50 mg, one tablet'],
      ['dose_change', '2026-03-01', MED.raiseReason, '100 mg, two tablets'],
      ['dose_change', '2026-05-20', MED.lowerReason, '75 mg, one and a half tablets'],
    ]);
    // The change decided in the visit names the session and the note that applied it.
    const visit = data.notes.find((note) => note.id === ada.noteIds[1])!;
    expect(examplazine.history[2]).toMatchObject({ sessionId: visit.sessionId, noteId: visit.id });
    expect(visit.medicationReview?.items[0]).toMatchObject({ medicationId: ada.examplazineId, adherence: 'sometimes_misses', missedDoses: 2, decision: MED.decision });
    expect(data.notes.filter((note) => note.medicationReview === undefined).length).toBe(0);

    expect(data.allergies.filter((a) => a.clientId === ada.clientId).map((a) => [a.substance, a.kind, a.removedOn, a.removedReason])).toEqual([
      [MED.allergy, 'allergy', null, null],
      [MED.removedAllergy, 'adverse_reaction', '2026-06-15', 'Entered in error'],
    ]);
    expect(data.allergies).toHaveLength(4);
  });

  it('CSV has medications, medication_events, allergies and note_medication_review tables', async () => {
    const files = await exportPlain(null);
    expect(csvRows(files, 'medications').filter((row) => row.clientCode === 'AM-0001').map((row) => [row.name, row.current, row.startDate, row.lastChangeDate])).toEqual([
      [MED.examplazine, 'true', '2026-01-10', '2026-05-20'],
      [MED.fictorex, 'false', '2026-02-01', '2026-04-01'],
    ]);
    const events = csvRows(files, 'medication_events').filter((row) => row.clientCode === 'AM-0001');
    expect(events.map((row) => [row.medicationName, row.kind, row.date, row.reason, row.asNeeded, row.dosesPerDay])).toEqual([
      [MED.examplazine, 'start', '2026-01-10', '', 'false', '1'],
      [MED.examplazine, 'dose_change', '2026-03-01', MED.raiseReason, 'false', '1'],
      [MED.examplazine, 'dose_change', '2026-05-20', MED.lowerReason, 'false', '1'],
      [MED.fictorex, 'start', '2026-02-01', 'Trouble falling asleep', 'true', ''],
      [MED.fictorex, 'stop', '2026-04-01', MED.stopReason, 'true', ''],
    ]);
    expect(csvRows(files, 'allergies').filter((row) => row.clientCode === 'AM-0001').map((row) => [row.substance, row.reaction, row.removedReason])).toEqual([
      [MED.allergy, MED.reaction, ''],
      [MED.removedAllergy, '', 'Entered in error'],
    ]);
    const reviews = csvRows(files, 'note_medication_review').filter((row) => row.noteId === ada.noteIds[1]);
    expect(reviews).toEqual([expect.objectContaining({ medicationName: MED.examplazine, adherence: 'sometimes_misses', missedDoses: '2', sideEffects: 'nausea: severe', decision: MED.decision })]);
    expect(files.get('README.txt')).toContain('medication_events');
  });

  it('Markdown puts each client\'s medications and allergies in words, and a visit\'s review in its note', async () => {
    const files = await exportPlain(null);
    const list = files.get('medications/AM-0001.md')!;
    expect(list).toContain('# Medications and allergies: AM-0001');
    expect(list).toContain(`### ${MED.examplazine}`);
    expect(list).toContain('Taking: 75 mg, one and a half tablets · tablet, by mouth · every morning, prescribed by me.');
    expect(list).toContain(`- 2026-03-01 Dose changed: 100 mg, two tablets · tablet, by mouth · every morning, because ${MED.raiseReason}`);
    expect(list).toContain('## Stopped medications');
    expect(list).toContain(`- 2026-04-01 Stopped: 5 mg · tablet, by mouth · at night, as needed, because ${MED.stopReason}`);
    expect(list).toContain(`**${MED.allergy}** (allergy): ${MED.reaction}. Recorded 2026-01-10.`);
    expect(list).toContain(`~~removed 2026-06-15, Entered in error~~`);
    expect(files.has('medications/BO-0002.md')).toBe(true);

    const noteFile = [...files.keys()].find((name) => name.startsWith('notes/AM-0001/2026-05-20-'))!;
    const note = files.get(noteFile)!;
    expect(note).toContain('## Medication review');
    expect(note).toContain(`**${MED.examplazine}**`);
    expect(note).toContain('- Adherence since the last visit: Sometimes misses');
    expect(note).toContain('- Doses missed in the last 7 days: 2');
    expect(note).toContain('- Side effects: Nausea or upset stomach (severe)');
    expect(note).toContain(`- What was decided: ${MED.decision}`);
    expect(note).toContain(`- Dose changed: ${MED.examplazine}, 75 mg, one and a half tablets · tablet, by mouth · every morning. Reason: ${MED.lowerReason}`);
  });

  it('a one-client export holds only that client\'s medications, events and allergies', async () => {
    const files = await exportPlain(ada.clientId);
    const data = dataJson(files);
    expect(new Set(data.medications.map((m) => m.clientId))).toEqual(new Set([ada.clientId]));
    expect(new Set(data.allergies.map((a) => a.clientId))).toEqual(new Set([ada.clientId]));
    expect(data.medications.flatMap((m) => m.history)).toHaveLength(5);
    expect(new Set(csvRows(files, 'medication_events').map((row) => row.clientCode))).toEqual(new Set(['AM-0001']));
    expect(new Set(csvRows(files, 'allergies').map((row) => row.clientCode))).toEqual(new Set(['AM-0001']));
    expect(files.has('medications/AM-0001.md')).toBe(true);
    expect(files.has('medications/BO-0002.md')).toBe(false);
    expect(ben.examplazineId).not.toBe(ada.examplazineId);
  });
});
