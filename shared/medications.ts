import { z } from 'zod';
import { idSchema, isoDateSchema } from './clients';

/**
 * A client's medications as they cross the contract. A medication is a name and a history of dated
 * events (start, dose change, schedule change, stop, restart); each event carries the whole regimen as
 * it stood from that day, so the current regimen is the latest event's and nothing is ever
 * overwritten. Allergies and adverse reactions are per client. See ../CLINICAL.md "Medication management".
 */
const text = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} can be at most ${max.toLocaleString('en')} characters.`)
    .transform((value) => value.normalize('NFC').trim());

const requiredText = (max: number, label: string, empty: string) => text(max, label).refine((value) => value.length > 0, empty);

export const medicationEventKinds = ['start', 'dose_change', 'schedule_change', 'stop', 'restart'] as const;
export type MedicationEventKind = (typeof medicationEventKinds)[number];
/** Kinds that change a regimen that is being taken. */
export const regimenChangeKinds = ['dose_change', 'schedule_change'] as const;
export const prescriberKinds = ['me', 'other'] as const;
export type PrescriberKind = (typeof prescriberKinds)[number];
/** Doses a day, when the schedule is regular: what "share of doses taken" is measured against. */
export const MAX_DOSES_PER_DAY = 12;

export const medicationNameSchema = requiredText(200, 'A medication name', 'Give the medication a name.');

/** The regimen as it stands from an event on: what the list shows for a medication being taken. */
export const regimenSchema = z.strictObject({
  /** Strength and dose, as written on the prescription ("50 mg, one tablet"). */
  dose: requiredText(200, 'The strength and dose', 'Give the strength and dose.'),
  /** Form and route ("tablet, by mouth"). */
  formRoute: text(200, 'The form and route'),
  /** Schedule in words ("every morning"). */
  schedule: text(200, 'The schedule'),
  asNeeded: z.boolean(),
  /** Doses a day for a regular schedule, so adherence can be a share; null when as needed or irregular. */
  dosesPerDay: z
    .number()
    .int('Enter the doses a day as a whole number.')
    .min(1, 'Enter at least 1 dose a day, or leave it empty.')
    .max(MAX_DOSES_PER_DAY, `Enter at most ${MAX_DOSES_PER_DAY} doses a day.`)
    .nullable(),
  prescriber: z.enum(prescriberKinds),
  /** The other prescriber's name when `prescriber` is 'other'. */
  prescriberName: text(200, "The prescriber's name"),
  /** Indication or target symptoms. */
  indication: text(500, 'The indication'),
});
export type Regimen = z.output<typeof regimenSchema>;

export const medicationEventSchema = z.strictObject({
  id: idSchema,
  medicationId: idSchema,
  kind: z.enum(medicationEventKinds),
  date: isoDateSchema,
  reason: z.string(),
  /** The regimen from this date on; a stop keeps the regimen that was stopped. */
  regimen: regimenSchema,
  /** The session the change was decided in, and the note that applied it when signed. */
  sessionId: idSchema.nullable(),
  noteId: idSchema.nullable(),
  recordedAt: z.string(),
});
export type MedicationEvent = z.output<typeof medicationEventSchema>;

export const medicationSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  name: z.string(),
  /** Oldest first; the last event is the current state. */
  history: z.array(medicationEventSchema),
  /** True unless the last event is a stop. */
  current: z.boolean(),
});
export type Medication = z.output<typeof medicationSchema>;

export const allergySchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  substance: z.string(),
  reaction: z.string(),
  /** 'allergy' or an adverse reaction to a medication that is not an allergy. */
  kind: z.enum(['allergy', 'adverse_reaction']),
  recordedOn: isoDateSchema,
  /** Set when marked as entered in error or no longer relevant; kept, shown struck through. */
  removedOn: isoDateSchema.nullable(),
  removedReason: z.string().nullable(),
});
export type Allergy = z.output<typeof allergySchema>;

const reasonSchema = text(500, 'A reason');

/** Starts a new medication on the list. */
export const startMedicationInputSchema = z.strictObject({
  clientId: idSchema,
  name: medicationNameSchema,
  date: isoDateSchema,
  reason: reasonSchema,
  regimen: regimenSchema,
});

/** A dose or schedule change, a stop or a restart of a listed medication; the regimen is the new one. */
export const changeMedicationInputSchema = z.strictObject({
  medicationId: idSchema,
  kind: z.enum(['dose_change', 'schedule_change', 'stop', 'restart']),
  date: isoDateSchema,
  reason: reasonSchema,
  regimen: regimenSchema,
});

export const addAllergyInputSchema = z.strictObject({
  clientId: idSchema,
  substance: requiredText(200, 'A substance', 'Name the substance.'),
  reaction: text(500, 'The reaction'),
  kind: z.enum(['allergy', 'adverse_reaction']),
  recordedOn: isoDateSchema,
});

export const removeAllergyInputSchema = z.strictObject({
  id: idSchema,
  reason: requiredText(500, 'A reason', 'Give the reason it is removed.'),
});

export type StartMedicationInput = z.output<typeof startMedicationInputSchema>;
export type ChangeMedicationInput = z.output<typeof changeMedicationInputSchema>;
export type AddAllergyInput = z.output<typeof addAllergyInputSchema>;

export const medicationEventWords: Record<MedicationEventKind, string> = {
  start: 'Started',
  dose_change: 'Dose changed',
  schedule_change: 'Schedule changed',
  stop: 'Stopped',
  restart: 'Restarted',
};

/** "50 mg, one tablet · tablet, by mouth · every morning (as needed)": a regimen on one line. */
export function regimenInWords(regimen: Regimen): string {
  const schedule = [regimen.schedule, regimen.asNeeded ? 'as needed' : ''].filter(Boolean).join(', ');
  return [regimen.dose, regimen.formRoute, schedule].filter(Boolean).join(' · ');
}
