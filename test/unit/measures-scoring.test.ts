import { describe, expect, it } from 'vitest';
import { builtInMeasure, customMeasureDefinition, customMeasureInputSchema, scoreMeasure, type MeasureDefinition } from '../../shared/measures';

const measure = (id: string): MeasureDefinition => {
  const found = builtInMeasure(id);
  if (!found) throw new Error(`no built-in ${id}`);
  return found;
};

/** Responses keyed item1…itemN from a list (null = left blank). */
const numbered = (values: (number | null)[]): Record<string, number | null> => Object.fromEntries(values.map((value, i) => [`item${i + 1}`, value]));

const custom = (input: Record<string, unknown>): MeasureDefinition =>
  customMeasureDefinition(
    customMeasureInputSchema.parse({
      name: 'Custom',
      shortName: 'Custom',
      rater: 'client',
      kind: 'outcome',
      cutoff: null,
      reliableChange: null,
      ...input,
    }),
    'custom',
    1,
  );

const items = (count: number, min: number, max: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: count }, (_, i) => ({ key: `q${i + 1}`, text: `Question ${i + 1}`, min, max, anchors: { min: 'Low', max: 'High' }, ...extra }));

describe('Session Alliance Check', () => {
  for (const id of ['sac-client', 'sac-clinician']) {
    describe(id, () => {
      const sac = measure(id);

      it('sums goals, tasks and bond, each also its own subscale', () => {
        const score = scoreMeasure(sac, { goals: 8, tasks: 7, bond: 9 });
        expect(score).toMatchObject({ total: 24, subscales: { goals: 8, tasks: 7, bond: 9 }, missing: [], problems: {}, prorated: false, flags: [] });
        expect(score.band?.label).toBe('Good alliance');
        expect(score.concern).toBe(false);
      });

      it('is of concern below 24, not at 24', () => {
        expect(scoreMeasure(sac, { goals: 8, tasks: 8, bond: 8 })).toMatchObject({ total: 24, concern: false });
        expect(scoreMeasure(sac, { goals: 8, tasks: 7, bond: 8 })).toMatchObject({ total: 23, concern: true, band: { label: 'Some strain' } });
      });

      it('bands at 17/18 and 23/24', () => {
        expect(scoreMeasure(sac, { goals: 7, tasks: 5, bond: 5 }).band?.label).toBe('Weak alliance');
        expect(scoreMeasure(sac, { goals: 8, tasks: 5, bond: 5 }).band?.label).toBe('Some strain');
        expect(scoreMeasure(sac, { goals: 0, tasks: 0, bond: 0 }).band?.label).toBe('Weak alliance');
        expect(scoreMeasure(sac, { goals: 10, tasks: 10, bond: 10 }).band?.label).toBe('Good alliance');
      });

      it('gives no total with an item blank, but keeps the answered subscales', () => {
        const score = scoreMeasure(sac, { goals: 9, tasks: null, bond: 8 });
        expect(score).toMatchObject({ total: null, band: null, concern: false, missing: ['tasks'], subscales: { goals: 9, tasks: null, bond: 8 } });
      });
    });
  }

  it('refuses answers off the 0–10 scale', () => {
    const score = scoreMeasure(measure('sac-client'), { goals: 11, tasks: 7.5, bond: -1 });
    expect(score.problems).toEqual({
      goals: 'Item 1 takes a whole number from 0 to 10.',
      tasks: 'Item 2 takes a whole number from 0 to 10.',
      bond: 'Item 3 takes a whole number from 0 to 10.',
    });
    expect(score).toMatchObject({ total: null, missing: [], items: { goals: { value: null, scored: null } } });
  });
});

describe('PHQ-9', () => {
  const phq = measure('phq-9');

  it('sums the nine items: 10 is moderate and of concern', () => {
    const score = scoreMeasure(phq, numbered([1, 2, 0, 3, 1, 0, 2, 1, 0]));
    expect(score).toMatchObject({ total: 10, concern: true, band: { label: 'Moderate', severity: 2 }, flags: [], prorated: false });
  });

  it('9 is mild and below the cutoff', () => {
    expect(scoreMeasure(phq, numbered([1, 2, 0, 3, 1, 0, 1, 1, 0]))).toMatchObject({ total: 9, concern: false, band: { label: 'Mild' } });
  });

  it('puts each band boundary in the right band', () => {
    const bandAt = (total: number) => {
      // Fill items with 3s, then the remainder, then 0s, to reach the total.
      const values = Array.from({ length: 9 }, (_, i) => Math.max(0, Math.min(3, total - 3 * i)));
      const score = scoreMeasure(phq, numbered(values));
      expect(score.total).toBe(total);
      return score.band?.label;
    };
    expect([0, 4, 5, 9, 10, 14, 15, 19, 20, 27].map(bandAt)).toEqual([
      'Minimal',
      'Minimal',
      'Mild',
      'Mild',
      'Moderate',
      'Moderate',
      'Moderately severe',
      'Moderately severe',
      'Severe',
      'Severe',
    ]);
  });

  it('flags item 9 above "Not at all", whatever the total', () => {
    const score = scoreMeasure(phq, numbered([0, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect(score).toMatchObject({ total: 1, concern: false, band: { label: 'Minimal' } });
    expect(score.flags).toEqual([expect.stringContaining('Item 9')]);
    expect(scoreMeasure(phq, numbered([3, 3, 3, 3, 3, 3, 3, 3, 0])).flags).toEqual([]);
    expect(scoreMeasure(phq, numbered([3, 3, 3, 3, 3, 3, 3, 3, null])).flags).toEqual([]);
  });

  it('prorates over one blank item: the mean of the eight answered, times nine', () => {
    // 8 answered summing to 8 → 8 × 9 / 8 = 9.
    expect(scoreMeasure(phq, numbered([1, 1, 1, 1, 1, 1, 1, 1, null]))).toMatchObject({ total: 9, prorated: true, missing: ['item9'], band: { label: 'Mild' } });
    // 8 answered summing to 9 → 9 × 9 / 8 = 10.125 → 10.13, of concern.
    expect(scoreMeasure(phq, numbered([2, 1, 1, 1, 1, 1, 1, 1, null]))).toMatchObject({ total: 10.13, prorated: true, concern: true, band: { label: 'Moderate' } });
    // 8 answered summing to 4 → 4.5, between "0–4" and "5–9": stays in the lower band.
    expect(scoreMeasure(phq, numbered([1, 1, 1, 1, 0, 0, 0, 0, null]))).toMatchObject({ total: 4.5, band: { label: 'Minimal' } });
  });

  it('gives no total with two items blank', () => {
    expect(scoreMeasure(phq, numbered([3, 3, 3, 3, 3, 3, 3, null, null]))).toMatchObject({
      total: null,
      band: null,
      concern: false,
      prorated: false,
      missing: ['item8', 'item9'],
    });
  });

  it('counts an unusable answer as blank, and names unknown items', () => {
    const score = scoreMeasure(phq, { ...numbered([4, 1, 1, 1, 1, 1, 1, 1, 1]), item10: 2 });
    expect(score.problems).toEqual({ item1: 'Item 1 takes a whole number from 0 to 3.', item10: '"item10" is not an item of PHQ-9.' });
    expect(score).toMatchObject({ missing: [], total: 9, prorated: true });
    expect(scoreMeasure(phq, numbered([Number.NaN, 1, 1, 1, 1, 1, 1, 1, 1])).problems).toEqual({ item1: 'Item 1: enter a number.' });
  });

  it('treats an absent key like a blank one', () => {
    const { item9: _blank, ...eight } = numbered([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(scoreMeasure(phq, eight)).toMatchObject({ missing: ['item9'], total: 9, prorated: true });
  });
});

describe('GAD-7', () => {
  const gad = measure('gad-7');

  it('sums the seven items: 10 is moderate and of concern, 9 mild', () => {
    expect(scoreMeasure(gad, numbered([3, 2, 1, 0, 1, 2, 1]))).toMatchObject({ total: 10, concern: true, band: { label: 'Moderate' } });
    expect(scoreMeasure(gad, numbered([3, 2, 1, 0, 1, 2, 0]))).toMatchObject({ total: 9, concern: false, band: { label: 'Mild' } });
  });

  it('bands at 4/5, 14/15 and the maximum 21', () => {
    expect(scoreMeasure(gad, numbered([3, 1, 0, 0, 0, 0, 0])).band?.label).toBe('Minimal');
    expect(scoreMeasure(gad, numbered([3, 2, 0, 0, 0, 0, 0])).band?.label).toBe('Mild');
    expect(scoreMeasure(gad, numbered([3, 3, 3, 3, 2, 0, 0])).band?.label).toBe('Moderate');
    expect(scoreMeasure(gad, numbered([3, 3, 3, 3, 3, 0, 0])).band?.label).toBe('Severe');
    expect(scoreMeasure(gad, numbered([3, 3, 3, 3, 3, 3, 3]))).toMatchObject({ total: 21, band: { label: 'Severe', severity: 4 } });
  });

  it('prorates one blank item (6 answered summing to 8 → 9.33) but not two', () => {
    expect(scoreMeasure(gad, numbered([2, 2, 1, 1, 1, 1, null]))).toMatchObject({ total: 9.33, prorated: true, concern: false });
    expect(scoreMeasure(gad, numbered([2, 2, 1, 1, 1, null, null])).total).toBeNull();
  });
});

describe('WAI-SR (score-only)', () => {
  const wai = measure('wai-sr');

  it('sums Task (1, 2, 10, 12), Bond (3, 5, 7, 9) and Goal (4, 6, 8, 11)', () => {
    const score = scoreMeasure(wai, numbered([5, 4, 3, 2, 1, 5, 4, 3, 2, 1, 5, 4]));
    // Task 5+4+1+4, Bond 3+1+4+2, Goal 2+5+3+5.
    expect(score.subscales).toEqual({ task: 14, bond: 10, goal: 15 });
    expect(score).toMatchObject({ total: 39, band: null, concern: false });
  });

  it('runs from 12 to 60', () => {
    expect(scoreMeasure(wai, numbered(Array(12).fill(1))).total).toBe(12);
    expect(scoreMeasure(wai, numbered(Array(12).fill(5))).total).toBe(60);
  });

  it('needs every item for the total; a blank empties only its subscale', () => {
    const score = scoreMeasure(wai, numbered([5, 4, 3, 2, 1, 5, 4, 3, null, 1, 5, 4]));
    expect(score).toMatchObject({ total: null, subscales: { task: 14, bond: null, goal: 15 }, missing: ['item9'] });
  });

  it('refuses 0 and 6 on the 1–5 scale', () => {
    expect(scoreMeasure(wai, numbered([0, 6, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3])).problems).toEqual({
      item1: 'Item 1 takes a whole number from 1 to 5.',
      item2: 'Item 2 takes a whole number from 1 to 5.',
    });
  });
});

describe('SRS (score-only)', () => {
  const srs = measure('srs');

  it('sums four lines read to the millimetre; below 36 is of concern', () => {
    expect(scoreMeasure(srs, numbered([8.7, 9.1, 9.3, 8.8]))).toMatchObject({ total: 35.9, concern: true, band: { label: 'Possible concern' } });
    expect(scoreMeasure(srs, numbered([9, 9, 9, 9]))).toMatchObject({ total: 36, concern: false, band: { label: 'Good alliance' } });
    expect(scoreMeasure(srs, numbered([10, 10, 10, 10])).total).toBe(40);
  });

  it('refuses a value between millimetres or off the line', () => {
    expect(scoreMeasure(srs, numbered([8.75, 10.5, 9, 9])).problems).toEqual({
      item1: 'Item 1 takes steps of 0.1.',
      item2: 'Item 2 takes a value from 0 to 10.',
    });
  });
});

describe('ORS (score-only)', () => {
  const ors = measure('ors');

  it('sums four lines; below 25 is the clinical range', () => {
    expect(scoreMeasure(ors, numbered([6.2, 5, 7.1, 6.6]))).toMatchObject({ total: 24.9, concern: true, band: { label: 'Clinical range' } });
    expect(scoreMeasure(ors, numbered([6.2, 5.1, 7.1, 6.6]))).toMatchObject({ total: 25, concern: false, band: { label: 'Non-clinical range' } });
  });

  it('gives no total with a line left blank', () => {
    expect(scoreMeasure(ors, numbered([6, 5, 7, null])).total).toBeNull();
  });
});

describe('custom measures', () => {
  it('reverses a reverse-scored item as min + max − value', () => {
    const definition = custom({
      items: [...items(1, 1, 5), ...items(1, 1, 5, { key: 'r', reverse: true }), ...items(1, 1, 5, { key: 'q3' })],
      total: { method: 'sum', maxMissing: 0 },
    });
    const score = scoreMeasure(definition, { q1: 4, r: 2, q3: 5 });
    expect(score.items.r).toEqual({ value: 2, scored: 4 });
    expect(score.total).toBe(13);
  });

  it('rounds a mean to 2 decimals', () => {
    const definition = custom({ items: items(3, 0, 4), total: { method: 'mean', maxMissing: 0 } });
    expect(scoreMeasure(definition, { q1: 1, q2: 2, q3: 2 }).total).toBe(1.67);
  });

  it('prorates a mean over blanks as the mean of the answered items', () => {
    const definition = custom({ items: items(4, 0, 4), total: { method: 'mean', maxMissing: 1 } });
    expect(scoreMeasure(definition, { q1: 1, q2: 2, q3: 4, q4: null })).toMatchObject({ total: 2.33, prorated: true });
    expect(scoreMeasure(definition, { q1: 1, q2: 2, q3: null, q4: null }).total).toBeNull();
  });

  it('lets a subscale tolerate its share of blanks, rounded down', () => {
    // 10 items allowing 4 blanks: a 5-item subscale tolerates 2, a 3-item one 1, a 2-item one none.
    const definition = custom({
      items: items(10, 0, 4),
      total: { method: 'sum', maxMissing: 4 },
      subscales: [
        { key: 'five', label: 'Five', items: ['q1', 'q2', 'q3', 'q4', 'q5'], method: 'sum' },
        { key: 'three', label: 'Three', items: ['q6', 'q7', 'q8'], method: 'mean' },
        { key: 'two', label: 'Two', items: ['q9', 'q10'], method: 'sum' },
      ],
    });
    const twoBlank = scoreMeasure(definition, { q1: 2, q2: 3, q3: 4, q6: 1, q7: 2, q9: 1, q10: 1 });
    // five: (2+3+4) × 5 / 3 = 15; three: mean(1, 2) = 1.5; total: 14 × 10 / 7 = 20.
    expect(twoBlank.subscales).toEqual({ five: 15, three: 1.5, two: 2 });
    expect(twoBlank).toMatchObject({ total: 20, prorated: true });

    const tooMany = scoreMeasure(definition, { q1: 2, q2: 3, q6: 1, q9: 1, q10: 1, q7: 1, q8: 1 });
    expect(tooMany.subscales.five).toBeNull();
    expect(scoreMeasure(definition, { q1: 2, q2: 3, q3: 4, q4: 1, q5: 1, q6: 1, q7: 2, q8: 1, q9: 1 }).subscales.two).toBeNull();
  });

  it('fires a flag on the answer as given, before reversal', () => {
    const definition = custom({
      items: items(2, 0, 4, { reverse: true }),
      total: { method: 'sum', maxMissing: 0 },
      flagItems: [{ item: 'q2', above: 2, message: 'Q2 high' }],
    });
    expect(scoreMeasure(definition, { q1: 0, q2: 3 })).toMatchObject({ flags: ['Q2 high'], items: { q2: { value: 3, scored: 1 } } });
    expect(scoreMeasure(definition, { q1: 0, q2: 2 }).flags).toEqual([]);
  });
});
