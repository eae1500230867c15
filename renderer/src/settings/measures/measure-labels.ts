import type { ConcernDirection, MeasureKind, Rater, ScoreRange, ScoringMethod } from '../../../../shared/measures/definition';
import type { CutoffChoice } from './measure-draft';

export const RATER_OPTIONS: readonly { value: Rater; label: string }[] = [
  { value: 'client', label: 'Client' },
  { value: 'clinician', label: 'Clinician' },
];

export const KIND_OPTIONS: readonly { value: MeasureKind; label: string }[] = [
  { value: 'alliance', label: 'Alliance' },
  { value: 'outcome', label: 'Outcome' },
];

export const METHOD_OPTIONS: readonly { value: ScoringMethod; label: string }[] = [
  { value: 'sum', label: 'Sum' },
  { value: 'mean', label: 'Mean' },
];

export const CUTOFF_OPTIONS: readonly { value: CutoffChoice; label: string }[] = [
  { value: 'none', label: 'No cutoff' },
  { value: 'below', label: 'Concern when below' },
  { value: 'above', label: 'Concern when at or above' },
];

// Severity drives colour only; the words say what the number means for whoever picks it.
export const SEVERITY_OPTIONS: readonly { value: string; label: string }[] = [
  { value: '0', label: '0 – fine' },
  { value: '1', label: '1 – mild' },
  { value: '2', label: '2 – moderate' },
  { value: '3', label: '3 – marked' },
  { value: '4', label: '4 – most concerning' },
];

const labelOf = <T extends string>(options: readonly { value: T; label: string }[], value: T): string => options.find((option) => option.value === value)?.label ?? value;

export const raterLabel = (rater: Rater): string => `${labelOf(RATER_OPTIONS, rater)}-rated`;
export const kindLabel = (kind: MeasureKind): string => labelOf(KIND_OPTIONS, kind);

export const formatRange = (range: ScoreRange): string => `${range.min}–${range.max}`;

export const cutoffText = (value: number, concernWhen: ConcernDirection): string =>
  concernWhen === 'below' ? `concern below ${value}` : `concern at ${value} or above`;

/** Narrows a Select's string back to one of its own options' values. */
export function optionValue<T extends string>(options: readonly { value: T }[], value: string | null): T | null {
  return options.find((option) => option.value === value)?.value ?? null;
}
