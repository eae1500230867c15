import { computedRange, customMeasureInputSchema, type CustomMeasureInput, type ScoreRange } from '../../../../shared/measures/definition';
import type { MeasureDraft, NumberField } from './measure-draft';
import { itemKeys, subscaleKeys } from './measure-keys';

/** Field path ("items.1.max", "cutoff.value") → the message to show at that field. */
export type FieldErrors = Record<string, string>;

/** A half-typed or empty box is not a number; the schema then names the field instead of guessing 0. */
const numberOf = (value: NumberField): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The input the contract expects, built from the draft; numbers not yet entered stay undefined. */
export function draftToInput(draft: MeasureDraft): unknown {
  const keys = itemKeys(draft.items, draft.reservedKeys);
  const keyOfUid = new Map(draft.items.map((item, index) => [item.uid, keys[index] ?? '']));
  const subKeys = subscaleKeys(draft.subscales, draft.reservedKeys);
  return {
    name: draft.name,
    shortName: draft.shortName,
    rater: draft.rater,
    kind: draft.kind,
    instructions: draft.instructions,
    scoreOnly: draft.scoreOnly,
    source: draft.source,
    items: draft.items.map((item, index) => ({
      key: keys[index],
      text: item.text,
      min: numberOf(item.min),
      max: numberOf(item.max),
      step: item.step,
      anchors: { min: item.anchorMin, max: item.anchorMax },
      reverse: item.reverse,
      ...(item.labels !== undefined && item.labels.length === Number(item.max) - Number(item.min) + 1 ? { labels: item.labels } : {}),
      ...(item.scored === false ? { scored: false } : {}),
    })),
    subscales: draft.subscales.map((subscale, index) => ({
      key: subKeys[index],
      label: subscale.label,
      method: subscale.method,
      items: subscale.items.flatMap((uid) => keyOfUid.get(uid) ?? []),
    })),
    total: { method: draft.totalMethod, maxMissing: numberOf(draft.maxMissing) },
    cutoff: draft.cutoff === 'none' ? null : { value: numberOf(draft.cutoffValue), concernWhen: draft.cutoff },
    bands: draft.bands.map((band) => ({ from: numberOf(band.from), to: numberOf(band.to), label: band.label, severity: band.severity })),
    reliableChange: draft.reliableChange === '' ? null : (numberOf(draft.reliableChange) ?? Number.NaN),
    // A flag on an item that was removed would name a missing item: it goes with its item.
    flagItems: draft.flagItems.filter((flag) => keys.includes(flag.item)),
  };
}

/**
 * Where a message is shown. The schema reports a subscale's bad item choice at the choice's own index;
 * the form has one item picker per subscale, so those collapse onto it.
 */
export function fieldOf(path: readonly PropertyKey[]): string {
  const segments = path.map(String);
  if (segments[0] === 'subscales' && segments[2] === 'items') return segments.slice(0, 3).join('.');
  return segments.length > 0 ? segments.join('.') : 'measure';
}

/** Checks the draft with the contract's own schema: the input to send, or the first message per field. */
export function validateMeasureDraft(draft: MeasureDraft): { input: CustomMeasureInput | null; errors: FieldErrors } {
  const parsed = customMeasureInputSchema.safeParse(draftToInput(draft));
  if (parsed.success) return { input: parsed.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    // zod's own wording ("expected number, received undefined") is for developers.
    const message = issue.code === 'invalid_type' && issue.expected === 'number' ? 'Enter a number.' : issue.message;
    errors[fieldOf(issue.path)] ??= message;
  }
  return { input: null, errors };
}

/** The service's VALIDATION errors, keyed `measure.items.1.max`, re-keyed to the form's own paths. */
export function serviceFieldErrors(fieldErrors: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const segments = path.split('.');
    if (segments[0] === 'measure') segments.shift();
    errors[fieldOf(segments)] ??= message;
  }
  return errors;
}

/** The total's range while typing; null until every item has both ends entered. */
export function liveRange(draft: MeasureDraft): ScoreRange | null {
  const ends = draft.items.map((item) => ({ min: numberOf(item.min), max: numberOf(item.max), scored: item.scored }));
  if (ends.some((end) => end.min === undefined || end.max === undefined)) return null;
  return computedRange(
    ends.map((end) => ({ min: end.min ?? 0, max: end.max ?? 0, ...(end.scored === false ? { scored: false as const } : {}) })),
    draft.totalMethod,
  );
}

const SHOWN_AT_A_FIELD = [
  /^(name|shortName|rater|kind|instructions|items|subscales|bands|reliableChange)$/,
  /^items\.\d+\.(text|min|max|anchors\.min|anchors\.max)$/,
  /^subscales\.\d+\.(label|method|items)$/,
  /^total\.(method|maxMissing)$/,
  /^cutoff\.(value|concernWhen)$/,
  /^bands\.\d+\.(from|to|label|severity)$/,
];

/** Whether the form has a control (or a list) to show this path's message next to. */
export const shownAtField = (path: string): boolean => SHOWN_AT_A_FIELD.some((pattern) => pattern.test(path));
