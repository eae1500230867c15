import { isMultipleOf, round2 } from './numbers';
import type { FlagItem, MeasureBand, MeasureItem, ScoreRange, Subscale, TotalRule, Cutoff } from './definition';
import { scoredItems, scoreResolution } from './score-range';

/* The checks across a definition's fields (keys, subscales, cutoff, bands, flags), with a message at each field. */

interface CheckedMeasure {
  scoreOnly: boolean;
  items: MeasureItem[];
  subscales: Subscale[];
  total: TotalRule;
  cutoff: Cutoff | null;
  bands: MeasureBand[];
  reliableChange: number | null;
  flagItems: FlagItem[];
}

export interface MeasureProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Cross-field checks shared by stored definitions and the Settings form. Messages name items by
 * position ("Item 3"), which is what a practitioner sees, rather than by key.
 */
export function measureProblems(measure: CheckedMeasure, range: ScoreRange): MeasureProblem[] {
  const problems: MeasureProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  const itemIndex = new Map<string, number>();

  measure.items.forEach((item, i) => {
    const n = i + 1;
    if (itemIndex.has(item.key)) add(['items', i, 'key'], `Item ${n} has the same key ("${item.key}") as item ${(itemIndex.get(item.key) ?? 0) + 1}.`);
    else itemIndex.set(item.key, i);
    if (item.min >= item.max) add(['items', i, 'max'], `Item ${n}: the highest answer must be above the lowest.`);
    if (!isMultipleOf(item.min, item.step) || !isMultipleOf(item.max, item.step)) {
      add(['items', i, 'min'], item.step === 1 ? `Item ${n}: with whole-number answers, the lowest and highest must be whole numbers.` : `Item ${n}: the lowest and highest answers must be in steps of ${item.step}.`);
    }
    if (!measure.scoreOnly && item.text === '') add(['items', i, 'text'], `Item ${n} needs its wording.`);
    if (item.labels !== undefined && (item.step !== 1 || item.labels.length !== item.max - item.min + 1)) {
      add(['items', i, 'labels'], `Item ${n}: give one label for each whole-number answer from ${item.min} to ${item.max}.`);
    }
  });
  const scored = scoredItems(measure.items);
  if (scored.length === 0) add(['items'], 'At least one item must count towards the score.');
  const unscored = new Set(measure.items.filter((item) => item.scored === false).map((item) => item.key));

  const subscaleKeys = new Set<string>();
  measure.subscales.forEach((subscale, s) => {
    if (subscaleKeys.has(subscale.key)) add(['subscales', s, 'key'], `Two subscales have the key "${subscale.key}".`);
    subscaleKeys.add(subscale.key);
    const seen = new Set<string>();
    subscale.items.forEach((key, k) => {
      if (!itemIndex.has(key)) add(['subscales', s, 'items', k], `The subscale "${subscale.label}" lists "${key}", which is not one of the items.`);
      else if (seen.has(key)) add(['subscales', s, 'items', k], `The subscale "${subscale.label}" lists "${key}" twice.`);
      else if (unscored.has(key)) add(['subscales', s, 'items', k], `The subscale "${subscale.label}" lists "${key}", which is not scored.`);
      seen.add(key);
    });
  });

  if (scored.length > 0 && measure.total.maxMissing >= scored.length) {
    add(['total', 'maxMissing'], `Allow fewer missing answers than there are items (${scored.length}).`);
  }

  const width = range.max - range.min;
  if (measure.cutoff && (measure.cutoff.value <= range.min || measure.cutoff.value > range.max)) {
    add(['cutoff', 'value'], `Put the cutoff above the lowest possible total (${range.min}) and no higher than the highest (${range.max}).`);
  }
  if (measure.reliableChange !== null && measure.reliableChange > width) {
    add(['reliableChange'], `A reliable change can be at most ${round2(width)}, the whole span of the total.`);
  }

  problems.push(...bandProblems(measure.bands, range, scoreResolution(measure.items, measure.total.method)));

  measure.flagItems.forEach((flag, f) => {
    const i = itemIndex.get(flag.item);
    const item = i === undefined ? undefined : measure.items[i];
    if (i === undefined || !item) add(['flagItems', f, 'item'], `A flag names "${flag.item}", which is not one of the items.`);
    else if (flag.above < item.min || flag.above >= item.max) {
      add(['flagItems', f, 'above'], `The flag on item ${i + 1} must use a value from ${item.min} to just below ${item.max}, or it could never fire.`);
    }
  });

  return problems;
}

function bandProblems(bands: MeasureBand[], range: ScoreRange, resolution: number): MeasureProblem[] {
  // No bands is allowed (a measure without published norms); some bands must cover the whole range.
  if (bands.length === 0) return [];
  const problems: MeasureProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  bands.forEach((band, b) => {
    if (band.from > band.to) add(['bands', b, 'to'], `The band "${band.label}" ends before it starts.`);
  });
  const first = bands[0];
  const last = bands[bands.length - 1];
  if (first && first.from !== range.min) add(['bands', 0, 'from'], `The first band should start at the lowest possible total, ${range.min}.`);
  if (last && last.to !== range.max) add(['bands', bands.length - 1, 'to'], `The last band should end at the highest possible total, ${range.max}.`);
  for (let b = 1; b < bands.length; b++) {
    const previous = bands[b - 1];
    const band = bands[b];
    if (!previous || !band) continue;
    if (band.from < previous.from) {
      add(['bands', b, 'from'], 'List the bands from the lowest scores up.');
    } else if (band.from <= previous.to) {
      add(['bands', b, 'from'], `The bands "${previous.label}" and "${band.label}" overlap: "${band.label}" starts at ${band.from} but "${previous.label}" runs to ${previous.to}.`);
    } else if (band.from - previous.to > resolution + 1e-9) {
      add(['bands', b, 'from'], `No band covers totals from ${round2(previous.to + resolution)} to ${round2(band.from - resolution)}.`);
    }
  }
  return problems;
}
