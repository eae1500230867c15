import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertResult } from '../../electron/services/measures/measure-results.repository';
import { MeasuresService } from '../../electron/services/measures/measures.service';
import { contract } from '../../shared/contract';
import { builtInMeasure, builtInMeasureVersion, measureDefinitionSchema, PHQ9_DIFFICULTY_ITEM, scoreMeasure } from '../../shared/measures';
import { newClient, openNotesVault, type NotesVault } from './support/notes-vault';

/**
 * Measure entry as published: PHQ-9 and GAD-7 answers in words, PHQ-9's difficulty question stored
 * with the result but never scored, results recorded under version 1 read with version 1 and scored alike, and the
 * practitioner's own names for the items of licensed, score-only measures.
 */
let nv: NotesVault;
let measures: MeasuresService;
let clientId: string;

beforeEach(async () => {
  nv = await openNotesVault();
  measures = new MeasuresService({ db: nv.db, now: () => new Date('2026-12-07T12:00:00Z') });
  clientId = await newClient(nv);
});
afterEach(() => nv.close());

const phq = (values: readonly (number | null)[], difficulty?: number | null): Record<string, number | null> => ({
  ...Object.fromEntries(values.map((value, i) => [`item${i + 1}`, value])),
  ...(difficulty === undefined ? {} : { [PHQ9_DIFFICULTY_ITEM]: difficulty }),
});

describe('PHQ-9 and GAD-7 as published', () => {
  it('word every answer: Not at all, Several days, More than half the days, Nearly every day', () => {
    for (const id of ['phq-9', 'gad-7']) {
      const measure = builtInMeasure(id)!;
      expect(measure.version).toBe(2);
      expect(measureDefinitionSchema.safeParse(measure).error?.issues ?? []).toEqual([]);
      for (const item of measure.items.filter((candidate) => candidate.key.startsWith('item'))) {
        expect(item.labels).toEqual(['Not at all', 'Several days', 'More than half the days', 'Nearly every day']);
      }
    }
    const difficulty = builtInMeasure('phq-9')!.items.find((item) => item.key === PHQ9_DIFFICULTY_ITEM)!;
    expect(difficulty).toMatchObject({ scored: false, labels: ['Not difficult at all', 'Somewhat difficult', 'Very difficult', 'Extremely difficult'] });
    expect(difficulty.text).toMatch(/^If you checked off any problems, how difficult have these problems made it/);
    // The total's range, bands and cutoff are those of the nine scored items.
    expect(builtInMeasure('phq-9')!.range).toEqual({ min: 0, max: 27 });
  });

  it('stores the difficulty answer with the result and leaves it out of the total', async () => {
    const answers = [1, 2, 1, 3, 0, 1, 2, 0, 0];
    const result = await measures.recordMeasure({ clientId, sessionId: null, measureId: 'phq-9', takenOn: '2026-12-07', responses: phq(answers, 3) });
    expect(result).toMatchObject({ measureVersion: 2, total: 10 });
    expect(result.responses[PHQ9_DIFFICULTY_ITEM]).toBe(3);
    const { results, definitions } = await measures.listResults(clientId);
    expect(results[0]!.responses[PHQ9_DIFFICULTY_ITEM]).toBe(3);
    expect(definitions.find((definition) => definition.id === 'phq-9')!.version).toBe(2);

    // Unanswered, it is stored as blank and is never what makes a result too incomplete to score.
    const without = await measures.recordMeasure({ clientId, sessionId: null, measureId: 'phq-9', takenOn: '2026-12-07', responses: phq(answers) });
    expect(without).toMatchObject({ total: 10 });
    expect(without.responses[PHQ9_DIFFICULTY_ITEM]).toBeNull();
    const prorated = await measures.recordMeasure({ clientId, sessionId: null, measureId: 'phq-9', takenOn: '2026-12-07', responses: phq([1, 2, 1, 3, 0, 1, 2, null, 0], null) });
    expect(prorated.total).toBe(11.25);
    await expect(
      measures.recordMeasure({ clientId, sessionId: null, measureId: 'phq-9', takenOn: '2026-12-07', responses: phq([1, 2, 1, 3, 0, 1, null, null, 0], 2) }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { responses: 'Answer at least 8 of the 9 items; 2 are blank.' } });
    await expect(
      measures.recordMeasure({ clientId, sessionId: null, measureId: 'phq-9', takenOn: '2026-12-07', responses: phq(answers, 4) }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { [`responses.${PHQ9_DIFFICULTY_ITEM}`]: expect.stringContaining('whole number from 0 to 3') } });
  });

  it('reads results of version 1 with version 1 and scores them exactly as before', async () => {
    const v1 = builtInMeasureVersion('phq-9', 1)!;
    expect(v1.items.map((item) => item.key)).toEqual(Array.from({ length: 9 }, (_, i) => `item${i + 1}`));
    const old = phq([3, 3, 2, 2, 1, 1, 0, 0, 1]);
    const score = scoreMeasure(v1, old);
    await insertResult(
      nv.db(),
      {
        id: crypto.randomUUID(), clientId, sessionId: null, noteId: null, measureId: 'phq-9', measureVersion: 1, takenOn: '2026-11-30', responses: old,
        total: score.total, subscales: score.subscales, flags: score.flags, ruptureNoted: false, createdAt: '2026-11-30T10:00:00.000Z', lateEntry: false, struckOut: null, sessionVoided: false,
      },
      null,
    );
    const { results, definitions } = await measures.listResults(clientId);
    expect(results[0]).toMatchObject({ measureVersion: 1, total: 13 });
    expect(definitions).toContainEqual(v1);
    // The same answers score the same under either version, item 9's flag included.
    for (const answers of [old, phq([0, 0, 0, 0, 0, 0, 0, 0, 0]), phq([3, 3, 3, 3, 3, 3, 3, 3, 3]), phq([1, null, 2, 0, 1, 1, 2, 3, 1])]) {
      const [before, after] = [scoreMeasure(v1, answers), scoreMeasure(builtInMeasure('phq-9')!, answers)];
      expect({ total: after.total, band: after.band, flags: after.flags, prorated: after.prorated }).toEqual({ total: before.total, band: before.band, flags: before.flags, prorated: before.prorated });
    }
  });
});

describe('item names of licensed measures', () => {
  it('are saved per measure and item, cleared when emptied, and returned to every screen', async () => {
    expect(await measures.itemNames()).toEqual({});
    const saved = await measures.saveItemNames({ measureId: 'ors', names: { item1: 'Me, personally', item2: 'Family and close relationships', item3: '' } });
    expect(saved).toEqual({ ors: { item1: 'Me, personally', item2: 'Family and close relationships' } });
    await measures.saveItemNames({ measureId: 'wai-sr', names: { item12: 'We agree on what is important' } });
    await measures.saveItemNames({ measureId: 'ors', names: { item1: 'Individually' } });
    nv.vault.lock('user');
    await nv.vault.unlock('maple orbit lantern quietly 47');
    expect(await measures.itemNames()).toEqual({ ors: { item1: 'Individually' }, 'wai-sr': { item12: 'We agree on what is important' } });
  });

  it('are refused for measures with their own wording, for items a measure lacks, and when too long', async () => {
    await expect(measures.saveItemNames({ measureId: 'phq-9', names: { item1: 'x' } })).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { measureId: expect.stringContaining('own wording') } });
    await expect(measures.saveItemNames({ measureId: 'srs', names: { item5: 'x' } })).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { 'names.item5': '"item5" is not an item of SRS.' } });
    const long = contract.saveMeasureItemNames.input.safeParse({ measureId: 'srs', names: { item1: 'x'.repeat(201) } });
    expect(long.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['names.item1', 'Keep an item name to 200 characters.']]);
    expect(await measures.itemNames()).toEqual({});
  });
});
