import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSettings } from '../../electron/services/database/settings.repository';
import type { Dialogs } from '../../electron/services/dialogs';
import { MedicationsService } from '../../electron/services/medications/medications.service';
import { SummaryService } from '../../electron/services/summary/summary.service';
import { adherenceSeries, medicationChangesIn, medicationsTakenOn } from '../../shared/medication-summary';
import { progressSummaryOptionsSchema, type ProgressSummaryOptionsInput } from '../../shared/progress-summary';
import { testNow } from './support/client-vault';
import { MED, seedMedicatedClient, type MedicatedClient } from './support/medication-client';
import { openNotesVault, type NotesVault } from './support/notes-vault';
import { pdfText, renderPageOne, squash } from './support/pdf-tools';
import { removeDir, tempDir } from './support/temp-vault';

/**
 * The PDF summary's Medications part, for a prescriber: the list at the period's end with regimens,
 * the changes in the period with dates and reasons, allergies, and the share of doses taken per
 * medication; offered and ticked at first only with Settings → "I prescribe", and never printed
 * without it. The PDF's text is read with pdftotext, as a reader's tools would.
 */
const noDialogs: Dialogs = {
  chooseSavePath: async () => null,
  chooseFolder: async () => null,
  chooseOpenPath: async () => null,
  showInFolder: async () => undefined,
};

let nv: NotesVault;
let client: MedicatedClient;
let service: SummaryService;
let out: string;

const options = (overrides: Partial<ProgressSummaryOptionsInput> = {}) =>
  progressSummaryOptionsSchema.parse({ clientId: client.clientId, from: '2026-01-01', to: '2026-06-15', identity: 'codeOnly', sections: ['medications'], ...overrides });

async function pdfOf(name: string, overrides: Partial<ProgressSummaryOptionsInput> = {}): Promise<string> {
  const { bytes } = await service.build(options(overrides));
  const file = path.join(out, `${name}.pdf`);
  writeFileSync(file, bytes);
  if (name === 'prescriber') renderPageOne(file, 'summary-medications-page1');
  return squash(pdfText(file));
}

beforeAll(async () => {
  nv = await openNotesVault();
  out = tempDir('alliance-medication-pdf-');
  client = await seedMedicatedClient(nv, { legalName: 'Ada Pdfexample', code: 'AP-0001' });
  service = new SummaryService({ db: nv.db, now: testNow, settings: () => nv.vault.settings(), dialogs: noDialogs });
});

afterAll(async () => {
  await nv.close();
  await removeDir(out);
});

describe('the Medications part of the PDF summary', () => {
  it('is offered (and ticked at first) only to a prescriber', async () => {
    expect((await service.choices(client.clientId)).prescriber).toBe(false);
    await writeSettings(nv.db(), { prescriber: true });
    expect((await service.choices(client.clientId)).prescriber).toBe(true);
  });

  it('prints the list with regimens, the period\'s changes with dates and reasons, the allergies and the adherence chart', async () => {
    await writeSettings(nv.db(), { prescriber: true });
    const text = await pdfOf('prescriber');
    expect(text).toContain('Medications');
    // The list at the period's end: Examplazine at its lowered dose; Fictorex was stopped in April.
    expect(text).toContain(MED.examplazine);
    expect(text).toContain('75 mg, one and a half tablets');
    expect(text).toContain('Changes in this period');
    expect(text).toContain('1 March 2026');
    expect(text).toContain(MED.raiseReason);
    expect(text).toContain('Stopped');
    expect(text).toContain(MED.stopReason);
    expect(text).toContain(MED.lowerReason);
    expect(text).toMatch(/\(decided/);
    expect(text).toContain(MED.allergy);
    expect(text).toContain(MED.reaction);
    // Removed as entered in error: not on record.
    expect(text).not.toContain(MED.removedAllergy);
    expect(text).toContain('Share of doses taken');
    expect(text).toContain('% taken');
  });

  it('leaves a period\'s earlier changes out, and is not printed without "I prescribe" even if asked for', async () => {
    await writeSettings(nv.db(), { prescriber: true });
    const late = await pdfOf('late', { from: '2026-05-01' });
    expect(late).toContain(MED.lowerReason);
    expect(late).not.toContain(MED.raiseReason);
    expect(late).not.toContain(MED.fictorex);

    await writeSettings(nv.db(), { prescriber: false });
    const off = await pdfOf('not-prescriber');
    expect(off).not.toContain(MED.examplazine);
    expect(off).not.toContain('Changes in this period');
    // The records are kept: turning it on again prints them.
    await writeSettings(nv.db(), { prescriber: true });
    expect(await pdfOf('again')).toContain(MED.examplazine);
  });
});

describe('the shared numbers behind it', () => {
  it('gives the share of doses taken per visit against the regimen in force, the list on a day and the changes in a period', async () => {
    const { medications } = await new MedicationsService({ db: nv.db, now: testNow }).list(client.clientId);
    const reviews = client.noteIds.map((noteId, i) => ({
      noteId,
      sessionId: `s${i}`,
      date: ['2026-04-20', '2026-05-20', '2026-06-10'][i]!,
      review: { items: [{ medicationId: client.examplazineId, adherence: (['as_prescribed', 'sometimes_misses', 'often_misses'] as const)[i]!, missedDoses: [0, 2, 4][i]!, sideEffects: [], sideEffectNotes: '', working: '', options: '', preference: '', decision: '' }], changes: [] },
    }));
    const [line] = adherenceSeries(medications, reviews, { from: '2026-01-01', to: '2026-06-15' });
    expect(line?.label).toBe(MED.examplazine);
    // One dose a day: 7 due in a week; 2 missed is 71.4 %, 4 missed 42.9 %.
    expect(line?.points.map((point) => [point.date, point.value])).toEqual([
      ['2026-04-20', 100],
      ['2026-05-20', 71.4],
      ['2026-06-10', 42.9],
    ]);
    expect(medicationsTakenOn(medications, '2026-03-15').map((m) => [m.name, m.regimen.dose, m.since])).toEqual([
      [MED.examplazine, '100 mg, two tablets', '2026-01-10'],
      [MED.fictorex, '5 mg', '2026-02-01'],
    ]);
    expect(medicationChangesIn(medications, { from: '2026-03-01', to: '2026-04-30' }).map((c) => [c.date, c.name, c.kind])).toEqual([
      ['2026-03-01', MED.examplazine, 'dose_change'],
      ['2026-04-01', MED.fictorex, 'stop'],
    ]);
  });
});
