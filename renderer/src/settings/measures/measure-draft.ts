import type { ConcernDirection, FlagItem, MeasureDefinition, MeasureKind, Rater, ScoringMethod } from '../../../../shared/measures/definition';

/**
 * What the measure editor holds. Numbers are kept as NumberInput gives them (a number, or the text
 * typed so far) so a half-typed "-" or an emptied box survives until save; rows carry a local uid so
 * React keys and the subscales' item choices survive adding and removing rows.
 */
export type NumberField = number | string;

export interface ItemDraft {
  uid: string;
  /** The saved key of an item that came with the measure; null for an item added here. */
  key: string | null;
  text: string;
  min: NumberField;
  max: NumberField;
  /** Not editable here: kept from the source so a copy of a 0.1-step scale (SRS, ORS) still scores. */
  step: 1 | 0.1;
  anchorMin: string;
  anchorMax: string;
  reverse: boolean;
  /**
   * Not editable here: kept from the source, so a copy of PHQ-9 keeps each answer's words and leaves its
   * difficulty question out of the score. A changed range drops the labels (they would no longer fit).
   */
  labels?: string[] | undefined;
  scored?: false | undefined;
}

export interface SubscaleDraft {
  uid: string;
  key: string | null;
  label: string;
  method: ScoringMethod;
  /** Item uids, so a subscale follows its items when other items are removed. */
  items: string[];
}

export interface BandDraft {
  uid: string;
  from: NumberField;
  to: NumberField;
  label: string;
  severity: number;
}

/** 'none' folds "is there a cutoff" into the direction choice: one control instead of two. */
export type CutoffChoice = 'none' | ConcernDirection;

export interface MeasureDraft {
  /** null: saving makes a new measure; a custom measure's id: saving makes its next version. */
  id: string | null;
  name: string;
  shortName: string;
  rater: Rater;
  kind: MeasureKind;
  instructions: string;
  /** Carried over: a copy of a licensed measure stays score-only, so its blank wording stays valid. */
  scoreOnly: boolean;
  source: string;
  items: ItemDraft[];
  subscales: SubscaleDraft[];
  totalMethod: ScoringMethod;
  maxMissing: NumberField;
  cutoff: CutoffChoice;
  cutoffValue: NumberField;
  bands: BandDraft[];
  /** '' when not established. */
  reliableChange: NumberField;
  /** Carried over (not edited here); a flag goes with its item when that item is removed. */
  flagItems: FlagItem[];
  /**
   * Item and subscale keys the source measure used. A new row never takes one, even after the row
   * that had it was removed: past results name items by key, and a reused key would mix two questions.
   */
  reservedKeys: string[];
}

let counter = 0;
const nextUid = (kind: string) => `${kind}-${++counter}`;

export const newItem = (): ItemDraft => ({ uid: nextUid('item'), key: null, text: '', min: 0, max: 10, step: 1, anchorMin: '', anchorMax: '', reverse: false });

export const newSubscale = (): SubscaleDraft => ({ uid: nextUid('subscale'), key: null, label: '', method: 'sum', items: [] });

export const newBand = (): BandDraft => ({ uid: nextUid('band'), from: '', to: '', label: '', severity: 0 });

/** A blank measure: one 0–10 item, summed, no cutoff or bands yet. */
export function newMeasureDraft(): MeasureDraft {
  return {
    id: null,
    name: '',
    shortName: '',
    rater: 'client',
    kind: 'alliance',
    instructions: '',
    scoreOnly: false,
    source: '',
    items: [newItem()],
    subscales: [],
    totalMethod: 'sum',
    maxMissing: 0,
    cutoff: 'none',
    cutoffValue: '',
    bands: [],
    reliableChange: '',
    flagItems: [],
    reservedKeys: [],
  };
}

/** A copy of any measure (a new measure), or the next version of a custom one. */
export function draftFrom(measure: MeasureDefinition, mode: 'copy' | 'edit'): MeasureDraft {
  const items = measure.items.map(
    (item): ItemDraft => ({
      uid: nextUid('item'),
      key: item.key,
      text: item.text,
      min: item.min,
      max: item.max,
      step: item.step,
      anchorMin: item.anchors.min,
      anchorMax: item.anchors.max,
      reverse: item.reverse,
      labels: item.labels,
      scored: item.scored,
    }),
  );
  const uidOfKey = new Map(items.map((item) => [item.key, item.uid]));
  return {
    id: mode === 'edit' ? measure.id : null,
    name: mode === 'edit' ? measure.name : `Copy of ${measure.name}`,
    shortName: measure.shortName,
    rater: measure.rater,
    kind: measure.kind,
    instructions: measure.instructions,
    scoreOnly: measure.scoreOnly,
    source: measure.source,
    items,
    subscales: measure.subscales.map((subscale) => ({
      uid: nextUid('subscale'),
      key: subscale.key,
      label: subscale.label,
      method: subscale.method,
      items: subscale.items.flatMap((key) => uidOfKey.get(key) ?? []),
    })),
    totalMethod: measure.total.method,
    maxMissing: measure.total.maxMissing,
    cutoff: measure.cutoff?.concernWhen ?? 'none',
    cutoffValue: measure.cutoff?.value ?? '',
    bands: measure.bands.map((band) => ({ uid: nextUid('band'), ...band })),
    reliableChange: measure.reliableChange ?? '',
    flagItems: measure.flagItems,
    reservedKeys: [...measure.items.map((item) => item.key), ...measure.subscales.map((subscale) => subscale.key)],
  };
}
