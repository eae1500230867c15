import type { Kysely } from 'kysely';
import type { AddendumKind } from '../../../shared/notes';
import type { VaultSchema } from '../database/schema';

/** Stored addenda: insert-only (triggers refuse updates, and deletes while their note exists). */
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
