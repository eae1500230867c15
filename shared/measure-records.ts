import { z } from 'zod';
import { idSchema, isoDateSchema } from './clients';
import { formatDay } from './measures/alerts';
import { customMeasureInputSchema, raters } from './measures/definition';

/**
 * Measure results, alerts and the practice overview as they cross the contract. The definitions and
 * the scoring rules themselves live in shared/measures.
 */
const itemKey = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/);
const measureId = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, 'Choose a measure.');

export const responsesSchema = z
  .record(itemKey, z.number().finite().nullable())
  .refine((responses) => Object.keys(responses).length <= 50, 'A measure has at most 50 items.');

export const recordMeasureInputSchema = z.strictObject({
  clientId: idSchema,
  /** null records a measure on its own (an intake questionnaire). */
  sessionId: idSchema.nullable(),
  measureId,
  takenOn: isoDateSchema,
  responses: responsesSchema,
});

/**
 * A result for a session whose note is already signed: entered only with an addendum to that note,
 * whose text says why it is late. The addendum and the result are signed together.
 */
export const recordLateEntryInputSchema = z.strictObject({
  noteId: idSchema,
  measureId,
  takenOn: isoDateSchema,
  responses: responsesSchema,
  addendumText: z.string().trim().min(1, 'Say why this result is entered after signing.').max(2000, 'Keep the addendum to 2,000 characters.'),
});

export const saveCustomMeasureInputSchema = z.strictObject({
  /** null saves a new measure; a custom measure's id saves its next version. */
  id: measureId.nullable(),
  measure: customMeasureInputSchema,
});

export const measureResultSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  sessionId: idSchema.nullable(),
  noteId: idSchema.nullable(),
  measureId: z.string(),
  measureVersion: z.number().int(),
  takenOn: isoDateSchema,
  responses: z.record(z.string(), z.number().nullable()),
  total: z.number().nullable(),
  subscales: z.record(z.string(), z.number().nullable()),
  flags: z.array(z.string()),
  /** The session note's own "rupture noted" flag, for marking the chart. */
  ruptureNoted: z.boolean(),
  createdAt: z.string(),
  /** Entered after its session's note was signed, with an addendum; createdAt is when. */
  lateEntry: z.boolean(),
  /** Struck out through an addendum as recorded in error: kept, but never charted, alerted or summarised. */
  struckOut: z.strictObject({ reason: z.string() }).nullable(),
  /** Its session's note was voided: the result is left out like a struck-out one. */
  sessionVoided: z.boolean(),
});

export const alertKinds = ['cutoff', 'total-drop', 'subscale-drop', 'rupture', 'worsened', 'flag', 'divergence', 'adherence', 'side-effect', 'engagement'] as const;
export const alertSeverities = ['notice', 'warning', 'urgent'] as const;

export const clientAlertSchema = z.strictObject({
  /** Stable across calls, so an acknowledgement refers to exactly this alert. */
  key: z.string(),
  kind: z.enum(alertKinds),
  measureId: z.string(),
  measureName: z.string(),
  /** Who rated what the alert is about (the practitioner for a note's rupture or a divergence). */
  rater: z.enum(raters),
  reason: z.string(),
  date: isoDateSchema,
  severity: z.enum(alertSeverities),
  /** The sessions compared, earlier first, with their notes to link to. */
  sessions: z.array(z.strictObject({ sessionId: z.string(), noteId: idSchema.nullable(), date: isoDateSchema })),
  acknowledged: z.strictObject({ note: z.string(), at: z.string() }).nullable(),
});

export const acknowledgeAlertInputSchema = z.strictObject({
  clientId: idSchema,
  alertKey: z.string().min(1).max(400),
  note: z.string().trim().min(1, 'Write a short note on what you did or decided.').max(500, 'Keep the note to 500 characters.'),
});

export const overviewClientSchema = z.strictObject({
  clientId: idSchema,
  code: z.string(),
  status: z.enum(['active', 'paused', 'discharged']),
  lastSessionDate: isoDateSchema.nullable(),
  nextReviewDate: isoDateSchema.nullable(),
  /** The client's latest alliance result, of whichever alliance measure (and rater) was recorded last. */
  alliance: z
    .strictObject({
      measureId: z.string(),
      shortName: z.string(),
      rater: z.enum(raters),
      total: z.number().nullable(),
      takenOn: isoDateSchema,
      range: z.strictObject({ min: z.number(), max: z.number() }),
      /** That measure's last six totals, oldest first, for the sparkline. */
      trend: z.array(z.number().nullable()),
    })
    .nullable(),
  /** Open (unacknowledged) alerts, most urgent first; each reason names its measure and rater. */
  alerts: z.array(z.strictObject({ key: z.string(), severity: z.enum(alertSeverities), reason: z.string(), measureName: z.string(), rater: z.enum(raters), date: isoDateSchema })),
  /** Sessions since the last measure of any kind; null when no measure was ever recorded. */
  sessionsSinceMeasure: z.number().int().nullable(),
  sessionCount: z.number().int(),
});

export type RecordMeasureInput = z.output<typeof recordMeasureInputSchema>;
export type RecordLateEntryInput = z.output<typeof recordLateEntryInputSchema>;
export type MeasureResult = z.output<typeof measureResultSchema>;
export type ClientAlert = z.output<typeof clientAlertSchema>;
export type OverviewClient = z.output<typeof overviewClientSchema>;
export type AlertSeverityName = (typeof alertSeverities)[number];

/** Whether a result counts in charts, alerts, overviews and summaries: not struck out, session not voided. */
export const countsInSignal = (result: Pick<MeasureResult, 'struckOut' | 'sessionVoided'>): boolean =>
  result.struckOut === null && !result.sessionVoided;

/**
 * The generated lines of the addenda that enter a result late or strike one out. One wording for the
 * service that signs them and the confirm step that shows, before signing, exactly what will be signed.
 */
export const lateEntryLine = (measureShortName: string, takenOn: string): string =>
  `Late entry: ${measureShortName} taken on ${formatDay(takenOn)}, entered after the note was signed.`;

export const struckOutLines = (measureShortName: string, takenOn: string, reason: string): [string, string] => [
  `Struck out: the ${measureShortName} result taken on ${formatDay(takenOn)}, recorded in error.`,
  `Reason: ${reason}`,
];
