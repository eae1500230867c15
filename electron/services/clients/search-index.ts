import type { Kysely } from 'kysely';
import { richTextToPlain } from '../../../shared/rich-text';
import type { VaultSchema } from '../database/schema';
import type { ClientRow } from './client-row';

/**
 * Keeps the search rows of a client and its goals in step with the records. Rows are written to
 * `search_content`, whose triggers keep the FTS5 `search_index` in step (migration 0004). Always called
 * inside the transaction that changed them, so the index is never stale or half written.
 */
export async function reindexClient(trx: Kysely<VaultSchema>, clientId: string): Promise<void> {
  // By rowid: the client's note rows share its client_id and must stay.
  const previous = await trx.selectFrom('search_index_client_rows').select('fts_rowid').where('client_id', '=', clientId).execute();
  if (previous.length > 0) {
    await trx.deleteFrom('search_content').where('id', 'in', previous.map((row) => row.fts_rowid)).execute();
    await trx.deleteFrom('search_index_client_rows').where('client_id', '=', clientId).execute();
  }
  const client = await trx.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirst();
  if (!client) return;
  const tags = await trx.selectFrom('client_tags').select('tag').where('client_id', '=', clientId).execute();
  const diagnoses = await trx.selectFrom('diagnoses').select(['code', 'label']).where('client_id', '=', clientId).execute();
  await insertClientRow(trx, {
    kind: 'client',
    record_id: clientId,
    client_id: clientId,
    title: clientTitle(client, tags.map((row) => row.tag)),
    body: [concernsText(client), ...diagnoses.map((d) => `${d.code} ${d.label}`.trim())].filter(Boolean).join('\n'),
  });
  const goals = await trx.selectFrom('goals').select(['id', 'text', 'objective']).where('client_id', '=', clientId).execute();
  for (const goal of goals) {
    await insertClientRow(trx, { kind: 'goal', record_id: goal.id, client_id: clientId, title: goal.text, body: goal.objective });
  }
}

/** Removes every index row belonging to a client, whatever its kind, notes included. */
export async function removeClientFromIndex(trx: Kysely<VaultSchema>, clientId: string): Promise<void> {
  // By client_id, whatever the kind, so no row of the client can be missed; the triggers purge the index.
  await trx.deleteFrom('search_content').where('client_id', '=', clientId).execute();
  await trx.deleteFrom('search_index_client_rows').where('client_id', '=', clientId).execute();
}

async function insertClientRow(trx: Kysely<VaultSchema>, row: { kind: 'client' | 'goal'; record_id: string; client_id: string; title: string; body: string }): Promise<void> {
  // An explicit id above every other: note parts have negative ids, and SQLite's max(id) + 1 would
  // hand out one of theirs in a vault whose only rows were note parts.
  const { id } = await trx
    .selectFrom('search_content')
    .select((eb) => eb(eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)), '+', 1).as('id'))
    .executeTakeFirstOrThrow();
  const fts_rowid = Math.max(1, Number(id));
  await trx.insertInto('search_content').values({ id: fts_rowid, ...row }).execute();
  await trx.insertInto('search_index_client_rows').values({ fts_rowid, client_id: row.client_id }).execute();
}

function clientTitle(client: ClientRow, tags: string[]): string {
  return [client.legal_name, client.preferred_name, client.code, ...tags].filter(Boolean).join(' ');
}

function concernsText(client: ClientRow): string {
  if (!client.presenting_concerns) return '';
  try {
    return richTextToPlain(JSON.parse(client.presenting_concerns));
  } catch {
    return '';
  }
}
