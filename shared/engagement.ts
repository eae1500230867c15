import { z } from 'zod';
import { idSchema, isoDateSchema } from './clients';
import { MAX_SESSION_MINUTES, modalities } from './notes';

/**
 * Engagement and follow-up as they cross the contract: the session frequency agreed with the client,
 * appointments, missed sessions (attendance records, not notes) and contacts between sessions.
 */

export const frequencies = ['weekly', 'fortnightly', 'monthly', 'every_n_days', 'as_needed'] as const;
export type Frequency = (typeof frequencies)[number];
/** The longest "every N days" that still means a follow-up cadence rather than none. */
export const MAX_EVERY_DAYS = 365;
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time such as 14:30.');

export const followUpPlanSchema = z.strictObject({
  clientId: idSchema,
  frequency: z.enum(frequencies),
  /** Only for `every_n_days`; null otherwise. */
  everyDays: z.number().int().nullable(),
  /** The day it was agreed with the client. */
  agreedOn: isoDateSchema,
  updatedAt: z.string(),
});
export type FollowUpPlan = z.output<typeof followUpPlanSchema>;

export const setFollowUpPlanInputSchema = z.strictObject({
  clientId: idSchema,
  frequency: z.enum(frequencies),
  everyDays: z.number().int('Enter whole days.').nullable().default(null),
  agreedOn: isoDateSchema,
});
export type SetFollowUpPlanInput = z.output<typeof setFollowUpPlanInputSchema>;

export const places = modalities;
export type Place = (typeof places)[number];
export const repeatIntervals = ['weekly', 'fortnightly', 'four_weekly'] as const;
export type RepeatInterval = (typeof repeatIntervals)[number];
/** A repeating booking makes at most a year of weekly appointments at once. */
export const MAX_REPEATS = 52;

export const appointmentSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  date: isoDateSchema,
  startTime: timeSchema,
  durationMinutes: z.number().int(),
  place: z.enum(places),
  seriesId: idSchema.nullable(),
  /** The session whose note was started from this appointment. */
  sessionId: idSchema.nullable(),
  /** The missed-session record made from this appointment. */
  attendanceId: idSchema.nullable(),
  createdAt: z.string(),
});
export type Appointment = z.output<typeof appointmentSchema>;

/** An appointment as the Dashboard lists it, with the client's code (and name, shown on screen only). */
export const agendaItemSchema = appointmentSchema.extend({ clientCode: z.string(), clientName: z.string() });
export type AgendaItem = z.output<typeof agendaItemSchema>;

export const addAppointmentsInputSchema = z.strictObject({
  clientId: idSchema,
  date: isoDateSchema,
  startTime: timeSchema,
  durationMinutes: z
    .number()
    .int('Enter the length in whole minutes.')
    .min(1, 'An appointment lasts at least a minute.')
    .max(MAX_SESSION_MINUTES, 'An appointment can last at most 10 hours (600 minutes).'),
  place: z.enum(places),
  /** Null for a single appointment; otherwise how often, and how many in all (the first included). */
  repeat: z
    .strictObject({
      every: z.enum(repeatIntervals),
      count: z.number().int('Enter a whole number of appointments.').min(2, 'A repeating booking makes at least 2 appointments.').max(MAX_REPEATS, `A repeating booking makes at most ${MAX_REPEATS} appointments.`),
    })
    .nullable()
    .default(null),
});
export type AddAppointmentsInput = z.output<typeof addAppointmentsInputSchema>;

export const missedKinds = ['no_show', 'late_cancellation'] as const;
export type MissedKind = (typeof missedKinds)[number];
export const MAX_REMARK = 300;

export const attendanceRecordSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  date: isoDateSchema,
  startTime: timeSchema.nullable(),
  kind: z.enum(missedKinds),
  remark: z.string(),
  createdAt: z.string(),
});
export type AttendanceRecord = z.output<typeof attendanceRecordSchema>;

export const recordMissedInputSchema = z.strictObject({
  clientId: idSchema,
  date: isoDateSchema,
  startTime: timeSchema.nullable().default(null),
  kind: z.enum(missedKinds),
  remark: z.string().trim().max(MAX_REMARK, `Keep the remark to ${MAX_REMARK} characters.`).default(''),
  /** The appointment it was booked as, which then shows as missed. */
  appointmentId: idSchema.nullable().default(null),
});
export type RecordMissedInput = z.output<typeof recordMissedInputSchema>;

export const contactKinds = ['phone', 'message', 'letter', 'email', 'other'] as const;
export type ContactKind = (typeof contactKinds)[number];
export const contactDirections = ['to_client', 'from_client', 'with_professional'] as const;
export type ContactDirection = (typeof contactDirections)[number];
export const MAX_CONTACT_NOTE = 2000;

export const contactSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  date: isoDateSchema,
  startTime: timeSchema.nullable(),
  kind: z.enum(contactKinds),
  direction: z.enum(contactDirections),
  /** The other professional, for `with_professional`; empty otherwise. */
  professional: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type Contact = z.output<typeof contactSchema>;

export const addContactInputSchema = z.strictObject({
  clientId: idSchema,
  date: isoDateSchema,
  startTime: timeSchema.nullable().default(null),
  kind: z.enum(contactKinds),
  direction: z.enum(contactDirections),
  professional: z.string().trim().max(200, 'Keep the name to 200 characters.').default(''),
  note: z.string().trim().max(MAX_CONTACT_NOTE, `Keep the note to ${MAX_CONTACT_NOTE.toLocaleString('en')} characters.`),
});
export type AddContactInput = z.output<typeof addContactInputSchema>;

/** Thresholds of the engagement flag (Settings → Engagement), with the defaults a new vault starts with. */
export const engagementSettingsSchema = z.strictObject({
  /** No-shows or late cancellations in a row that raise the flag. */
  missedInARow: z.number().int().min(1, 'At least 1.').max(10, 'At most 10.'),
  /** Days past the agreed frequency before a client counts as overdue. */
  graceDays: z.number().int().min(0, 'At least 0 days.').max(90, 'At most 90 days.'),
  /** Notes in a row reviewing homework as not done. */
  homeworkNotDoneRun: z.number().int().min(1, 'At least 1.').max(10, 'At most 10.'),
  /** How many of the latest notes are searched for an unrepaired rupture. */
  ruptureWithinNotes: z.number().int().min(1, 'At least 1.').max(20, 'At most 20.'),
});
export type EngagementSettings = z.output<typeof engagementSettingsSchema>;
export const DEFAULT_ENGAGEMENT_SETTINGS: EngagementSettings = { missedInARow: 2, graceDays: 7, homeworkNotDoneRun: 2, ruptureWithinNotes: 3 };

/** A client past their agreed frequency plus grace, for the Dashboard. */
export const overdueClientSchema = z.strictObject({
  clientId: idSchema,
  code: z.string(),
  frequency: z.enum(frequencies),
  everyDays: z.number().int().nullable(),
  /** The last attended session; null when they have never attended. */
  lastSeen: isoDateSchema.nullable(),
  /** Days past the agreed frequency plus grace. */
  daysOverdue: z.number().int(),
});
export type OverdueClient = z.output<typeof overdueClientSchema>;
