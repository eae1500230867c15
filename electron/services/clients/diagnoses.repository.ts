import type { Kysely, Selectable } from 'kysely';
import type { Diagnosis } from '../../../shared/clients';
import type { DiagnosesTable, VaultSchema } from '../database/schema';

/** The `diagnoses` table: a client's diagnoses, current and removed, and their mapping to `Diagnosis`. */
export type DiagnosisRow = Selectable<DiagnosesTable>;

export const diagnosisOf = (row: DiagnosisRow): Diagnosis => ({
  id: row.id,
  code: row.code,
  label: row.label,
  dateAdded: row.date_added,
  dateRemoved: row.date_removed,
});

/** A client's diagnoses in the order they were added. */
export async function diagnosesOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<Diagnosis[]> {
  const rows = await db.selectFrom('diagnoses').selectAll().where('client_id', '=', clientId).orderBy('date_added').orderBy('created_at').execute();
  return rows.map(diagnosisOf);
}

/** The code and label of each of a client's diagnoses, for the search index. */
export async function diagnosisTextsOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<{ code: string; label: string }[]> {
  return db.selectFrom('diagnoses').select(['code', 'label']).where('client_id', '=', clientId).execute();
}

/** One diagnosis of a client, or undefined. */
export async function diagnosisRow(db: Kysely<VaultSchema>, clientId: string, id: string): Promise<DiagnosisRow | undefined> {
  return db.selectFrom('diagnoses').selectAll().where('id', '=', id).where('client_id', '=', clientId).executeTakeFirst();
}

export async function insertDiagnosis(trx: Kysely<VaultSchema>, row: DiagnosisRow): Promise<void> {
  await trx.insertInto('diagnoses').values(row).execute();
}

export async function setDiagnosisRemoved(trx: Kysely<VaultSchema>, id: string, dateRemoved: string): Promise<void> {
  await trx.updateTable('diagnoses').set({ date_removed: dateRemoved }).where('id', '=', id).execute();
}

/** A diagnosis with its client and the moment it was recorded. */
export type DiagnosisRecord = Diagnosis & { clientId: string; createdAt: string };

/** One client's diagnoses, or every client's when `clientId` is null, in the order they were added. */
export async function diagnosesInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<DiagnosisRecord[]> {
  const rows = await db
    .selectFrom('diagnoses')
    .selectAll()
    .$if(clientId !== null, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('date_added')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ ...diagnosisOf(row), clientId: row.client_id, createdAt: row.created_at }));
}
