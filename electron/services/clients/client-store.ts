import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Client } from '../../../shared/clients';
import type { VaultSchema } from '../database/schema';
import { lastSessionDate } from '../notes/sessions.repository';
import { rowToFields, type ClientRow } from './client-row';
import { tagsOfClient } from './client-tags.repository';
import { clientRow } from './clients.repository';
import { diagnosesOfClient } from './diagnoses.repository';
import { goalsOfClient } from './goals.repository';

/** A client's whole record, put together from its tables, and the error for a client that is not there. */
export const clientNotFound = (): AppError =>
  new AppError('NOT_FOUND', 'That client is not in this vault. They may have been deleted.');

export async function clientRowOrThrow(db: Kysely<VaultSchema>, id: string): Promise<ClientRow> {
  const row = await clientRow(db, id);
  if (!row) throw clientNotFound();
  return row;
}

/** A plan review is due on or after its date, unless the client has been discharged. */
export const isReviewDue = (reviewDate: string | null, status: string, today: string): boolean =>
  reviewDate !== null && reviewDate <= today && status !== 'discharged';

/** The whole record as the client page shows it. */
export async function loadClient(db: Kysely<VaultSchema>, id: string, today: string): Promise<Client> {
  const row = await clientRowOrThrow(db, id);
  const tags = await tagsOfClient(db, id);
  const fields = rowToFields(row, tags);
  const diagnoses = await diagnosesOfClient(db, id);
  return {
    ...fields,
    id: row.id,
    code: row.code,
    reviewDue: isReviewDue(row.review_date, row.status, today),
    lastSessionDate: await lastSessionDate(db, id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    diagnoses,
    goals: await goalsOfClient(db, id),
  };
}
