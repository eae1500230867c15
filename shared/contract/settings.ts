import { z } from 'zod';
import { engagementSettingsSchema } from '../engagement';
import { AUTO_LOCK_MINUTES } from '../limits';
import { paperSizes } from '../progress-summary';
import { method, noInput } from './method';

export const settingsSchema = z.strictObject({
  autoLockMinutes: z.number().int().min(AUTO_LOCK_MINUTES.min).max(AUTO_LOCK_MINUTES.max),
  /** Who signs notes, as printed under a signature ("Dr. A. Example"). */
  practitionerName: z.string().trim().max(200, 'A name can be at most 200 characters.'),
  /** Credentials printed after the name ("PhD, Licensed Psychologist"). */
  credentials: z.string().trim().max(200, 'Credentials can be at most 200 characters.'),
  /** Printed in the header of progress summaries; empty falls back to the practitioner's name. */
  practiceName: z.string().trim().max(200, 'A practice name can be at most 200 characters.'),
  licenceNumber: z.string().trim().max(100, 'A licence number can be at most 100 characters.'),
  /** Address, phone or email, one per line, printed under the signature of a summary. */
  practiceContact: z.string().trim().max(500, 'Contact details can be at most 500 characters.'),
  paperSize: z.enum(paperSizes),
  /** "I prescribe": shows the Medications tab, the Medication management template and the PDF's medications part. Off hides them and keeps the data. */
  prescriber: z.boolean(),
  /** Thresholds of the engagement flag and the grace before a client counts as overdue. */
  engagement: engagementSettingsSchema,
});

export type Settings = z.output<typeof settingsSchema>;

/** The practitioner's settings, kept inside the vault. */
export const settingsMethods = {
  getSettings: method(noInput, settingsSchema),
  updateSettings: method(settingsSchema.partial().strict(), settingsSchema),
} as const;
