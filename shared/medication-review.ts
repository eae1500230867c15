import { z } from 'zod';
import { idSchema } from './clients';
import { medicationEventKinds, MAX_DOSES_PER_DAY, prescriberKinds } from './medications';

/**
 * The medication review of a note (a section of kind `medication`): per current medication, adherence
 * as the client reports it, side effects, how well it works in the client's words and the shared
 * decision; and the changes decided in the visit, which are applied to the list only when the note is
 * signed. A draft saves whatever is typed (fields are checked for length only); completeness is checked
 * at signing by `medicationReviewProblems`.
 */
export const adherenceReports = ['as_prescribed', 'sometimes_misses', 'often_misses', 'stopped'] as const;
export type AdherenceReport = (typeof adherenceReports)[number];
export const adherenceWords: Record<AdherenceReport, string> = {
  as_prescribed: 'Taking as prescribed',
  sometimes_misses: 'Sometimes misses',
  often_misses: 'Often misses',
  stopped: 'Stopped taking it',
};

/** Our own plain checklist of common psychotropic side effects (no licensed scale is shipped). */
export const sideEffectWords = {
  sleepy: 'Sleepy or low energy',
  sleep_trouble: 'Trouble sleeping',
  weight_appetite: 'Weight gain or bigger appetite',
  nausea: 'Nausea or upset stomach',
  dry_mouth: 'Dry mouth',
  dizziness: 'Dizziness',
  headache: 'Headache',
  restless: 'Restless, cannot sit still',
  tremor_stiffness: 'Shaking or stiffness',
  sexual: 'Sexual problems',
  flat: 'Feeling emotionally flat',
  sweating: 'Sweating',
  constipation: 'Constipation',
  blurred_vision: 'Blurred vision',
} as const;
export type SideEffect = keyof typeof sideEffectWords;
export const sideEffects = Object.keys(sideEffectWords) as SideEffect[];
export const sideEffectSeverities = ['none', 'mild', 'moderate', 'severe'] as const;
export type SideEffectSeverity = (typeof sideEffectSeverities)[number];
/** What each severity adds to the side-effect burden line. */
export const SEVERITY_WEIGHT: Record<SideEffectSeverity, number> = { none: 0, mild: 1, moderate: 2, severe: 3 };

const draftText = (max: number, label: string) => z.string().max(max, `${label} can be at most ${max.toLocaleString('en')} characters.`);

/** Most doses a week can have: what "doses missed in the last 7 days" cannot exceed whatever the schedule. */
export const MAX_MISSED_DOSES = 7 * MAX_DOSES_PER_DAY;

export const medicationReviewItemSchema = z.strictObject({
  medicationId: idSchema,
  adherence: z.enum(adherenceReports).nullable(),
  missedDoses: z
    .number()
    .int('Enter the doses missed as a whole number.')
    .min(0, 'Doses missed cannot be negative.')
    .max(MAX_MISSED_DOSES, `Enter at most ${MAX_MISSED_DOSES} doses missed in 7 days.`)
    .nullable(),
  /** Only the side effects asked about; one entry per side effect. */
  sideEffects: z
    .array(z.strictObject({ effect: z.enum(sideEffects as [SideEffect, ...SideEffect[]]), severity: z.enum(sideEffectSeverities) }))
    .max(sideEffects.length)
    .refine((list) => new Set(list.map((entry) => entry.effect)).size === list.length, 'Rate each side effect once.'),
  sideEffectNotes: draftText(2000, 'Side-effect notes'),
  /** How well it is working, in the client's words. */
  working: draftText(2000, 'How well it is working'),
  /** The shared decision: options discussed, what the client prefers, what was decided. */
  options: draftText(2000, 'The options discussed'),
  preference: draftText(2000, "The client's preference"),
  decision: draftText(2000, 'The decision'),
});

/** A regimen as typed into a draft: lengths checked now, completeness at signing. */
export const draftRegimenSchema = z.strictObject({
  dose: draftText(200, 'The strength and dose'),
  formRoute: draftText(200, 'The form and route'),
  schedule: draftText(200, 'The schedule'),
  asNeeded: z.boolean(),
  dosesPerDay: z.number().int('Enter the doses a day as a whole number.').min(1, 'Enter at least 1 dose a day, or leave it empty.').max(MAX_DOSES_PER_DAY, `Enter at most ${MAX_DOSES_PER_DAY} doses a day.`).nullable(),
  prescriber: z.enum(prescriberKinds),
  prescriberName: draftText(200, "The prescriber's name"),
  indication: draftText(500, 'The indication'),
});

/** A change decided in the visit, dated the session's date and applied when the note is signed. */
export const plannedChangeSchema = z.strictObject({
  /** Made by the form, so a change keeps its identity while the list of changes is edited. */
  id: idSchema,
  /** The listed medication changed; null when the change starts a new one. */
  medicationId: idSchema.nullable(),
  /** The new medication's name (for a start); ignored otherwise. */
  name: draftText(200, 'A medication name'),
  kind: z.enum(medicationEventKinds),
  reason: draftText(500, 'A reason'),
  regimen: draftRegimenSchema,
});

export const medicationReviewSchema = z.strictObject({
  items: z.array(medicationReviewItemSchema).max(50),
  changes: z.array(plannedChangeSchema).max(20),
});

export type MedicationReviewItem = z.output<typeof medicationReviewItemSchema>;
export type PlannedChange = z.output<typeof plannedChangeSchema>;
export type MedicationReview = z.output<typeof medicationReviewSchema>;

export const emptyMedicationReview = (): MedicationReview => ({ items: [], changes: [] });

/**
 * The share of doses taken in the last 7 days (0–1), from the doses missed and the doses a day, or null
 * when either is unknown (an as-needed medication has no share). "Stopped" is none taken.
 */
export function dosesTakenShare(item: Pick<MedicationReviewItem, 'adherence' | 'missedDoses'>, dosesPerDay: number | null): number | null {
  if (item.adherence === 'stopped') return 0;
  if (dosesPerDay === null || item.missedDoses === null) return null;
  const due = 7 * dosesPerDay;
  if (item.missedDoses > due) return null;
  return (due - item.missedDoses) / due;
}

/** Why the doses missed cannot be right for a regimen of `dosesPerDay` (more than were due), or null. */
export function missedDosesProblem(missedDoses: number | null, dosesPerDay: number | null): string | null {
  if (missedDoses === null || dosesPerDay === null || missedDoses <= 7 * dosesPerDay) return null;
  return `At most ${7 * dosesPerDay} doses were due in the last 7 days (${dosesPerDay} a day).`;
}

/** The side-effect burden of a review: the severities of every rated side effect, added up. */
export function sideEffectBurden(review: Pick<MedicationReview, 'items'>): number {
  return review.items.reduce((sum, item) => sum + item.sideEffects.reduce((inner, entry) => inner + SEVERITY_WEIGHT[entry.severity], 0), 0);
}
