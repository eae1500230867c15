import type { Kysely } from 'kysely';
import { richTextToPlain } from '../../../shared/rich-text';
import type { VaultSchema } from '../database/schema';
import type { ClientRow } from './client-row';

/**
 * Keeps the FTS5 `search_index` rows of a client and its goals in step with the records. Always called
 * inside the transaction that changed them, so the index is never stale or half written.
 */
export async function reindexClient(trx: Kysely<VaultSchema>, clientId: string): Promise<void> {
  await trx.deleteFrom('search_index').where('client_id', '=', clientId).where('kind', 'in', ['client', 'goal']).execute();
  const client = await trx.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirst();
  if (!client) return;
  const tags = await trx.selectFrom('client_tags').select('tag').where('client_id', '=', clientId).execute();
  const diagnoses = await trx.selectFrom('diagnoses').select(['code', 'label']).where('client_id', '=', clientId).execute();
  await trx
    .insertInto('search_index')
    .values({
      kind: 'client',
      record_id: clientId,
      client_id: clientId,
      title: clientTitle(client, tags.map((row) => row.tag)),
      body: [concernsText(client), ...diagnoses.map((d) => `${d.code} ${d.label}`.trim())].filter(Boolean).join('\n'),
    })
    .execute();
  const goals = await trx.selectFrom('goals').select(['id', 'text', 'objective']).where('client_id', '=', clientId).execute();
  for (const goal of goals) {
    await trx
      .insertInto('search_index')
      .values({ kind: 'goal', record_id: goal.id, client_id: clientId, title: goal.text, body: goal.objective })
      .execute();
  }
}

/** Removes every index row belonging to a client, whatever its kind (notes too, once they exist). */
export async function removeClientFromIndex(trx: Kysely<VaultSchema>, clientId: string): Promise<void> {
  await trx.deleteFrom('search_index').where('client_id', '=', clientId).execute();
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
