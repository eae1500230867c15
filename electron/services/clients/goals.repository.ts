import type { Kysely } from 'kysely';
import type { Goal, GoalStatus } from '../../../shared/clients';
import type { VaultSchema } from '../database/schema';
import { goalsMarkedInNotes } from '../notes/goal-progress.repository';

/**
 * The goals, among those given, that something refers to: today the notes that mark progress on them.
 * A goal that is referred to can only be discontinued: deleting it would leave notes pointing at
 * nothing. Asked directly, so the answer never depends on which services happen to have been built.
 */
const referencedGoalIds = goalsMarkedInNotes;

/** A client's goals in plan order, each with its status history. */
export async function goalsOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<Goal[]> {
  const rows = await db.selectFrom('goals').selectAll().where('client_id', '=', clientId).orderBy('position').execute();
  const ids = rows.map((row) => row.id);
  const history =
    ids.length === 0
      ? []
      : await db.selectFrom('goal_status_changes').selectAll().where('goal_id', 'in', ids).orderBy('id').execute();
  const referenced = await referencedGoalIds(db, ids);
  return rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    text: row.text,
    objective: row.objective,
    status: row.status,
    dateSet: row.date_set,
    targetDate: row.target_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletable: !referenced.has(row.id),
    history: history
      .filter((change) => change.goal_id === row.id)
      .map((change) => ({
        fromStatus: change.from_status as GoalStatus | null,
        toStatus: change.to_status as GoalStatus,
        date: change.effective_date,
        recordedAt: change.recorded_at,
      })),
  }));
}

/** True when a note (or anything else registered) refers to the goal. */
export async function isGoalReferenced(db: Kysely<VaultSchema>, goalId: string): Promise<boolean> {
  return (await referencedGoalIds(db, [goalId])).has(goalId);
}

export async function nextGoalPosition(db: Kysely<VaultSchema>, clientId: string): Promise<number> {
  const row = await db
    .selectFrom('goals')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return (row?.last ?? 0) + 1;
}

export async function recordGoalStatus(
  trx: Kysely<VaultSchema>,
  change: { goalId: string; from: GoalStatus | null; to: GoalStatus; date: string; at: Date },
): Promise<void> {
  await trx
    .insertInto('goal_status_changes')
    .values({
      goal_id: change.goalId,
      from_status: change.from,
      to_status: change.to,
      effective_date: change.date,
      recorded_at: change.at.toISOString(),
    })
    .execute();
}
