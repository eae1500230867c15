import type { Kysely } from 'kysely';
import { richTextToPlain } from '../../../shared/rich-text';
import type { VaultSchema } from '../database/schema';
import { attendanceRecordsInScope } from '../engagement/attendance-records.repository';
import { contactsInScope } from '../engagement/contacts.repository';
import { deleteSearchRows, deleteSearchRowsOfClient, insertSearchRow, nextRecordSearchRowid } from '../notes/search-content.repository';
import type { ClientRow } from './client-row';
import { clientRow } from './clients.repository';
import { tagsOfClient } from './client-tags.repository';
import { diagnosisTextsOfClient } from './diagnoses.repository';
import { goalTextsOfClient } from './goals.repository';
import { addClientSearchRowid, clientSearchRowids, forgetClientSearchRowids } from './search-index-client-rows.repository';

/** Kinds of the index rows a client owns besides its notes' (see SearchResult['kind']). */
type ClientRowKind = 'client' | 'goal' | 'contact' | 'missed';

/**
 * Keeps the search rows of a client, its goals, its contacts between sessions and its missed-session
 * remarks in step with the records. Rows are written to
 * `search_content`, whose triggers keep the FTS5 `search_index` in step (migration 0004). Always called
 * inside the transaction that changed them, so the index is never stale or half written.
 */
export async function reindexClient(trx: Kysely<VaultSchema>, clientId: string): Promise<void> {
  // By rowid: the client's note rows share its client_id and must stay.
  const previous = await clientSearchRowids(trx, clientId);
  if (previous.length > 0) {
    await deleteSearchRows(trx, previous);
    await forgetClientSearchRowids(trx, clientId);
  }
  const client = await clientRow(trx, clientId);
  if (!client) return;
  const tags = await tagsOfClient(trx, clientId);
  const diagnoses = await diagnosisTextsOfClient(trx, clientId);
  await insertClientRow(trx, {
    kind: 'client',
    record_id: clientId,
    client_id: clientId,
    title: clientTitle(client, tags),
    body: [concernsText(client), ...diagnoses.map((d) => `${d.code} ${d.label}`.trim())].filter(Boolean).join('\n'),
  });
  const goals = await goalTextsOfClient(trx, clientId);
  for (const goal of goals) {
    await insertClientRow(trx, { kind: 'goal', record_id: goal.id, client_id: clientId, title: goal.text, body: goal.objective });
  }
  // Only text the practitioner wrote is indexed: a contact's note and the professional named, a missed session's remark.
  for (const contact of await contactsInScope(trx, clientId)) {
    if (contact.note === '' && contact.professional === '') continue;
    await insertClientRow(trx, { kind: 'contact', record_id: contact.id, client_id: clientId, title: contact.professional, body: contact.note });
  }
  for (const record of await attendanceRecordsInScope(trx, clientId)) {
    if (record.remark === '') continue;
    await insertClientRow(trx, { kind: 'missed', record_id: record.id, client_id: clientId, title: '', body: record.remark });
  }
}

/**
 * The search row of a client just inserted, who has no goals, diagnoses or index rows yet: what
 * reindexClient would write, without reading back what the caller has just written (an import of a
 * thousand clients spent most of its time on those reads).
 */
export async function indexNewClient(trx: Kysely<VaultSchema>, client: IndexedClient, tags: readonly string[]): Promise<void> {
  await insertClientRow(trx, { kind: 'client', record_id: client.id, client_id: client.id, title: clientTitle(client, tags), body: concernsText(client) });
}

/** Removes every index row belonging to a client, whatever its kind, notes included. */
export async function removeClientFromIndex(trx: Kysely<VaultSchema>, clientId: string): Promise<void> {
  // By client_id, whatever the kind, so no row of the client can be missed; the triggers purge the index.
  await deleteSearchRowsOfClient(trx, clientId);
  await forgetClientSearchRowids(trx, clientId);
}

async function insertClientRow(trx: Kysely<VaultSchema>, row: { kind: ClientRowKind; record_id: string; client_id: string; title: string; body: string }): Promise<void> {
  const fts_rowid = await nextRecordSearchRowid(trx);
  await insertSearchRow(trx, { id: fts_rowid, ...row });
  await addClientSearchRowid(trx, fts_rowid, row.client_id);
}

type IndexedClient = Pick<ClientRow, 'id' | 'legal_name' | 'preferred_name' | 'code' | 'presenting_concerns'>;

function clientTitle(client: IndexedClient, tags: readonly string[]): string {
  return [client.legal_name, client.preferred_name, client.code, ...tags].filter(Boolean).join(' ');
}

function concernsText(client: Pick<ClientRow, 'presenting_concerns'>): string {
  if (!client.presenting_concerns) return '';
  try {
    return richTextToPlain(JSON.parse(client.presenting_concerns));
  } catch {
    return '';
  }
}
