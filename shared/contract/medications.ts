import { z } from 'zod';
import { idSchema } from '../clients';
import {
  addAllergyInputSchema,
  allergySchema,
  changeMedicationInputSchema,
  medicationSchema,
  removeAllergyInputSchema,
  startMedicationInputSchema,
} from '../medications';
import { medicationChartSchema } from '../medication-series';
import { method, noInput } from './method';

/** A client's medication list and allergies (for prescribers; see Settings → "I prescribe"). */
export const medicationsMethods = {
  /** Every medication the client has been on, each with its whole history, and their allergies. */
  listMedications: method(z.strictObject({ clientId: idSchema }), z.strictObject({ medications: z.array(medicationSchema), allergies: z.array(allergySchema) })),
  /** Names entered before, most used first, suggested in the name field. */
  listMedicationNames: method(noInput, z.strictObject({ names: z.array(z.string()) })),
  startMedication: method(startMedicationInputSchema, medicationSchema),
  /** Appends a dated dose or schedule change, stop or restart; earlier events are never changed. */
  changeMedication: method(changeMedicationInputSchema, medicationSchema),
  addAllergy: method(addAllergyInputSchema, allergySchema),
  /** Marks an allergy as removed with a reason; it stays in the record, struck through. */
  removeAllergy: method(removeAllergyInputSchema, allergySchema),
  /** The Measures tab's adherence and side-effect lines and the change markers, from the signed notes' reviews. */
  getMedicationSeries: method(z.strictObject({ clientId: idSchema }), medicationChartSchema),
} as const;
