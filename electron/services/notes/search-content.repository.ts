import { sql, type Insertable, type Kysely } from 'kysely';
import type { SearchContentTable, VaultSchema } from '../database/schema';

/**
 * The `search_content` table: what the FTS5 `search_index` indexes. Its triggers fold the text and keep
 * the index in step (migration 0004), so these writes are all the index needs. Note parts have negative
 * ids (note-search-parts.ts), client and goal rows positive ones.
 */

/** The rows with ids from `first` to `last` (one note's parts), with their text. */
export async function searchBodiesInRange(trx: Kysely<VaultSchema>, first: number, last: number): Promise<{ rowid: number; body: string }[]> {
  const { rows } = await sql<{ rowid: number; body: string }>`SELECT id AS rowid, body FROM search_content WHERE id BETWEEN ${first} AND ${last}`.execute(trx);
  return rows;
}

/** Deletes the rows with these ids. */
export async function deleteSearchRows(trx: Kysely<VaultSchema>, ids: readonly number[]): Promise<void> {
  await sql`DELETE FROM search_content WHERE id IN (${sql.join(ids)})`.execute(trx);
}

/** Deletes the rows with ids from `first` to `last`: every part of one note. */
export async function deleteSearchRange(trx: Kysely<VaultSchema>, first: number, last: number): Promise<void> {
  await sql`DELETE FROM search_content WHERE id BETWEEN ${first} AND ${last}`.execute(trx);
}

/** Deletes every row of a client, whatever its kind, notes included. */
export async function deleteSearchRowsOfClient(trx: Kysely<VaultSchema>, clientId: string): Promise<void> {
  await trx.deleteFrom('search_content').where('client_id', '=', clientId).execute();
}

/** One part of a note, at the rowid derived from the note's key. */
export async function insertNoteSearchRow(trx: Kysely<VaultSchema>, row: { rowid: number; noteId: string; clientId: string; body: string }): Promise<void> {
  await sql`INSERT INTO search_content (id, kind, record_id, client_id, title, body)
    VALUES (${row.rowid}, 'note', ${row.noteId}, ${row.clientId}, '', ${row.body})`.execute(trx);
}

/**
 * A free id for a client or goal row: above every other, and at least 1. Note parts have negative ids,
 * and SQLite's own max(id) + 1 would hand out one of theirs in a vault whose only rows were note parts.
 */
export async function nextRecordSearchRowid(trx: Kysely<VaultSchema>): Promise<number> {
  const { id } = await trx
    .selectFrom('search_content')
    .select((eb) => eb(eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)), '+', 1).as('id'))
    .executeTakeFirstOrThrow();
  return Math.max(1, Number(id));
}

export async function insertSearchRow(trx: Kysely<VaultSchema>, row: Insertable<SearchContentTable>): Promise<void> {
  await trx.insertInto('search_content').values(row).execute();
}
