import type { Kysely, Selectable } from 'kysely';
import type { FollowUpPlan } from '../../../shared/engagement';
import type { FollowUpPlansTable, VaultSchema } from '../database/schema';
import { voidedSessionIds } from '../notes/voids.repository';

/** The session frequency agreed with each client (migration 0012): one row per client, replaced when changed. */

const toPlan = (row: Selectable<FollowUpPlansTable>): FollowUpPlan => ({
  clientId: row.client_id,
  frequency: row.frequency,
  everyDays: row.every_days,
  agreedOn: row.agreed_on,
  updatedAt: row.updated_at,
});

export async function planOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<FollowUpPlan | null> {
  const row = await db.selectFrom('follow_up_plans').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  return row ? toPlan(row) : null;
}

export async function savePlan(db: Kysely<VaultSchema>, plan: FollowUpPlan): Promise<void> {
  const columns = { frequency: plan.frequency, every_days: plan.everyDays, agreed_on: plan.agreedOn, updated_at: plan.updatedAt };
  await db
    .insertInto('follow_up_plans')
    .values({ client_id: plan.clientId, ...columns })
    .onConflict((oc) => oc.column('client_id').doUpdateSet(columns))
    .execute();
}

export async function deletePlan(db: Kysely<VaultSchema>, clientId: string): Promise<void> {
  await db.deleteFrom('follow_up_plans').where('client_id', '=', clientId).execute();
}

/** One client's plan, or every client's when `clientId` is null: for the export. */
export async function plansInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<FollowUpPlan[]> {
  const rows = await db
    .selectFrom('follow_up_plans')
    .selectAll()
    .$if(clientId !== null, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('client_id')
    .execute();
  return rows.map(toPlan);
}

/** Active clients' plans with their code and last attended (not voided) session: what "overdue" reads. */
export async function plansOfActiveClients(db: Kysely<VaultSchema>): Promise<(FollowUpPlan & { code: string; lastSeen: string | null })[]> {
  const rows = await db
    .selectFrom('follow_up_plans as p')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .selectAll('p')
    .select([
      'c.code',
      (eb) =>
        eb
          .selectFrom('sessions as s')
          .select((inner) => inner.fn.max('s.session_date').as('last'))
          .whereRef('s.client_id', '=', 'c.id')
          .where('s.attendance', '=', 'attended')
          .where('s.id', 'not in', voidedSessionIds())
          .as('last_seen'),
    ])
    .where('c.status', '=', 'active')
    .execute();
  return rows.map((row) => ({ ...toPlan(row), code: row.code, lastSeen: row.last_seen ?? null }));
}
