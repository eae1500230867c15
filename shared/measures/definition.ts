import { z } from 'zod';
import { computedRange } from './score-range';
import { measureProblems, type MeasureProblem } from './definition-problems';

export { computedRange, scoredItems, scoreResolution } from './score-range';
export { measureProblems } from './definition-problems';

/**
 * A measure definition is data, like a note template: built-in ones ship in code (built-in.ts), custom
 * ones are saved by the practitioner, one row per version. A stored result names the version it was
 * scored with, so a chart never re-scores history against a changed definition.
 *
 * Cutoff semantics, used everywhere (scoring, alerts, charts): the cutoff value is the lowest score of
 * the upper side. `concernWhen: 'above'` means concern when total >= value (PHQ-9 "10 or more");
 * `concernWhen: 'below'` means concern when total < value (SRS "below 36"). That matches how the
 * instruments' own cutoffs are usually stated, and the chart's cutoff line sits on the boundary.
 */
export const raters = ['client', 'clinician'] as const;
export const measureKinds = ['alliance', 'outcome'] as const;
export const scoringMethods = ['sum', 'mean'] as const;
export const concernDirections = ['below', 'above'] as const;

export type Rater = (typeof raters)[number];
export type MeasureKind = (typeof measureKinds)[number];
export type ScoringMethod = (typeof scoringMethods)[number];
export type ConcernDirection = (typeof concernDirections)[number];

export const MAX_ITEMS = 50;

const keySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'A key is lower-case letters, digits or _, starting with a letter, at most 32 characters.');

// Bounded so a typo (1e9) can't make a chart or a total meaningless.
const scaleNumber = z.number().min(-1000, 'Use numbers from -1000 to 1000.').max(1000, 'Use numbers from -1000 to 1000.');

export const measureItemSchema = z.strictObject({
  key: keySchema,
  /** May be '' only on a score-only (licensed) measure, whose wording we must not ship. */
  text: z.string().trim().max(500, 'Keep an item to 500 characters.'),
  min: scaleNumber,
  max: scaleNumber,
  /**
   * 1 for whole-number answers; 0.1 for visual-analogue lines read to the millimetre (SRS, ORS). Not
   * in every stored definition, so it defaults to whole numbers.
   */
  step: z.union([z.literal(1), z.literal(0.1)]).default(1),
  anchors: z.strictObject({
    min: z.string().trim().max(60, 'Keep an anchor to 60 characters.'),
    max: z.string().trim().max(60, 'Keep an anchor to 60 characters.'),
  }),
  reverse: z.boolean().default(false),
  /**
   * Words for each answer, lowest first (PHQ-9's "Not at all" … "Nearly every day"): one per whole-number
   * answer from min to max. Wording only; absent on measures that name just the two ends (anchors).
   */
  labels: z.array(z.string().trim().min(1, 'Give each answer a label.').max(60, 'Keep an answer label to 60 characters.')).max(11).optional(),
  /**
   * false: the answer is recorded with the result but counts towards no score and is never required
   * (PHQ-9's difficulty question). Absent on every scored item, so stored definitions keep their shape.
   */
  scored: z.literal(false).optional(),
});

export const subscaleSchema = z.strictObject({
  key: keySchema,
  label: z.string().trim().min(1, 'Give the subscale a name.').max(40, 'A subscale name can be at most 40 characters.'),
  items: z.array(keySchema).min(1, 'A subscale needs at least one item.'),
  method: z.enum(scoringMethods),
});

export const totalRuleSchema = z.strictObject({
  method: z.enum(scoringMethods),
  /**
   * How many items may be left blank and still give a total. With 1..maxMissing blank the total is
   * prorated: a mean is the mean of the answered items; a sum is the mean of the answered items times
   * the number of items, i.e. as if each blank had been answered at the client's own average.
   */
  maxMissing: z.number().int('Enter a whole number of items.').min(0, 'Enter 0 or more.'),
});

export const scoreRangeSchema = z.strictObject({ min: z.number(), max: z.number() });

export const cutoffSchema = z.strictObject({
  value: z.number(),
  concernWhen: z.enum(concernDirections),
});

export const bandSchema = z.strictObject({
  from: z.number(),
  to: z.number(),
  label: z.string().trim().min(1, 'Give the band a name.').max(40, 'A band name can be at most 40 characters.'),
  /** 0 (fine) … 4 (most concerning): drives colour, never wording. */
  severity: z.number().int().min(0).max(4),
});

export const flagItemSchema = z.strictObject({
  item: keySchema,
  /** Fires when the item's answer (as given, before any reversal) is greater than this. */
  above: z.number(),
  message: z.string().trim().min(1, 'Write what the flag should say.').max(200, 'Keep a flag message to 200 characters.'),
});

const itemsSchema = z
  .array(measureItemSchema)
  .min(1, 'A measure needs at least one item.')
  .max(MAX_ITEMS, `A measure can have at most ${MAX_ITEMS} items.`);

const describedFields = {
  name: z.string().trim().min(1, 'Give the measure a name.').max(80, 'A measure name can be at most 80 characters.'),
  shortName: z.string().trim().min(1, 'Give the measure a short name for charts.').max(16, 'A short name can be at most 16 characters.'),
  rater: z.enum(raters),
  kind: z.enum(measureKinds),
  /** Shown above the items: the question stem and, for short scales, what each point means. */
  instructions: z.string().trim().max(1000, 'Keep the instructions to 1000 characters.').default(''),
  /** A licensed instrument: only scores are entered, from the practitioner's own licensed forms. */
  scoreOnly: z.boolean().default(false),
  /** Citation and licence note. */
  source: z.string().trim().max(1000, 'Keep the source to 1000 characters.').default(''),
  items: itemsSchema,
  subscales: z.array(subscaleSchema).max(MAX_ITEMS).default([]),
  total: totalRuleSchema,
  cutoff: cutoffSchema.nullable(),
  bands: z.array(bandSchema).max(10, 'Use at most 10 bands.').default([]),
  /** The smallest change in total counted as real rather than noise; null when not established. */
  reliableChange: z.number().positive('A reliable change is more than 0.').nullable(),
  flagItems: z.array(flagItemSchema).max(MAX_ITEMS).default([]),
};

const addProblems = (problems: MeasureProblem[], ctx: z.RefinementCtx) => {
  for (const { path, message } of problems) ctx.addIssue({ code: 'custom', path, message });
};

export const measureDefinitionSchema = z
  .strictObject({
    /** Built-ins have fixed slugs (`phq-9`); custom measures get their own slug when first saved. */
    id: z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, 'A measure id is lower-case letters, digits, _ or -, starting with a letter.'),
    /** Every saved change makes a new version; a result keeps the version it was scored with. */
    version: z.number().int().min(1),
    builtIn: z.boolean(),
    ...describedFields,
    /** The total's possible range, stored so charts and PDFs need no arithmetic on the items. */
    range: scoreRangeSchema,
  })
  .superRefine((measure, ctx) => {
    const expected = computedRange(measure.items, measure.total.method);
    if (expected.min !== measure.range.min || expected.max !== measure.range.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['range'],
        message: `With these items the total runs from ${expected.min} to ${expected.max}, not ${measure.range.min} to ${measure.range.max}.`,
      });
    }
    addProblems(measureProblems(measure, measure.range), ctx);
  });

/** What Settings sends to save a custom measure: the range follows from the items, so it isn't sent. */
export const customMeasureInputSchema = z.strictObject(describedFields).superRefine((measure, ctx) => {
  addProblems(measureProblems(measure, computedRange(measure.items, measure.total.method)), ctx);
});

export type MeasureItem = z.output<typeof measureItemSchema>;
export type Subscale = z.output<typeof subscaleSchema>;
export type TotalRule = z.output<typeof totalRuleSchema>;
export type ScoreRange = z.output<typeof scoreRangeSchema>;
export type Cutoff = z.output<typeof cutoffSchema>;
export type MeasureBand = z.output<typeof bandSchema>;
export type FlagItem = z.output<typeof flagItemSchema>;
export type MeasureDefinition = z.output<typeof measureDefinitionSchema>;
export type CustomMeasureInput = z.output<typeof customMeasureInputSchema>;

/** The definition a saved custom measure becomes, at the id and version the store assigned. */
export function customMeasureDefinition(input: CustomMeasureInput, id: string, version: number): MeasureDefinition {
  // The store's id and version win over anything the input carries.
  return { ...input, id, version, builtIn: false, range: computedRange(input.items, input.total.method) };
}
