import { sql, type Kysely } from 'kysely';
import type { VaultSchema } from '../database/schema';

/**
 * The list of clients being erased, which is empty outside an erasure's transaction. The database's
 * guards on signed records (migration 0008) let their rows be deleted only while their client is here.
 */
export async function beginErasure(trx: Kysely<VaultSchema>, clientId: string): Promise<void> {
  await trx.insertInto('client_erasures').values({ client_id: clientId }).execute();
}

export async function endErasure(trx: Kysely<VaultSchema>, clientId: string): Promise<void> {
  await trx.deleteFrom('client_erasures').where('client_id', '=', clientId).execute();
}

/**
 * Copies the WAL into the database file and truncates it to zero bytes: the WAL still holds earlier
 * images of the pages an erasure just cleared, and afterwards no old copy of them is left on disk.
 */
export async function truncateWal(db: Kysely<VaultSchema>): Promise<void> {
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}
