import type { Kysely } from 'kysely';
import type { VaultSchema } from '../database/schema';

/**
 * The `search_index_client_rows` table: the rowids of each client's client and goal rows in the search
 * index. FTS5 finds rows fast only by rowid, and with thousands of notes in the index a scan for one
 * client's rows would read every note.
 */

export async function clientSearchRowids(trx: Kysely<VaultSchema>, clientId: string): Promise<number[]> {
  const rows = await trx.selectFrom('search_index_client_rows').select('fts_rowid').where('client_id', '=', clientId).execute();
  return rows.map((row) => row.fts_rowid);
}

export async function addClientSearchRowid(trx: Kysely<VaultSchema>, ftsRowid: number, clientId: string): Promise<void> {
  await trx.insertInto('search_index_client_rows').values({ fts_rowid: ftsRowid, client_id: clientId }).execute();
}

export async function forgetClientSearchRowids(trx: Kysely<VaultSchema>, clientId: string): Promise<void> {
  await trx.deleteFrom('search_index_client_rows').where('client_id', '=', clientId).execute();
}
