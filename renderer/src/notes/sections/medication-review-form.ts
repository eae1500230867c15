import type { MedicationReview, MedicationReviewItem, PlannedChange } from '../../../../shared/medication-review';
import type { Medication, MedicationEventKind } from '../../../../shared/medications';
import { allowedKinds } from '../../../../shared/medication-rules';

/** The pure parts of the medication review form: blank answers, the list it starts from, and field errors. */

export const blankItem = (medicationId: string): MedicationReviewItem => ({
  medicationId,
  adherence: null,
  missedDoses: null,
  sideEffects: [],
  sideEffectNotes: '',
  working: '',
  options: '',
  preference: '',
  decision: '',
});

export const blankRegimen = (): PlannedChange['regimen'] => ({
  dose: '',
  formRoute: '',
  schedule: '',
  asNeeded: false,
  dosesPerDay: null,
  prescriber: 'me',
  prescriberName: '',
  indication: '',
});

/**
 * The review with an item for every current medication it does not yet ask about: a new section starts
 * from the client's list, and a medication started on the list after the draft began is asked about too.
 * Returns the same object when nothing is missing, so the caller can tell nothing changed.
 */
export function reviewWithCurrent(review: MedicationReview | undefined, medications: readonly Medication[]): MedicationReview {
  const base = review ?? { items: [], changes: [] };
  const asked = new Set(base.items.map((item) => item.medicationId));
  const missing = medications.filter((medication) => medication.current && !asked.has(medication.id));
  if (review && missing.length === 0) return review;
  return { ...base, items: [...base.items, ...missing.map((medication) => blankItem(medication.id))] };
}

/** A new change: a start, or the first kind a listed medication allows, with its regimen to edit from. */
export function newChange(medication: Medication | null): PlannedChange {
  const kind: MedicationEventKind = medication ? allowedKinds(medication.history)[0]! : 'start';
  return { id: crypto.randomUUID(), medicationId: medication?.id ?? null, name: '', kind, reason: '', regimen: regimenFor(medication) };
}

/** The regimen a change starts from: the medication's current one (a stop keeps it as it is), or blank for a start. */
export const regimenFor = (medication: Medication | null): PlannedChange['regimen'] => {
  const last = medication?.history.at(-1);
  return last ? { ...last.regimen } : blankRegimen();
};

/** The service's field errors for the review, keyed without the `medicationReview.` prefix. */
export function reviewErrorsOf(fieldErrors: Record<string, string>): Record<string, string> {
  const prefix = 'medicationReview.';
  return Object.fromEntries(Object.entries(fieldErrors).filter(([key]) => key.startsWith(prefix)).map(([key, message]) => [key.slice(prefix.length), message]));
}

/** The errors under one item or change (`items.0.`), keyed by what follows. */
export function errorsUnder(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key.startsWith(prefix)).map(([key, message]) => [key.slice(prefix.length), message]));
}

/** The errors without those under `prefix`: what is left once the practitioner edits that item or change. */
export function errorsWithout(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => !key.startsWith(prefix)));
}
