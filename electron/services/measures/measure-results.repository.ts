import { sql, type Kysely } from 'kysely';
import type { MeasureResult } from '../../../shared/measure-records';
import type { VaultSchema } from '../database/schema';

interface ResultRow {
  id: string;
  client_id: string;
  session_id: string | null;
  measure_id: string;
  measure_version: number;
  taken_on: string;
  responses: string;
  total: number | null;
  subscales: string;
  flags: string;
  created_at: string;
  note_id: string | null;
  rupture_noted: number | null;
}

const rowToResult = (row: ResultRow): MeasureResult => ({
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
  flags: JSON.parse(row.flags) as string[],
  ruptureNoted: row.rupture_noted === 1,
  createdAt: row.created_at,
});

/** Stored results, read with the session's note (for links) and its rupture flag (for the chart). */
export async function resultsOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<MeasureResult[]> {
  const rows = await db
    .selectFrom('measure_results as r')
    .leftJoin('notes as n', 'n.session_id', 'r.session_id')
    .selectAll('r')
    .select(['n.id as note_id', sql<number | null>`json_extract(n.content, '$.rupture.noted')`.as('rupture_noted')])
    .where('r.client_id', '=', clientId)
    .orderBy('r.taken_on')
    .orderBy('r.created_at')
    .execute();
  return rows.map(rowToResult);
}

/**
 * The latest `perMeasure` results of each measure for every active client, oldest first: what the
 * practice overview needs for alerts and sparklines, in one query rather than one per client.
 */
export async function recentResultsOfActiveClients(db: Kysely<VaultSchema>, perMeasure: number): Promise<MeasureResult[]> {
  const ranked = db
    .selectFrom('measure_results as r')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .leftJoin('notes as n', 'n.session_id', 'r.session_id')
    .selectAll('r')
    .select([
      'n.id as note_id',
      sql<number | null>`json_extract(n.content, '$.rupture.noted')`.as('rupture_noted'),
      sql<number>`row_number() over (partition by r.client_id, r.measure_id order by r.taken_on desc, r.created_at desc)`.as('rn'),
    ])
    .where('c.status', '=', 'active');
  const rows = await db.selectFrom(ranked.as('ranked')).selectAll().where('rn', '<=', perMeasure).orderBy('taken_on').orderBy('created_at').execute();
  return rows.map(rowToResult);
}
