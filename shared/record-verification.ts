import { z } from 'zod';

/**
 * "Verify records": what the activity log's entries may carry beside their field names, the anchor of
 * the log kept outside the database, and the signed records found not to match. Their words, for
 * the verdict's message and the screen, are in record-words.ts.
 */

/** Never values or note text: the hash a signature recorded, a measure's name, a session's date. */
export const activityDetailSchema = z.strictObject({
  hash: z.string().optional(),
  measure: z.string().optional(),
  sessionDate: z.string().optional(),
  /** A medication event's kind and date (never the medication's name or dose). */
  change: z.string().optional(),
  date: z.string().optional(),
  /** How many records a bulk change made (an import of clients). */
  count: z.number().int().optional(),
  /** A kind without content: a missed session's or a contact's kind, an appointment's place. */
  kind: z.string().optional(),
});
export type ActivityDetail = z.output<typeof activityDetailSchema>;

/**
 * The log's length (the number of its newest entry) and that entry's hash, written outside the
 * database (the vault header on every lock, every backup's manifest), so entries cut off the end are
 * found even when the rest of the chain and SQLite's counter were made to agree.
 */
export const chainAnchorSchema = z.strictObject({
  length: z.number().int().nonnegative(),
  latestHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ChainAnchor = z.output<typeof chainAnchorSchema>;

/**
 * `changed`: the stored content no longer gives the stored hash (edited after signing).
 * `log-differs`: content and stored hash agree, but not with the hash the activity log recorded at
 * signing (both were replaced). `unreadable`: the stored content is not a note any more.
 * `missing`: the log records the signature but the record is gone while its client is not.
 */
export const recordMismatchReasons = ['changed', 'log-differs', 'unreadable', 'missing'] as const;
export type RecordMismatchReason = (typeof recordMismatchReasons)[number];

export const recordMismatchSchema = z.strictObject({
  clientCode: z.string(),
  /** The session's date; null only for a missing record whose log entry predates session dates in the log. */
  sessionDate: z.string().nullable(),
  kind: z.enum(['note', 'addendum']),
  reason: z.enum(recordMismatchReasons),
});
export type RecordMismatch = z.output<typeof recordMismatchSchema>;

/** At most this many mismatches travel in a verdict; `mismatchCount` has the total. */
export const MAX_LISTED_MISMATCHES = 500;
