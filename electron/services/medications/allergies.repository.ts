import type { Kysely, Selectable } from 'kysely';
import type { Allergy } from '../../../shared/medications';
import type { AllergiesTable, VaultSchema } from '../database/schema';

/** The `allergies` table: a client's allergies and adverse reactions, removed ones kept with the date and reason. */
export type AllergyRow = Selectable<AllergiesTable>;

export const allergyOf = (row: AllergyRow): Allergy => ({
  id: row.id,
  clientId: row.client_id,
  substance: row.substance,
  reaction: row.reaction,
  kind: row.kind as Allergy['kind'],
  recordedOn: row.recorded_on,
  removedOn: row.removed_on,
  removedReason: row.removed_reason,
});

export async function insertAllergy(trx: Kysely<VaultSchema>, row: AllergyRow): Promise<void> {
  await trx.insertInto('allergies').values(row).execute();
}

export async function allergyRow(db: Kysely<VaultSchema>, id: string): Promise<AllergyRow | undefined> {
  return db.selectFrom('allergies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markAllergyRemoved(trx: Kysely<VaultSchema>, id: string, removedOn: string, reason: string): Promise<void> {
  await trx.updateTable('allergies').set({ removed_on: removedOn, removed_reason: reason }).where('id', '=', id).execute();
}

/** One client's allergies (every client's when `clientId` is null), in the order they were recorded. */
export async function allergiesInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<Allergy[]> {
  const rows = await db
    .selectFrom('allergies')
    .selectAll()
    .$if(clientId !== null, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('client_id')
    .orderBy('recorded_on')
    .orderBy('created_at')
    .execute();
  return rows.map(allergyOf);
}
