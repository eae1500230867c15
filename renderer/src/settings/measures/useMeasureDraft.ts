import { useState } from 'react';
import { MAX_ITEMS } from '../../../../shared/measures/definition';
import { newBand, newItem, newSubscale, type BandDraft, type ItemDraft, type MeasureDraft, type SubscaleDraft } from './measure-draft';
import type { FieldErrors } from './measure-validation';

export const MAX_BANDS = 10;

type Scalar = Exclude<keyof MeasureDraft, 'items' | 'subscales' | 'bands' | 'flagItems' | 'reservedKeys' | 'id'>;

/** The error paths a top-level draft field answers to. */
const PATHS: Record<Scalar, string[]> = {
  name: ['name'],
  shortName: ['shortName'],
  rater: ['rater'],
  kind: ['kind'],
  instructions: ['instructions'],
  scoreOnly: [],
  source: [],
  totalMethod: ['total.method'],
  maxMissing: ['total.maxMissing'],
  cutoff: ['cutoff.concernWhen', 'cutoff.value'],
  cutoffValue: ['cutoff.value'],
  reliableChange: ['reliableChange'],
};

const without = (errors: FieldErrors, drop: (path: string) => boolean): FieldErrors =>
  Object.fromEntries(Object.entries(errors).filter(([path]) => !drop(path)));

const replaceAt = <T>(list: readonly T[], index: number, change: Partial<T>): T[] => list.map((row, i) => (i === index ? { ...row, ...change } : row));

/**
 * The measure being edited and its messages. Editing a field clears the message it answers; adding or
 * removing a row clears that list's messages, since they are keyed by position.
 */
export function useMeasureDraft(initial: MeasureDraft) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const clear = (drop: (path: string) => boolean) => setErrors((current) => without(current, drop));
  const clearList = (list: string) => clear((path) => path === list || path.startsWith(`${list}.`));

  const set = <K extends Scalar>(field: K, value: MeasureDraft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    clear((path) => PATHS[field].includes(path));
  };

  const changeItem = (index: number, change: Partial<ItemDraft>) => {
    setDraft((current) => ({ ...current, items: replaceAt(current.items, index, change) }));
    clear((path) => path.startsWith(`items.${index}.`) || path === 'items');
  };

  /** Returns the new row's uid so its first field can take focus. */
  const addItem = (): string | null => {
    if (draft.items.length >= MAX_ITEMS) return null;
    const item = newItem();
    setDraft((current) => ({ ...current, items: [...current.items, item] }));
    clearList('items');
    return item.uid;
  };

  const removeItem = (uid: string) => {
    setDraft((current) => ({
      ...current,
      items: current.items.filter((item) => item.uid !== uid),
      subscales: current.subscales.map((subscale) => ({ ...subscale, items: subscale.items.filter((itemUid) => itemUid !== uid) })),
    }));
    clearList('items');
    clearList('subscales');
  };

  const changeSubscale = (index: number, change: Partial<SubscaleDraft>) => {
    setDraft((current) => ({ ...current, subscales: replaceAt(current.subscales, index, change) }));
    clear((path) => path.startsWith(`subscales.${index}.`));
  };

  const addSubscale = (): string => {
    const subscale = newSubscale();
    setDraft((current) => ({ ...current, subscales: [...current.subscales, subscale] }));
    clearList('subscales');
    return subscale.uid;
  };

  const removeSubscale = (uid: string) => {
    setDraft((current) => ({ ...current, subscales: current.subscales.filter((subscale) => subscale.uid !== uid) }));
    clearList('subscales');
  };

  // Bands are checked against each other, so editing one can settle a message on its neighbour.
  const changeBand = (index: number, change: Partial<BandDraft>) => {
    setDraft((current) => ({ ...current, bands: replaceAt(current.bands, index, change) }));
    clear((path) => path.startsWith(`bands.${index}.`) || path.startsWith(`bands.${index + 1}.from`) || path === 'bands');
  };

  const addBand = (): string | null => {
    if (draft.bands.length >= MAX_BANDS) return null;
    const band = newBand();
    setDraft((current) => ({ ...current, bands: [...current.bands, band] }));
    clearList('bands');
    return band.uid;
  };

  const removeBand = (uid: string) => {
    setDraft((current) => ({ ...current, bands: current.bands.filter((band) => band.uid !== uid) }));
    clearList('bands');
  };

  return { draft, errors, setErrors, set, changeItem, addItem, removeItem, changeSubscale, addSubscale, removeSubscale, changeBand, addBand, removeBand };
}

export type MeasureDraftState = ReturnType<typeof useMeasureDraft>;
