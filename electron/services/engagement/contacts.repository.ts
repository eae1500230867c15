import type { Kysely, Selectable } from 'kysely';
import type { Contact } from '../../../shared/engagement';
import type { ContactsTable, VaultSchema } from '../database/schema';

/** Outreach and contacts between sessions (migration 0012). */

const toContact = (row: Selectable<ContactsTable>): Contact => ({
  id: row.id,
  clientId: row.client_id,
  date: row.contact_date,
  startTime: row.start_time,
  kind: row.kind,
  direction: row.direction,
  professional: row.professional,
  note: row.note,
  createdAt: row.created_at,
});

export async function insertContact(db: Kysely<VaultSchema>, contact: Contact): Promise<void> {
  await db
    .insertInto('contacts')
    .values({
      id: contact.id,
      client_id: contact.clientId,
      contact_date: contact.date,
      start_time: contact.startTime,
      kind: contact.kind,
      direction: contact.direction,
      professional: contact.professional,
      note: contact.note,
      created_at: contact.createdAt,
    })
    .execute();
}

export async function contactRow(db: Kysely<VaultSchema>, id: string): Promise<Contact | null> {
  const row = await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toContact(row) : null;
}

export async function deleteContact(db: Kysely<VaultSchema>, id: string): Promise<void> {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}

/** One client's contacts, or every client's when `clientId` is null, oldest first. */
export async function contactsInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<Contact[]> {
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .$if(clientId !== null, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('client_id')
    .orderBy('contact_date')
    .orderBy('start_time')
    .orderBy('created_at')
    .execute();
  return rows.map(toContact);
}
