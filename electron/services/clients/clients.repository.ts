import { sql, type Insertable, type Kysely } from 'kysely';
import type { ClientFields, ClientListItem } from '../../../shared/clients';
import type { ClientsTable, VaultSchema } from '../database/schema';
import { voidedSessionIds } from '../notes/voids.repository';
import { rowToFields, type ClientRow } from './client-row';
import { tagsInScope } from './client-tags.repository';

/**
 * The `clients` table. Rows map to and from the form's fields in client-row.ts (fieldsToColumns,
 * rowToFields); the list's rows are mapped here.
 */

/** One client's row, or undefined when no client has that id. */
export async function clientRow(db: Kysely<VaultSchema>, id: string): Promise<ClientRow | undefined> {
  return db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertClient(trx: Kysely<VaultSchema>, row: Insertable<ClientsTable>): Promise<void> {
  await trx.insertInto('clients').values(row).execute();
}

export async function updateClient(
  trx: Kysely<VaultSchema>,
  id: string,
  columns: Omit<Insertable<ClientsTable>, 'id' | 'created_at'>,
): Promise<void> {
  await trx.updateTable('clients').set(columns).where('id', '=', id).execute();
}

/** Deletes the client's row; foreign keys cascade to tags, diagnoses, goals and their history, sessions and results. */
export async function deleteClient(trx: Kysely<VaultSchema>, id: string): Promise<void> {
  await trx.deleteFrom('clients').where('id', '=', id).execute();
}

/** Every client's id, whatever their status. */
export async function allClientIds(db: Kysely<VaultSchema>): Promise<string[]> {
  return (await db.selectFrom('clients').select('id').orderBy('id').execute()).map((row) => row.id);
}

/** Every code in use, as written. */
export async function allClientCodes(db: Kysely<VaultSchema>): Promise<string[]> {
  return (await db.selectFrom('clients').select('code').execute()).map((row) => row.code);
}

/** Every client's code, by id. */
export async function clientCodes(db: Kysely<VaultSchema>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('clients').select(['id', 'code']).execute();
  return new Map(rows.map((row) => [row.id, row.code]));
}

/** True when another client (not `exceptId`) already has this code, ignoring case. */
export async function isCodeTaken(db: Kysely<VaultSchema>, code: string, exceptId: string | null): Promise<boolean> {
  let query = db.selectFrom('clients').select('id').where(sql<boolean>`code = ${code} COLLATE NOCASE`);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** A client as the list shows it, before tags and the review flag are added. */
export type ListedClient = Omit<ClientListItem, 'tags' | 'reviewDue'>;

/** Every client with the date of their last session, in one query. */
export async function clientsForList(db: Kysely<VaultSchema>): Promise<ListedClient[]> {
  const rows = await db
    .selectFrom('clients as c')
    .select([
      'c.id',
      'c.code',
      'c.legal_name',
      'c.preferred_name',
      'c.pronouns',
      'c.status',
      'c.date_of_birth',
      'c.review_date',
      (eb) =>
        eb
          .selectFrom('sessions as s')
          .select((inner) => inner.fn.max('s.session_date').as('last'))
          .whereRef('s.client_id', '=', 'c.id')
          // "Last seen": a no-show or late cancellation is not seeing the client.
          .where('s.attendance', '=', 'attended')
          // A voided session never happened as recorded, so it is not the client's last session.
          .where('s.id', 'not in', voidedSessionIds())
          .as('last_session'),
    ])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    legalName: row.legal_name,
    preferredName: row.preferred_name,
    pronouns: row.pronouns,
    status: row.status,
    dateOfBirth: row.date_of_birth,
    reviewDate: row.review_date,
    lastSessionDate: row.last_session ?? null,
  }));
}

/** A client read back as the form's fields (client-row.ts) with the client's id and timestamps. */
export interface ClientRecord extends ClientFields {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** One client, or every client when `clientId` is null, in code order, with their tags. */
export async function clientsInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<ClientRecord[]> {
  const rows = await db
    .selectFrom('clients')
    .selectAll()
    .$if(clientId !== null, (qb) => qb.where('id', '=', clientId as string))
    .orderBy('code')
    .execute();
  const tagsOf = await tagsInScope(db, clientId);
  return rows.map((row) => ({ ...rowToFields(row, tagsOf.get(row.id) ?? []), id: row.id, createdAt: row.created_at, updatedAt: row.updated_at }));
}
