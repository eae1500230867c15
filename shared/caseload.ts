import { z } from 'zod';
import { idSchema, isoDateSchema } from './clients';

/**
 * Caseload outcomes for a chosen period, all computed on this machine. Every number carries the
 * clients behind it (by id and code), so the screen can link each one to its clients.
 */

export const clientRefSchema = z.strictObject({ clientId: idSchema, code: z.string() });
export type ClientRef = z.output<typeof clientRefSchema>;

/** Reliable change of one client on one outcome measure, first score against latest (see classifyChange). */
export const changeClasses = ['recovered', 'improved', 'unchanged', 'deteriorated'] as const;
export type ChangeClass = (typeof changeClasses)[number];

export const caseloadMeasureSchema = z.strictObject({
  measureId: z.string(),
  name: z.string(),
  /** The measure's reliable change threshold and cutoff, as used. */
  reliableChange: z.number(),
  cutoff: z.number().nullable(),
  /** Clients with at least two scored results, the latest in the period. */
  clients: z.array(clientRefSchema),
  /** Reliably improved and crossed the cutoff (a subset of `improved`). */
  recovered: z.array(clientRefSchema),
  /** Reliably improved, recovered ones included. */
  improved: z.array(clientRefSchema),
  unchanged: z.array(clientRefSchema),
  deteriorated: z.array(clientRefSchema),
});
export type CaseloadMeasure = z.output<typeof caseloadMeasureSchema>;

/** The mean alliance at session 3 of clients who reliably improved on any outcome measure, against those who did not. */
export const earlyAllianceSchema = z.strictObject({
  measureId: z.string(),
  name: z.string(),
  improved: z.strictObject({ mean: z.number().nullable(), clients: z.array(clientRefSchema) }),
  notImproved: z.strictObject({ mean: z.number().nullable(), clients: z.array(clientRefSchema) }),
});
export type EarlyAlliance = z.output<typeof earlyAllianceSchema>;

export const caseloadPeriodSchema = z.strictObject({ from: isoDateSchema, to: isoDateSchema });
export type CaseloadPeriod = z.output<typeof caseloadPeriodSchema>;

export const caseloadOutcomesSchema = z.strictObject({
  period: caseloadPeriodSchema,
  /** Clients with at least one attended session in the period. */
  activeClients: z.array(clientRefSchema),
  /** Attended, not voided sessions in the period, and whose they were. */
  sessionsHeld: z.strictObject({ count: z.number().int(), clients: z.array(clientRefSchema) }),
  /** Attended / (attended + no-shows + late cancellations) in the period; null when nothing was booked. */
  attendance: z.strictObject({
    attended: z.number().int(),
    missed: z.number().int(),
    rate: z.number().nullable(),
    /** Clients with a missed session in the period. */
    missedClients: z.array(clientRefSchema),
  }),
  /** Discharged in the period without a planned ending. */
  dropOuts: z.array(clientRefSchema),
  /** Discharged in the period with a planned ending. */
  plannedEndings: z.array(clientRefSchema),
  /** Discharged in the period without how it ended recorded (vaults before the choice existed). */
  endingsNotRecorded: z.array(clientRefSchema),
  measures: z.array(caseloadMeasureSchema),
  earlyAlliance: z.array(earlyAllianceSchema),
});
export type CaseloadOutcomes = z.output<typeof caseloadOutcomesSchema>;
