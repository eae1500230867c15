import { sideEffectWords, type MedicationReviewItem, type PlannedChange, type SideEffectSeverity } from './medication-review';
import { medicationEventWords, regimenInWords } from './medications';

/**
 * The medication review in words, as the signed note, the Markdown export and the draft's hints show it:
 * one wording, so a review reads the same wherever it is read.
 */
export const severityWords: Record<SideEffectSeverity, string> = { none: 'None', mild: 'Mild', moderate: 'Moderate', severe: 'Severe' };

/** The labels of a review item's free-text answers, in the order they are asked. */
export const reviewTextLabels = {
  sideEffectNotes: 'Side-effect notes',
  working: 'How well it is working, in the client’s words',
  options: 'Options discussed',
  preference: 'What the client prefers',
  decision: 'What was decided',
} as const satisfies Partial<Record<keyof MedicationReviewItem, string>>;
export const reviewTextFields = Object.keys(reviewTextLabels) as (keyof typeof reviewTextLabels)[];

/** "Dizziness (severe), Headache (mild)": the side effects the client has, most severe first. */
export function sideEffectsPresentInWords(item: Pick<MedicationReviewItem, 'sideEffects'>): string {
  const order: SideEffectSeverity[] = ['severe', 'moderate', 'mild'];
  return item.sideEffects
    .filter((entry) => entry.severity !== 'none')
    .sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity))
    .map((entry) => `${sideEffectWords[entry.effect]} (${severityWords[entry.severity].toLowerCase()})`)
    .join(', ');
}

/** "Nausea or upset stomach, Headache": the side effects asked about and not present. */
export function sideEffectsAbsentInWords(item: Pick<MedicationReviewItem, 'sideEffects'>): string {
  return item.sideEffects
    .filter((entry) => entry.severity === 'none')
    .map((entry) => sideEffectWords[entry.effect])
    .join(', ');
}

/** "3 of 14 due" when the doses a day are known, else "3"; null when not asked. */
export function missedDosesInWords(missedDoses: number | null, dosesPerDay: number | null): string | null {
  if (missedDoses === null) return null;
  return dosesPerDay === null ? String(missedDoses) : `${missedDoses} of ${7 * dosesPerDay} due`;
}

/** Whether anything of a review item was answered: an untouched item is left out of what is read back. */
export function itemAnswered(item: MedicationReviewItem): boolean {
  return item.adherence !== null || item.missedDoses !== null || item.sideEffects.length > 0 || reviewTextFields.some((key) => item[key].trim() !== '');
}

/**
 * "Dose changed: Sertraline, 100 mg · tablet, by mouth · every morning": a change decided in the visit.
 * A stop names only the medication; `name` is the listed name (a start carries its own).
 */
export function plannedChangeInWords(change: Pick<PlannedChange, 'kind' | 'name' | 'regimen'>, listedName: string | null): string {
  const name = change.kind === 'start' ? change.name.trim() : (listedName ?? 'a medication no longer on the list');
  const regimen = change.kind === 'stop' ? '' : regimenInWords(change.regimen);
  return `${medicationEventWords[change.kind]}: ${name}${regimen === '' ? '' : `, ${regimen}`}`;
}
