import { sql, type Kysely } from 'kysely';
import { medicationReviewSchema, type MedicationReview } from '../../../shared/medication-review';
import type { VaultSchema } from '../database/schema';
import { voidedSessionIds } from '../notes/voids.repository';

/** A signed note's medication review with its session: what the charts and the alerts read. */
export interface SessionReview {
  sessionId: string;
  noteId: string;
  date: string;
  review: MedicationReview;
}

/**
 * The medication reviews of a client's signed notes, voided ones left out, oldest first. Only a
 * template with a medication section signs a review (note-signing.ts), so a review left in the
 * content of any other note is not read either. A draft's review is not yet a record.
 */
export async function signedReviewsOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<SessionReview[]> {
  const rows = await db
    .selectFrom('notes as n')
    .innerJoin('sessions as ses', 'ses.id', 'n.session_id')
    .select(['ses.id as session_id', 'n.id as note_id', 'ses.session_date', sql<string>`json_extract(n.content, '$.medicationReview')`.as('review')])
    .where('n.client_id', '=', clientId)
    .where('n.status', '=', 'signed')
    .where(sql<string | null>`json_extract(n.content, '$.medicationReview')`, 'is not', null)
    // The template is stored as JSON.stringify wrote it, so a substring test finds a medication section
    // without walking every note's template with json_each (which tripled this query's time).
    .where(sql<boolean>`instr(n.template_json, '"kind":"medication"') > 0`)
    .where('ses.id', 'not in', voidedSessionIds())
    .orderBy('ses.session_date')
    .orderBy(sql`coalesce(ses.start_time, '')`)
    .orderBy('ses.created_at')
    .execute();
  // A review that no longer reads (damaged content, which Verify records reports) is left out rather
  // than thrown: every write to the client refreshes its alerts, and must not fail because of it.
  return rows.flatMap((row) => {
    const review = medicationReviewSchema.safeParse(parseJson(row.review));
    return review.success ? [{ sessionId: row.session_id, noteId: row.note_id, date: row.session_date, review: review.data }] : [];
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
