import { sql, type Kysely, type Selectable } from 'kysely';
import type { MeasureResult } from '../../../shared/measure-records';
import type { MeasureResultsTable, VaultSchema } from '../database/schema';
import { ruptureNotedOf } from '../notes/notes.repository';
import { voidedSessionIds } from '../notes/voids.repository';

/** A stored row, with the note it belongs to, that note's rupture flag (null when not read) and whether it was voided. */
export type ResultRow = Selectable<MeasureResultsTable> & { note_id: string | null; rupture_noted: number | null; voided: number | null };

export const rowToResult = (row: ResultRow): MeasureResult => ({
  id: row.id,
  clientId: row.client_id,
  sessionId: row.session_id,
  noteId: row.note_id,
  measureId: row.measure_id,
  measureVersion: row.measure_version,
  takenOn: row.taken_on,
  responses: JSON.parse(row.responses) as Record<string, number | null>,
  total: row.total,
  subscales: JSON.parse(row.subscales) as Record<string, number | null>,
  // Nearly every result raises no flag; skip parsing the common case.
  flags: row.flags === '[]' ? [] : (JSON.parse(row.flags) as string[]),
  ruptureNoted: row.rupture_noted === 1,
  createdAt: row.created_at,
  lateEntry: row.addendum_id !== null,
  struckOut: row.struck_addendum_id === null ? null : { reason: row.struck_reason ?? '' },
  sessionVoided: row.voided === 1,
});

/** Stored results, read with the session's note (for links) and its rupture flag (for the chart). */
export async function resultsOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<MeasureResult[]> {
  // Each note's id and rupture flag come out of notes_rupture_by_session (migration 0007), once per
  // session rather than once per measure taken in it (MATERIALIZED keeps SQLite from folding the CTE
  // back into the join). INDEXED BY because SQLite prefers the unique index on session_id and would then
  // read every note's JSON; it also fails loudly rather than slowly if the index were ever missing.
  const { rows } = await sql<ResultRow>`
    WITH flags AS MATERIALIZED (
      SELECT n.session_id, n.id AS note_id, ${ruptureNotedOf('n')} AS rupture_noted,
        EXISTS (SELECT 1 FROM note_addenda AS v WHERE v.note_id = n.id AND v.kind = 'void') AS voided
      FROM notes AS n INDEXED BY notes_rupture_by_session
      WHERE n.session_id IN (SELECT session_id FROM measure_results WHERE client_id = ${clientId}))
    SELECT r.*, f.note_id, f.rupture_noted, f.voided
    FROM measure_results AS r LEFT JOIN flags AS f ON f.session_id = r.session_id
    WHERE r.client_id = ${clientId}
    ORDER BY r.taken_on, r.created_at`.execute(db);
  return rows.map(rowToResult);
}

/**
 * The latest `perMeasure` results of each measure for every active client, oldest first: what the
 * practice overview needs for alerts and sparklines, in one query rather than one per client.
 */
export async function recentResultsOfActiveClients(db: Kysely<VaultSchema>, perMeasure: number): Promise<MeasureResult[]> {
  // Per (client, measure), one index seek finds the date of its n-th newest result, and a range read
  // on the same index takes the rows from there on: a few thousand rows read, not a career's worth
  // ranked. Item answers and notes are not read: the overview needs neither (its rupture alert comes
  // from the latest session, and it links clients, not notes), and reading them dominated the time.
  // Rows come in index order, (client, measure, date) ascending, which is all the callers need.
  // Struck-out results and those of voided sessions never count, so they are left out here.
  const { rows } = await sql<ResultRow>`
    WITH voided AS MATERIALIZED ${voidedSessionIds()}
    SELECT r.id, r.client_id, r.session_id, r.measure_id, r.measure_version, r.taken_on, '{}' AS responses,
      r.total, r.subscales, r.flags, r.created_at, r.addendum_id, r.struck_addendum_id, r.struck_reason,
      NULL AS note_id, NULL AS rupture_noted, 0 AS voided
    FROM (SELECT DISTINCT client_id, measure_id FROM measure_results) AS g
    JOIN clients AS c ON c.id = g.client_id AND c.status = 'active'
    JOIN measure_results AS r ON r.client_id = g.client_id AND r.measure_id = g.measure_id AND r.taken_on >= coalesce((
      SELECT nth.taken_on FROM measure_results AS nth
      WHERE nth.client_id = g.client_id AND nth.measure_id = g.measure_id
        AND nth.struck_addendum_id IS NULL AND coalesce(nth.session_id, '') NOT IN voided
      ORDER BY nth.taken_on DESC LIMIT 1 OFFSET ${perMeasure - 1}
    ), '')
    WHERE r.struck_addendum_id IS NULL AND coalesce(r.session_id, '') NOT IN voided`.execute(db);
  return rows.map(rowToResult);
}

/** A stored result with the addenda that entered it late or struck it out, which MeasureResult only flags. */
export interface StoredResult {
  /** Its note, rupture flag and voided session are not read here: noteId null, both flags false. */
  result: MeasureResult;
  lateEntryAddendumId: string | null;
  struckOutAddendumId: string | null;
}

/** One client's results, or every client's when `clientId` is null, by the day taken. */
export async function storedResultsInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<StoredResult[]> {
  const rows = await db
    .selectFrom('measure_results')
    .selectAll()
    .$if(clientId !== null, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('taken_on')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    result: rowToResult({ ...row, note_id: null, rupture_noted: null, voided: null }),
    lateEntryAddendumId: row.addendum_id,
    struckOutAddendumId: row.struck_addendum_id,
  }));
}

/** One stored result's row, or undefined. */
export async function resultRow(db: Kysely<VaultSchema>, id: string): Promise<Selectable<MeasureResultsTable> | undefined> {
  return db.selectFrom('measure_results').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Stores a scored result; a late entry names the addendum it was entered with. */
export async function insertResult(db: Kysely<VaultSchema>, result: MeasureResult, addendumId: string | null): Promise<void> {
  await db
    .insertInto('measure_results')
    .values({
      id: result.id,
      client_id: result.clientId,
      session_id: result.sessionId,
      measure_id: result.measureId,
      measure_version: result.measureVersion,
      taken_on: result.takenOn,
      responses: JSON.stringify(result.responses),
      total: result.total,
      subscales: JSON.stringify(result.subscales),
      flags: JSON.stringify(result.flags),
      created_at: result.createdAt,
      addendum_id: addendumId,
    })
    .execute();
}

export async function deleteResult(db: Kysely<VaultSchema>, id: string): Promise<void> {
  await db.deleteFrom('measure_results').where('id', '=', id).execute();
}

/** Marks a result struck out by an addendum; the database allows this one change, once. */
export async function strikeOutResult(db: Kysely<VaultSchema>, id: string, addendumId: string, reason: string): Promise<void> {
  await db.updateTable('measure_results').set({ struck_addendum_id: addendumId, struck_reason: reason }).where('id', '=', id).execute();
}

/** The results an addendum entered late and the ones it struck out: part of what the addendum signs. */
export async function resultsOfAddendum(
  db: Kysely<VaultSchema>,
  addendumId: string,
): Promise<{ lateEntries: Selectable<MeasureResultsTable>[]; struckOut: Selectable<MeasureResultsTable>[] }> {
  const rows = await db
    .selectFrom('measure_results')
    .selectAll()
    .where((eb) => eb.or([eb('addendum_id', '=', addendumId), eb('struck_addendum_id', '=', addendumId)]))
    .orderBy('id')
    .execute();
  return { lateEntries: rows.filter((row) => row.addendum_id === addendumId), struckOut: rows.filter((row) => row.struck_addendum_id === addendumId) };
}
