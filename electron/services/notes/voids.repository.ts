import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Voided } from '../../../shared/notes';
import { richTextToPlain } from '../../../shared/rich-text';
import type { VaultSchema } from '../database/schema';
import { parseRichText } from './note-store';

/**
 * Voided notes: a signed note voided with a reason stays in the record, but its session is left out
 * of charts, alerts, counts and summaries. A void is an addendum of kind 'void' (its text is the
 * reason), found through the small partial index note_addenda_voids.
 */

/** The sessions whose note was voided, as a subquery for `session_id NOT IN (…)`. */
export const voidedSessionIds = (): RawBuilder<string> =>
  sql<string>`(SELECT vn.session_id FROM note_addenda AS va JOIN notes AS vn ON vn.id = va.note_id WHERE va.kind = 'void')`;

/** The voids of a client's notes, keyed by note id. */
export async function voidsOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<Map<string, Voided>> {
  const rows = await db
    .selectFrom('note_addenda as a')
    .innerJoin('notes as n', 'n.id', 'a.note_id')
    .select(['a.note_id', 'a.signed_at', 'a.text'])
    .where('n.client_id', '=', clientId)
    .where('a.kind', '=', 'void')
    .execute();
  return new Map(rows.map((row) => [row.note_id, voidOf(row)]));
}

/** A void addendum's row as the timeline shows it: when, and the reason as plain text. */
export const voidOf = (row: { signed_at: string; text: string }): Voided => ({ at: row.signed_at, reason: richTextToPlain(parseRichText(row.text)).trim() });
