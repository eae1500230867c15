import type { Kysely, Selectable } from 'kysely';
import type { MedicationsTable, VaultSchema } from '../database/schema';

/** The `medications` table: one row per medication a client has been on; its history is in medication_events. */
export type MedicationRow = Selectable<MedicationsTable>;

export async function insertMedication(trx: Kysely<VaultSchema>, row: MedicationRow): Promise<void> {
  await trx.insertInto('medications').values(row).execute();
}

export async function medicationRow(db: Kysely<VaultSchema>, id: string): Promise<MedicationRow | undefined> {
  return db.selectFrom('medications').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One client's medications, or every client's when `clientId` is null, in the order they were added. */
export async function medicationRowsInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<MedicationRow[]> {
  return db
    .selectFrom('medications')
    .selectAll()
    .$if(clientId !== null, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('client_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The names this practitioner has entered before, most used first, for the name field's suggestions. */
export async function medicationNamesInUse(db: Kysely<VaultSchema>): Promise<string[]> {
  const rows = await db
    .selectFrom('medications')
    .select(({ fn }) => ['name', fn.countAll<number>().as('uses')])
    .groupBy('name')
    .orderBy('uses', 'desc')
    .orderBy('name')
    .limit(500)
    .execute();
  return rows.map((row) => row.name);
}
