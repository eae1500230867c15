import type { Kysely, Selectable } from 'kysely';
import type { Goal, GoalStatus } from '../../../shared/clients';
import type { GoalsTable, GoalStatusChangesTable, VaultSchema } from '../database/schema';
import { goalsMarkedInNotes } from '../notes/goal-progress.repository';

/** The `goals` table and its history in `goal_status_changes`, with their mapping to `Goal`. */
export type GoalRow = Selectable<GoalsTable>;
export type GoalStatusChangeRow = Selectable<GoalStatusChangesTable>;

/**
 * The goals, among those given, that something refers to: today the notes that mark progress on them.
 * A goal that is referred to can only be discontinued: deleting it would leave notes pointing at
 * nothing. Asked directly, so the answer never depends on which services happen to have been built.
 */
const referencedGoalIds = goalsMarkedInNotes;

export const goalStatusChangeOf = (row: GoalStatusChangeRow): Goal['history'][number] => ({
  fromStatus: row.from_status as GoalStatus | null,
  toStatus: row.to_status as GoalStatus,
  date: row.effective_date,
  recordedAt: row.recorded_at,
});

/** A goal's own fields, without what its history and the notes say about it. */
export type GoalFields = Omit<Goal, 'deletable' | 'history'>;

export const goalFieldsOf = (row: GoalRow): GoalFields => ({
  id: row.id,
  clientId: row.client_id,
  text: row.text,
  objective: row.objective,
  status: row.status,
  dateSet: row.date_set,
  targetDate: row.target_date,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** A goal with its history (its own rows of goal_status_changes, oldest first). */
export const goalOf = (row: GoalRow, history: readonly GoalStatusChangeRow[], deletable: boolean): Goal => ({
  ...goalFieldsOf(row),
  deletable,
  history: history.map(goalStatusChangeOf),
});

/** A client's goals in plan order, each with its status history. */
export async function goalsOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<Goal[]> {
  const rows = await db.selectFrom('goals').selectAll().where('client_id', '=', clientId).orderBy('position').execute();
  const ids = rows.map((row) => row.id);
  const history =
    ids.length === 0
      ? []
      : await db.selectFrom('goal_status_changes').selectAll().where('goal_id', 'in', ids).orderBy('id').execute();
  const referenced = await referencedGoalIds(db, ids);
  return rows.map((row) =>
    goalOf(
      row,
      history.filter((change) => change.goal_id === row.id),
      !referenced.has(row.id),
    ),
  );
}

/** One client's goals, or every client's when `clientId` is null, in plan order, with their places in the plan. */
export async function goalsInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<(GoalFields & { position: number })[]> {
  const rows = await db
    .selectFrom('goals')
    .selectAll()
    .$if(clientId !== null, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('position')
    .execute();
  return rows.map((row) => ({ ...goalFieldsOf(row), position: row.position }));
}

/** The status changes of one client's goals, or of every goal when `clientId` is null, in the order recorded. */
export async function goalStatusChangesInScope(
  db: Kysely<VaultSchema>,
  clientId: string | null,
): Promise<(Goal['history'][number] & { goalId: string })[]> {
  const rows = await db
    .selectFrom('goal_status_changes as g')
    .innerJoin('goals', 'goals.id', 'g.goal_id')
    .selectAll('g')
    .$if(clientId !== null, (qb) => qb.where('goals.client_id', '=', clientId as string))
    .orderBy('g.id')
    .execute();
  return rows.map((row) => ({ goalId: row.goal_id, ...goalStatusChangeOf(row) }));
}

/** True when a note (or anything else registered) refers to the goal. */
export async function isGoalReferenced(db: Kysely<VaultSchema>, goalId: string): Promise<boolean> {
  return (await referencedGoalIds(db, [goalId])).has(goalId);
}

/** One goal's row, or undefined. */
export async function goalRow(db: Kysely<VaultSchema>, goalId: string): Promise<GoalRow | undefined> {
  return db.selectFrom('goals').selectAll().where('id', '=', goalId).executeTakeFirst();
}

/** The goals, among those given, that belong to the client. */
export async function goalIdsOfClient(db: Kysely<VaultSchema>, clientId: string, goalIds: readonly string[]): Promise<string[]> {
  const rows = await db.selectFrom('goals').select('id').where('client_id', '=', clientId).where('id', 'in', goalIds).execute();
  return rows.map((row) => row.id);
}

/** The text and objective of each of a client's goals, for the search index. */
export async function goalTextsOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<{ id: string; text: string; objective: string }[]> {
  return db.selectFrom('goals').select(['id', 'text', 'objective']).where('client_id', '=', clientId).execute();
}

export async function nextGoalPosition(db: Kysely<VaultSchema>, clientId: string): Promise<number> {
  const row = await db
    .selectFrom('goals')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return (row?.last ?? 0) + 1;
}

export async function insertGoal(trx: Kysely<VaultSchema>, row: GoalRow): Promise<void> {
  await trx.insertInto('goals').values(row).execute();
}

export async function updateGoal(
  trx: Kysely<VaultSchema>,
  goalId: string,
  columns: Partial<Pick<GoalRow, 'text' | 'objective' | 'target_date' | 'status' | 'updated_at'>>,
): Promise<void> {
  await trx.updateTable('goals').set(columns).where('id', '=', goalId).execute();
}

/** Deletes a goal; its history cascades, and a note that refers to it makes this fail (ON DELETE RESTRICT). */
export async function deleteGoal(trx: Kysely<VaultSchema>, goalId: string): Promise<void> {
  await trx.deleteFrom('goals').where('id', '=', goalId).execute();
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
