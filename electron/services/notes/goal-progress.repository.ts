import type { Kysely } from 'kysely';
import type { NoteContent } from '../../../shared/notes';
import type { VaultSchema } from '../database/schema';
import { goalReferenceChecks, type GoalReferenceCheck } from '../clients/goals.repository';

/**
 * The goals a note marks progress on, as rows, so the database itself (ON DELETE RESTRICT) and the
 * treatment plan know a goal is referred to: such a goal can be discontinued but never deleted.
 */
export async function writeGoalProgress(trx: Kysely<VaultSchema>, noteId: string, content: NoteContent): Promise<void> {
  await trx.deleteFrom('note_goal_progress').where('note_id', '=', noteId).execute();
  if (content.goalProgress.length === 0) return;
  await trx
    .insertInto('note_goal_progress')
    .values(content.goalProgress.map((mark) => ({ note_id: noteId, goal_id: mark.goalId, progress: mark.progress })))
    .execute();
}

const referencedByNotes: GoalReferenceCheck = async (db, goalIds) => {
  const rows = await db.selectFrom('note_goal_progress').select('goal_id').distinct().where('goal_id', 'in', goalIds).execute();
  return new Set(rows.map((row) => row.goal_id));
};

/** Tells the treatment plan about notes' references; idempotent, so importing twice registers once. */
export function registerNoteGoalReferences(): void {
  if (!goalReferenceChecks.includes(referencedByNotes)) goalReferenceChecks.push(referencedByNotes);
}
