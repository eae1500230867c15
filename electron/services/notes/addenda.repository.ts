import type { Kysely } from 'kysely';
import type { AddendumKind } from '../../../shared/notes';
import type { RichTextNode } from '../../../shared/rich-text';
import type { VaultSchema } from '../database/schema';
import type { Signer } from './note-hash';

/** Stored addenda: insert-only (triggers refuse updates, and deletes while their note exists). */
export async function insertAddendum(
  db: Kysely<VaultSchema>,
  addendum: { id: string; noteId: string; kind: AddendumKind; text: RichTextNode; signedAt: string; signer: Signer; hash: string },
): Promise<void> {
  await db
    .insertInto('note_addenda')
    .values({
      id: addendum.id,
      note_id: addendum.noteId,
      kind: addendum.kind,
      text: JSON.stringify(addendum.text),
      signed_at: addendum.signedAt,
      signer_name: addendum.signer.name,
      signer_credentials: addendum.signer.credentials,
      hash: addendum.hash,
    })
    .execute();
}

/** Whether the note has been voided. */
export async function isVoided(db: Kysely<VaultSchema>, noteId: string): Promise<boolean> {
  const row = await db.selectFrom('note_addenda').select('id').where('note_id', '=', noteId).where('kind', '=', 'void').executeTakeFirst();
  return row !== undefined;
}
