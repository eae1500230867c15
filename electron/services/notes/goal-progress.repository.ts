import type { Kysely } from 'kysely';
import type { NoteContent } from '../../../shared/notes';
import type { VaultSchema } from '../database/schema';

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

/** The goals, among those given, that some note marks progress on. */
export async function goalsMarkedInNotes(db: Kysely<VaultSchema>, goalIds: readonly string[]): Promise<Set<string>> {
  if (goalIds.length === 0) return new Set();
  const rows = await db.selectFrom('note_goal_progress').select('goal_id').distinct().where('goal_id', 'in', goalIds).execute();
  return new Set(rows.map((row) => row.goal_id));
}
