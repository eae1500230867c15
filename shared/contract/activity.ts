import { z } from 'zod';
import { activityEntrySchema, activityLogVerdictSchema, idSchema } from '../clients';
import { method, noInput } from './method';

/** The activity log and "Verify records". */
export const activityMethods = {
  /** Newest first; one client's entries, or the whole practice's. */
  listActivity: method(
    z.strictObject({
      clientId: idSchema.optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.strictObject({ entries: z.array(activityEntrySchema), hasMore: z.boolean() }),
  ),
  /**
   * "Verify records": recomputes the activity log's hash chain (against the anchor kept in the vault
   * header) and the hash of every signed note and addendum; names the first broken entry and each
   * record that does not match. Runs on a worker thread.
   */
  verifyActivityLog: method(noInput, activityLogVerdictSchema),
} as const;
