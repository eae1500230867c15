import type { Kysely } from 'kysely';
import type { VaultSchema } from '../database/schema';

/** The `client_tags` table: a client's free-text tags, one row each. */

/** A client's tags, sorted by their bytes (upper case before lower). */
export async function tagsOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<string[]> {
  const rows = await db.selectFrom('client_tags').select('tag').where('client_id', '=', clientId).orderBy('tag').execute();
  return rows.map((row) => row.tag);
}

/** Every client's tags, in one query, for the client list. */
export async function allClientTags(db: Kysely<VaultSchema>): Promise<{ clientId: string; tag: string }[]> {
  const rows = await db.selectFrom('client_tags').select(['client_id', 'tag']).execute();
  return rows.map((row) => ({ clientId: row.client_id, tag: row.tag }));
}

export async function replaceTags(trx: Kysely<VaultSchema>, clientId: string, tags: readonly string[]): Promise<void> {
  await trx.deleteFrom('client_tags').where('client_id', '=', clientId).execute();
  if (tags.length > 0) {
    await trx.insertInto('client_tags').values(tags.map((tag) => ({ client_id: clientId, tag }))).execute();
  }
}

/** Tags by client id, each client's in tag order; one client's, or every client's when `clientId` is null. */
export async function tagsInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('client_tags')
    .select(['client_id', 'tag'])
    .$if(clientId !== null, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('tag')
    .execute();
  const tagsOf = new Map<string, string[]>();
  for (const row of rows) tagsOf.set(row.client_id, [...(tagsOf.get(row.client_id) ?? []), row.tag]);
  return tagsOf;
}
