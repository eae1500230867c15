import { voidedSessionIds } from '../notes/voids.repository';
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Client } from '../../../shared/clients';
import type { VaultSchema } from '../database/schema';
import { rowToFields, type ClientRow } from './client-row';
import { goalsOfClient } from './goals.repository';

export const clientNotFound = (): AppError =>
  new AppError('NOT_FOUND', 'That client is not in this vault. They may have been deleted.');

export async function clientRowOrThrow(db: Kysely<VaultSchema>, id: string): Promise<ClientRow> {
  const row = await db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw clientNotFound();
  return row;
}

export async function tagsOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<string[]> {
  const rows = await db.selectFrom('client_tags').select('tag').where('client_id', '=', clientId).orderBy('tag').execute();
  return rows.map((row) => row.tag);
}

export async function replaceTags(trx: Kysely<VaultSchema>, clientId: string, tags: readonly string[]): Promise<void> {
  await trx.deleteFrom('client_tags').where('client_id', '=', clientId).execute();
  if (tags.length > 0) {
    await trx.insertInto('client_tags').values(tags.map((tag) => ({ client_id: clientId, tag }))).execute();
  }
}

export async function lastSessionDate(db: Kysely<VaultSchema>, clientId: string): Promise<string | null> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.max('session_date').as('last'))
    .where('client_id', '=', clientId)
    .where('id', 'not in', voidedSessionIds())
    .executeTakeFirst();
  return row?.last ?? null;
}

/** A plan review is due on or after its date, unless the client has been discharged. */
export const isReviewDue = (reviewDate: string | null, status: string, today: string): boolean =>
  reviewDate !== null && reviewDate <= today && status !== 'discharged';

/** The whole record as the client page shows it. */
export async function loadClient(db: Kysely<VaultSchema>, id: string, today: string): Promise<Client> {
  const row = await clientRowOrThrow(db, id);
  const tags = await tagsOfClient(db, id);
  const fields = rowToFields(row, tags);
  const diagnoses = await db
    .selectFrom('diagnoses')
    .selectAll()
    .where('client_id', '=', id)
    .orderBy('date_added')
    .orderBy('created_at')
    .execute();
  return {
    ...fields,
    id: row.id,
    code: row.code,
    reviewDue: isReviewDue(row.review_date, row.status, today),
    lastSessionDate: await lastSessionDate(db, id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    diagnoses: diagnoses.map((d) => ({ id: d.id, code: d.code, label: d.label, dateAdded: d.date_added, dateRemoved: d.date_removed })),
    goals: await goalsOfClient(db, id),
  };
}

/** Every client's id, whatever their status. */
export async function allClientIds(db: Kysely<VaultSchema>): Promise<string[]> {
  return (await db.selectFrom('clients').select('id').orderBy('id').execute()).map((row) => row.id);
}
