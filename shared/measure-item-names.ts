import { z } from 'zod';

/**
 * Names for the items of a score-only (licensed) measure, typed once by the practitioner from their own
 * licensed form, so entry and results read "Item 3 · <their words>" instead of only "Item 3". The app
 * still ships no licensed wording: these live in the vault's settings table, per measure and item.
 */
export const MAX_ITEM_NAME = 200;

const itemKey = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/);
const measureId = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, 'Choose a measure.');

/** Item key → name; an empty name clears it (the item is then shown by its number). */
export const itemNamesSchema = z
  .record(itemKey, z.string().trim().max(MAX_ITEM_NAME, `Keep an item name to ${MAX_ITEM_NAME} characters.`))
  .refine((names) => Object.keys(names).length <= 50, 'A measure has at most 50 items.');

export const saveItemNamesInputSchema = z.strictObject({ measureId, names: itemNamesSchema });

/** Measure id → item key → name, for every measure that has any. */
export const allItemNamesSchema = z.record(measureId, z.record(itemKey, z.string()));

export type ItemNames = z.output<typeof itemNamesSchema>;
export type AllItemNames = z.output<typeof allItemNamesSchema>;

/** How an item is named on screen: its wording, else the practitioner's name for it, else its number. */
export function itemLabel(item: { key: string; text: string }, number: number, names: Readonly<Record<string, string>> | undefined): string {
  if (item.text) return item.text;
  const named = names?.[item.key]?.trim();
  return named ? `Item ${number} · ${named}` : `Item ${number}`;
}
