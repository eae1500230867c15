import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_MEASURES,
  builtInMeasure,
  computedRange,
  customMeasureDefinition,
  customMeasureInputSchema,
  measureDefinitionSchema,
} from '../../shared/measures';

/** A valid custom measure: 4 items 0–3, summed (0–12). Tests change one thing at a time. */
const validInput = () => ({
  name: 'Sleep check',
  shortName: 'Sleep',
  rater: 'client' as const,
  kind: 'outcome' as const,
  items: ['a', 'b', 'c', 'd'].map((key) => ({ key, text: `Question ${key}`, min: 0, max: 3, anchors: { min: 'Never', max: 'Always' } })),
  subscales: [{ key: 'first', label: 'First half', items: ['a', 'b'], method: 'sum' as const }],
  total: { method: 'sum' as 'sum' | 'mean', maxMissing: 1 },
  cutoff: { value: 6, concernWhen: 'above' as const },
  bands: [
    { from: 0, to: 5, label: 'Low', severity: 0 },
    { from: 6, to: 12, label: 'High', severity: 2 },
  ],
  reliableChange: 3,
});

type Input = ReturnType<typeof validInput>;

/** The messages a Settings form would show, each with its field path. */
function problems(input: unknown): { path: string; message: string }[] {
  const result = customMeasureInputSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

const withChange = (change: (input: Input) => void): Input => {
  const input = validInput();
  change(input);
  return input;
};

describe('custom measure input', () => {
  it('accepts a well-formed measure and fills in defaults', () => {
    const parsed = customMeasureInputSchema.parse(validInput());
    expect(parsed.items[0]).toMatchObject({ step: 1, reverse: false });
    expect(parsed).toMatchObject({ scoreOnly: false, source: '', instructions: '', flagItems: [] });
  });

  it('becomes a stored definition with its range computed from the items', () => {
    const definition = customMeasureDefinition(customMeasureInputSchema.parse(validInput()), 'sleep', 2);
    expect(definition).toMatchObject({ id: 'sleep', version: 2, builtIn: false, range: { min: 0, max: 12 } });
    expect(measureDefinitionSchema.safeParse(definition).success).toBe(true);
  });

  it('computes the range of sums and of means', () => {
    const items = [
      { min: 0, max: 3 },
      { min: 1, max: 5 },
    ];
    expect(computedRange(items, 'sum')).toEqual({ min: 1, max: 8 });
    expect(computedRange(items, 'mean')).toEqual({ min: 0.5, max: 4 });
  });

  it('needs between 1 and 50 items', () => {
    expect(problems(withChange((i) => (i.items = [])))).toContainEqual({ path: 'items', message: 'A measure needs at least one item.' });
    const many = withChange((i) => {
      i.items = Array.from({ length: 51 }, (_, n) => ({ key: `q${n}`, text: 'Q', min: 0, max: 3, anchors: { min: '', max: '' } }));
    });
    expect(problems(many)).toContainEqual({ path: 'items', message: 'A measure can have at most 50 items.' });
  });

  it('names an item whose lowest answer is not below its highest', () => {
    const input = withChange((i) => {
      i.items[1] = { ...i.items[1]!, min: 3, max: 3 };
    });
    expect(problems(input)).toContainEqual({ path: 'items.1.max', message: 'Item 2: the highest answer must be above the lowest.' });
  });

  it('refuses whole-number items with fractional ends', () => {
    const input = withChange((i) => {
      i.items[0] = { ...i.items[0]!, max: 3.5 };
    });
    expect(problems(input)).toContainEqual({ path: 'items.0.min', message: 'Item 1: with whole-number answers, the lowest and highest must be whole numbers.' });
  });

  it('names duplicate item keys', () => {
    const input = withChange((i) => {
      i.items[2] = { ...i.items[2]!, key: 'a' };
      i.subscales = [];
    });
    expect(problems(input)).toContainEqual({ path: 'items.2.key', message: 'Item 3 has the same key ("a") as item 1.' });
  });

  it('needs item wording unless the measure is score-only', () => {
    const blank = withChange((i) => {
      i.items[3] = { ...i.items[3]!, text: '  ' };
    });
    expect(problems(blank)).toContainEqual({ path: 'items.3.text', message: 'Item 4 needs its wording.' });
    expect(problems({ ...blank, scoreOnly: true })).toEqual([]);
  });

  it('names a subscale item that is not one of the items, or listed twice', () => {
    const unknown = withChange((i) => (i.subscales[0]!.items = ['a', 'sleep']));
    expect(problems(unknown)).toEqual([{ path: 'subscales.0.items.1', message: 'The subscale "First half" lists "sleep", which is not one of the items.' }]);
    const twice = withChange((i) => (i.subscales[0]!.items = ['a', 'a']));
    expect(problems(twice)).toEqual([{ path: 'subscales.0.items.1', message: 'The subscale "First half" lists "a" twice.' }]);
  });

  it('allows fewer missing answers than there are items', () => {
    expect(problems(withChange((i) => (i.total.maxMissing = 3)))).toEqual([]);
    expect(problems(withChange((i) => (i.total.maxMissing = 4)))).toEqual([
      { path: 'total.maxMissing', message: 'Allow fewer missing answers than there are items (4).' },
    ]);
  });

  it('keeps the cutoff inside the range of the total', () => {
    const message = 'Put the cutoff above the lowest possible total (0) and no higher than the highest (12).';
    expect(problems(withChange((i) => (i.cutoff.value = 0)))).toContainEqual({ path: 'cutoff.value', message });
    expect(problems(withChange((i) => (i.cutoff.value = 13)))).toContainEqual({ path: 'cutoff.value', message });
    expect(problems(withChange((i) => (i.cutoff.value = 12)))).toEqual([]);
    expect(problems({ ...validInput(), cutoff: null })).toEqual([]);
  });

  it('keeps the reliable change within the span of the total', () => {
    expect(problems(withChange((i) => (i.reliableChange = 13)))).toEqual([
      { path: 'reliableChange', message: 'A reliable change can be at most 12, the whole span of the total.' },
    ]);
    expect(problems(withChange((i) => (i.reliableChange = 0)))).toEqual([{ path: 'reliableChange', message: 'A reliable change is more than 0.' }]);
  });

  describe('bands', () => {
    const withBands = (bands: Input['bands']) => withChange((i) => (i.bands = bands));
    const band = (from: number, to: number, label: string) => ({ from, to, label, severity: 1 });

    it('may be left out', () => {
      expect(problems(withBands([]))).toEqual([]);
    });

    it('names overlapping bands', () => {
      expect(problems(withBands([band(0, 6, 'Low'), band(6, 12, 'High')]))).toEqual([
        { path: 'bands.1.from', message: 'The bands "Low" and "High" overlap: "High" starts at 6 but "Low" runs to 6.' },
      ]);
    });

    it('names the totals a gap leaves uncovered', () => {
      expect(problems(withBands([band(0, 4, 'Low'), band(7, 12, 'High')]))).toEqual([
        { path: 'bands.1.from', message: 'No band covers totals from 5 to 6.' },
      ]);
    });

    it('must start at the lowest total and end at the highest', () => {
      expect(problems(withBands([band(1, 5, 'Low'), band(6, 11, 'High')]))).toEqual([
        { path: 'bands.0.from', message: 'The first band should start at the lowest possible total, 0.' },
        { path: 'bands.1.to', message: 'The last band should end at the highest possible total, 12.' },
      ]);
    });

    it('are listed from the lowest scores up, each ending after it starts', () => {
      expect(problems(withBands([band(6, 12, 'High'), band(0, 5, 'Low')]))).toContainEqual({ path: 'bands.1.from', message: 'List the bands from the lowest scores up.' });
      expect(problems(withBands([band(0, 5, 'Low'), band(6, 5, 'Odd'), band(6, 12, 'High')]))).toContainEqual({
        path: 'bands.1.to',
        message: 'The band "Odd" ends before it starts.',
      });
    });

    it('on a mean score are contiguous in hundredths', () => {
      const mean = (bands: Input['bands']) =>
        withChange((i) => {
          i.total.method = 'mean';
          i.cutoff = { value: 2, concernWhen: 'above' };
          i.reliableChange = 1;
          i.bands = bands;
        });
      expect(problems(mean([band(0, 1.49, 'Low'), band(1.5, 3, 'High')]))).toEqual([]);
      expect(problems(mean([band(0, 1.4, 'Low'), band(1.5, 3, 'High')]))).toEqual([{ path: 'bands.1.from', message: 'No band covers totals from 1.41 to 1.49.' }]);
    });
  });

  it('names a flag on an unknown item, or one that could never fire', () => {
    expect(problems({ ...validInput(), flagItems: [{ item: 'z', above: 0, message: 'Check' }] })).toEqual([
      { path: 'flagItems.0.item', message: 'A flag names "z", which is not one of the items.' },
    ]);
    expect(problems({ ...validInput(), flagItems: [{ item: 'b', above: 3, message: 'Check' }] })).toEqual([
      { path: 'flagItems.0.above', message: 'The flag on item 2 must use a value from 0 to just below 3, or it could never fire.' },
    ]);
    expect(problems({ ...validInput(), flagItems: [{ item: 'b', above: 2, message: 'Check' }] })).toEqual([]);
  });

  it('does not accept an id, version or builtIn from Settings', () => {
    expect(customMeasureInputSchema.safeParse({ ...validInput(), id: 'x' }).success).toBe(false);
    expect(customMeasureInputSchema.safeParse({ ...validInput(), builtIn: true }).success).toBe(false);
  });
});

describe('stored measure definitions', () => {
  const stored = () => customMeasureDefinition(customMeasureInputSchema.parse(validInput()), 'sleep', 1);

  it('refuses a range that does not follow from the items', () => {
    const result = measureDefinitionSchema.safeParse({ ...stored(), range: { min: 0, max: 15 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain('With these items the total runs from 0 to 12, not 0 to 15.');
  });

  it('refuses an id that is not a slug', () => {
    expect(measureDefinitionSchema.safeParse({ ...stored(), id: 'Sleep Check' }).success).toBe(false);
    expect(measureDefinitionSchema.safeParse({ ...stored(), id: 'sleep-check_2' }).success).toBe(true);
  });
});

describe('built-in measures', () => {
  it('all pass their own schema, with unique ids, at version 1 (PHQ-9 and GAD-7 at 2, their answers worded)', () => {
    for (const measure of BUILT_IN_MEASURES) {
      const result = measureDefinitionSchema.safeParse(measure);
      expect(result.error?.issues ?? [], measure.id).toEqual([]);
      expect(measure).toMatchObject({ builtIn: true, version: ['phq-9', 'gad-7'].includes(measure.id) ? 2 : 1 });
    }
    expect(new Set(BUILT_IN_MEASURES.map((m) => m.id)).size).toBe(BUILT_IN_MEASURES.length);
    expect(BUILT_IN_MEASURES.map((m) => m.id)).toEqual(['sac-client', 'sac-clinician', 'phq-9', 'gad-7', 'wai-sr', 'srs', 'ors']);
  });

  it('ship no wording for the licensed instruments', () => {
    for (const id of ['wai-sr', 'srs', 'ors']) {
      const measure = builtInMeasure(id)!;
      expect(measure.scoreOnly).toBe(true);
      expect(measure.instructions).toBe('');
      expect(measure.source).toContain('Licensed instrument');
      for (const item of measure.items) expect(item).toMatchObject({ text: '', anchors: { min: 'Low', max: 'High' } });
    }
  });

  it('have the published shapes of the licensed instruments', () => {
    expect(builtInMeasure('wai-sr')).toMatchObject({ kind: 'alliance', rater: 'client', range: { min: 12, max: 60 }, cutoff: null });
    expect(builtInMeasure('wai-sr')!.items.map((item) => item.key)).toEqual(Array.from({ length: 12 }, (_, i) => `item${i + 1}`));
    expect(builtInMeasure('srs')).toMatchObject({ kind: 'alliance', range: { min: 0, max: 40 }, cutoff: { value: 36, concernWhen: 'below' } });
    expect(builtInMeasure('ors')).toMatchObject({ kind: 'outcome', range: { min: 0, max: 40 }, cutoff: { value: 25, concernWhen: 'below' }, reliableChange: 5 });
  });

  it('word the Session Alliance Check from each rater’s side, in our own words', () => {
    const client = builtInMeasure('sac-client')!;
    const clinician = builtInMeasure('sac-clinician')!;
    expect(client.items.map((item) => item.key)).toEqual(['goals', 'tasks', 'bond']);
    expect(client.items.every((item) => /\b(my therapist|we)\b/i.test(item.text))).toBe(true);
    expect(clinician.items.every((item) => /\bmy client\b/i.test(item.text))).toBe(true);
    expect(clinician).toMatchObject({ rater: 'clinician', range: { min: 0, max: 30 }, cutoff: { value: 24, concernWhen: 'below' }, reliableChange: 3 });
    // Phrases of the SRS and WAI must not appear in our wording.
    const ours = [...client.items, ...clinician.items].map((item) => item.text.toLowerCase()).join(' ');
    for (const phrase of ['heard', 'understood', 'approach', 'mutually agreed', 'respect each other', 'right for me', 'appreciate', 'good fit']) {
      expect(ours).not.toContain(phrase);
    }
  });

  it('carry the PHQ-9 and GAD-7 wording, response anchors and permission statement', () => {
    const phq = builtInMeasure('phq-9')!;
    const gad = builtInMeasure('gad-7')!;
    // Nine scored items, then the difficulty question, recorded but not scored.
    expect(phq.items.map((item) => item.scored ?? true)).toEqual([...Array<boolean>(9).fill(true), false]);
    expect(gad.items).toHaveLength(7);
    expect(phq.items[8]!.text).toBe('Thoughts that you would be better off dead or of hurting yourself in some way');
    expect(gad.items[1]!.text).toBe('Not being able to stop or control worrying');
    for (const measure of [phq, gad]) {
      const scored = measure.items.filter((item) => item.scored !== false);
      expect(scored.every((item) => item.anchors.min === 'Not at all' && item.anchors.max === 'Nearly every day')).toBe(true);
      expect(measure.source).toContain('No permission required to reproduce, translate, display or distribute');
      expect(measure.cutoff).toEqual({ value: 10, concernWhen: 'above' });
    }
    expect(phq.source).toContain('Kroenke K, Spitzer RL, Williams JBW');
    expect(gad.source).toContain('2006');
    expect(phq).toMatchObject({ range: { min: 0, max: 27 }, reliableChange: 6 });
    expect(gad).toMatchObject({ range: { min: 0, max: 21 }, reliableChange: 4 });
  });
});
