import { sql, type Kysely } from 'kysely';
import type { Addendum, AddendumKind } from '../../../shared/notes';
import type { VaultSchema } from '../database/schema';
import { addendumOf } from './note-store';

/**
 * The `note_addenda` table: insert-only (triggers refuse updates, and deletes while their note exists).
 * Rows map to `Addendum` in note-store.ts (addendumOf).
 */
export async function insertAddendum(
  db: Kysely<VaultSchema>,
  addendum: { id: string; note_id: string; kind: AddendumKind; text: string; signed_at: string; signer_name: string; signer_credentials: string; hash: string },
): Promise<void> {
  await db.insertInto('note_addenda').values(addendum).execute();
}

/** Whether the note has been voided. */
export async function isVoided(db: Kysely<VaultSchema>, noteId: string): Promise<boolean> {
  const row = await db.selectFrom('note_addenda').select('id').where('note_id', '=', noteId).where('kind', '=', 'void').executeTakeFirst();
  return row !== undefined;
}

/** A note's addenda in the order they were signed (insertion order when two share a timestamp). */
export async function addendaOf(db: Kysely<VaultSchema>, noteId: string): Promise<Addendum[]> {
  const rows = await db.selectFrom('note_addenda').selectAll().where('note_id', '=', noteId).orderBy('signed_at').orderBy(sql`rowid`).execute();
  return rows.map(addendumOf);
}

/** The addenda of one client's notes, or of every note when `clientId` is null, in the order they were signed. */
export async function addendaInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<(Addendum & { noteId: string })[]> {
  const rows = await db
    .selectFrom('note_addenda as a')
    .innerJoin('notes as n', 'n.id', 'a.note_id')
    .selectAll('a')
    .$if(clientId !== null, (qb) => qb.where('n.client_id', '=', clientId as string))
    .orderBy('a.signed_at')
    .orderBy(sql`a.rowid`)
    .execute();
  return rows.map((row) => ({ noteId: row.note_id, ...addendumOf(row) }));
}
