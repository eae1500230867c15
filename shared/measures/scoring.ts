import { scoredItems, type Cutoff, type MeasureBand, type MeasureDefinition, type MeasureItem, type ScoringMethod } from './definition';
import { isMultipleOf, round2 } from './numbers';

export interface ItemScore {
  /** The answer as given, or null when blank or unusable. */
  value: number | null;
  /** The value that counts towards scores: reversed items are flipped (min + max − value). */
  scored: number | null;
}

export interface MeasureScore {
  items: Record<string, ItemScore>;
  /** Item key → what is wrong with the answer. Unusable answers count as blank in every score. */
  problems: Record<string, string>;
  /** Scored items left blank (problem answers are listed under `problems` instead); an unscored item is never missing. */
  missing: string[];
  subscales: Record<string, number | null>;
  total: number | null;
  /** True when the total was estimated over blank items. */
  prorated: boolean;
  band: MeasureBand | null;
  concern: boolean;
  flags: string[];
  /**
   * Flag items left blank (PHQ-9 item 9). A total may be prorated over them, but their flag could then
   * never fire, so a result with one blank is not to be saved.
   */
  blankFlagItems: string[];
}

/** Said at a blank item whose answer screens for risk. */
export const FLAG_ITEM_BLANK = 'Answer this item: it screens for risk, so it cannot be left blank.';

export type Responses = Readonly<Record<string, number | null | undefined>>;



/** True when a total is on the concerning side of the cutoff: `>= value` for 'above', `< value` for 'below'. */
export function isConcern(cutoff: Cutoff | null, total: number | null): boolean {
  if (cutoff === null || total === null) return false;
  return cutoff.concernWhen === 'above' ? total >= cutoff.value : total < cutoff.value;
}

/**
 * The band a total falls in. A score between one band's end and the next band's start (a prorated
 * 9.5 between PHQ-9 "5–9" and "10–14") stays in the lower band: a band runs until the next begins,
 * matching the cutoff rule, where the cutoff value is the first score of the upper side.
 */
export function bandFor(bands: readonly MeasureBand[], total: number | null): MeasureBand | null {
  if (total === null) return null;
  let found: MeasureBand | null = null;
  for (const band of bands) {
    if (band.from <= total && (found === null || band.from >= found.from)) found = band;
  }
  const top = Math.max(...bands.map((band) => band.to));
  return total <= top ? found : null;
}

function itemProblem(item: MeasureItem, position: number, value: number): string | null {
  if (!Number.isFinite(value)) return `Item ${position}: enter a number.`;
  const outOfRange = value < item.min || value > item.max;
  if (item.step === 1 && (outOfRange || !Number.isInteger(value))) return `Item ${position} takes a whole number from ${item.min} to ${item.max}.`;
  if (outOfRange) return `Item ${position} takes a value from ${item.min} to ${item.max}.`;
  if (!isMultipleOf(value, item.step)) return `Item ${position} takes steps of ${item.step}.`;
  return null;
}

/**
 * Combines answered values into one score, or null when more than `allowedMissing` of `count` items are
 * blank. A prorated sum is the mean of the answered items times the item count.
 */
function combine(values: readonly number[], count: number, allowedMissing: number, method: ScoringMethod): { score: number | null; prorated: boolean } {
  const missing = count - values.length;
  if (values.length === 0 || missing > allowedMissing) return { score: null, prorated: false };
  const sum = values.reduce((a, b) => a + b, 0);
  if (method === 'mean') return { score: round2(sum / values.length), prorated: missing > 0 };
  return { score: round2(missing === 0 ? sum : (sum * count) / values.length), prorated: missing > 0 };
}

/**
 * Scores one completed measure. Blank items: the total tolerates `total.maxMissing` of them, prorated.
 * A subscale tolerates the same share of its own items, rounded down (floor(maxMissing × subscale
 * items ÷ all items)), so a 4-item subscale of a 12-item measure allowing 1 blank tolerates none.
 */
export function scoreMeasure(definition: MeasureDefinition, responses: Responses): MeasureScore {
  const items: Record<string, ItemScore> = {};
  const problems: Record<string, string> = {};
  const missing: string[] = [];
  const scored = new Map<string, number>();

  definition.items.forEach((item, i) => {
    const value = responses[item.key];
    const counts = item.scored !== false;
    if (value === null || value === undefined) {
      if (counts) missing.push(item.key);
      items[item.key] = { value: null, scored: null };
      return;
    }
    const problem = itemProblem(item, i + 1, value);
    if (problem) {
      problems[item.key] = problem;
      items[item.key] = { value: null, scored: null };
      return;
    }
    // An unscored answer (PHQ-9's difficulty question) is kept as given and counts towards nothing.
    const score = counts ? (item.reverse ? round2(item.min + item.max - value) : value) : null;
    if (score !== null) scored.set(item.key, score);
    items[item.key] = { value, scored: score };
  });

  const known = new Set(definition.items.map((item) => item.key));
  for (const key of Object.keys(responses)) {
    if (!known.has(key)) problems[key] = `"${key}" is not an item of ${definition.shortName}.`;
  }

  const itemCount = scoredItems(definition.items).length;
  const subscales: Record<string, number | null> = {};
  for (const subscale of definition.subscales) {
    const values = subscale.items.flatMap((key) => (scored.has(key) ? [scored.get(key) as number] : []));
    const allowed = Math.floor((definition.total.maxMissing * subscale.items.length) / itemCount);
    subscales[subscale.key] = combine(values, subscale.items.length, allowed, subscale.method).score;
  }

  const { score: total, prorated } = combine([...scored.values()], itemCount, definition.total.maxMissing, definition.total.method);

  const flags = definition.flagItems.flatMap((flag) => {
    const value = items[flag.item]?.value;
    return value !== null && value !== undefined && value > flag.above ? [flag.message] : [];
  });

  return {
    items,
    problems,
    missing,
    subscales,
    total,
    prorated,
    band: bandFor(definition.bands, total),
    concern: isConcern(definition.cutoff, total),
    flags,
    blankFlagItems: definition.flagItems.filter((flag) => missing.includes(flag.item)).map((flag) => flag.item),
  };
}
