import { round2 } from './numbers';
import type { MeasureItem, ScoreRange, ScoringMethod } from './definition';

/* What a measure's items allow its total to be: which items count, its range and its finest step. */

/** The items that count towards the total, subscales and missing-answer rules: all but the unscored ones. */
export const scoredItems = <T extends { scored?: false | undefined }>(items: readonly T[]): T[] => items.filter((item) => item.scored !== false);

/** The lowest and highest possible total for these items. Reversal doesn't change an item's range. */
export function computedRange(all: readonly (Pick<MeasureItem, 'min' | 'max'> & { scored?: false | undefined })[], method: ScoringMethod): ScoreRange {
  const items = scoredItems(all);
  const min = items.reduce((sum, item) => sum + item.min, 0);
  const max = items.reduce((sum, item) => sum + item.max, 0);
  if (method === 'sum' || items.length === 0) return { min: round2(min), max: round2(max) };
  return { min: round2(min / items.length), max: round2(max / items.length) };
}

/**
 * The finest step between two complete totals: 1 for sums of whole-number items, 0.1 when an item is
 * read to a tenth, 0.01 for means (scores are rounded to 2 decimals). Bands are contiguous when the
 * next starts no more than this above where the previous ends.
 */
export function scoreResolution(items: readonly Pick<MeasureItem, 'step'>[], method: ScoringMethod): number {
  if (method === 'mean') return 0.01;
  return items.some((item) => item.step === 0.1) ? 0.1 : 1;
}
