import { sql, type Kysely } from 'kysely';
import type { CaseloadPeriod } from '../../../shared/caseload';
import type { CaseloadFacts, ClientCount } from '../../../shared/caseload-rules';
import type { VaultSchema } from '../database/schema';
import { voidedSessionIds } from '../notes/voids.repository';

/**
 * What the caseload view reads for a period, for the whole practice at once: a read model across
 * clients, sessions, attendance records and measure results, a fixed handful of queries however many
 * clients there are. Voided sessions, and the results recorded in them or struck out, never count.
 */

/** Per client: attended sessions, and missed ones (attendance records and older missed sessions), in the period. */
export async function attendanceInPeriod(db: Kysely<VaultSchema>, { from, to }: CaseloadPeriod): Promise<{ attended: ClientCount[]; missed: ClientCount[] }> {
  // CROSS JOIN keeps clients outside, so each client's sessions are one range seek on
  // sessions_by_client_date rather than a scan of every session the practice has held.
  const { rows } = await sql<{ client_id: string; code: string; attended: number; missed: number }>`
    WITH voided AS MATERIALIZED ${voidedSessionIds()},
    visits AS (
      SELECT s.client_id, s.attendance = 'attended' AS attended
      FROM clients AS c CROSS JOIN sessions AS s ON s.client_id = c.id AND s.session_date BETWEEN ${from} AND ${to}
      WHERE s.id NOT IN voided
      UNION ALL
      SELECT a.client_id, 0 FROM attendance_records AS a WHERE a.record_date BETWEEN ${from} AND ${to})
    SELECT v.client_id, c.code, sum(v.attended) AS attended, sum(1 - v.attended) AS missed
    FROM visits AS v JOIN clients AS c ON c.id = v.client_id
    GROUP BY v.client_id`.execute(db);
  const counts = (key: 'attended' | 'missed') =>
    rows.filter((row) => Number(row[key]) > 0).map((row) => ({ clientId: row.client_id, code: row.code, count: Number(row[key]) }));
  return { attended: counts('attended'), missed: counts('missed') };
}

/** Clients discharged in the period, with how their therapy ended (null: not recorded). */
export async function dischargedInPeriod(db: Kysely<VaultSchema>, { from, to }: CaseloadPeriod): Promise<CaseloadFacts['discharged']> {
  const rows = await db
    .selectFrom('clients')
    .select(['id', 'code', 'discharge_kind'])
    .where('status', '=', 'discharged')
    .where('discharge_date', '>=', from)
    .where('discharge_date', '<=', to)
    .execute();
  return rows.map((row) => ({ clientId: row.id, code: row.code, kind: row.discharge_kind }));
}

/**
 * Per client and measure (of `measureIds`) with at least two counted, scored results, the latest in the
 * period: the totals of the first result ever and of the latest. Same-day results are ordered as entered.
 */
export async function outcomePairsInPeriod(db: Kysely<VaultSchema>, { from, to }: CaseloadPeriod, measureIds: readonly string[]): Promise<CaseloadFacts['outcomePairs']> {
  if (measureIds.length === 0) return [];
  // Per client and measure with any result in the period (an index-only check), the first and the
  // latest counted result are each one walk from an end of measure_results_by_client, usually one row:
  // the practice's results are never all read.
  const { rows } = await sql<{ client_id: string; code: string; measure_id: string; first_total: number; latest_total: number }>`
    WITH voided AS MATERIALIZED ${voidedSessionIds()},
    pairs AS MATERIALIZED (
      SELECT c.id AS client_id, c.code, m.value AS measure_id FROM clients AS c CROSS JOIN json_each(${JSON.stringify(measureIds)}) AS m
      WHERE EXISTS (SELECT 1 FROM measure_results AS x WHERE x.client_id = c.id AND x.measure_id = m.value AND x.taken_on BETWEEN ${from} AND ${to})),
    ends AS MATERIALIZED (
      SELECT p.client_id, p.code, p.measure_id,
        (SELECT r.id FROM measure_results AS r
          WHERE r.client_id = p.client_id AND r.measure_id = p.measure_id AND r.total IS NOT NULL AND r.struck_addendum_id IS NULL AND coalesce(r.session_id, '') NOT IN voided
          ORDER BY r.taken_on, r.created_at, r.id LIMIT 1) AS first_id,
        (SELECT r.id FROM measure_results AS r
          WHERE r.client_id = p.client_id AND r.measure_id = p.measure_id AND r.total IS NOT NULL AND r.struck_addendum_id IS NULL AND coalesce(r.session_id, '') NOT IN voided
          ORDER BY r.taken_on DESC, r.created_at DESC, r.id DESC LIMIT 1) AS latest_id
      FROM pairs AS p)
    SELECT e.client_id, e.code, e.measure_id, f.total AS first_total, l.total AS latest_total
    FROM ends AS e JOIN measure_results AS f ON f.id = e.first_id JOIN measure_results AS l ON l.id = e.latest_id
    WHERE e.first_id <> e.latest_id AND l.taken_on BETWEEN ${from} AND ${to}
    ORDER BY e.client_id, e.measure_id`.execute(db);
  return rows.map((row) => ({ clientId: row.client_id, code: row.code, measureId: row.measure_id, first: row.first_total, latest: row.latest_total }));
}

/**
 * For each of `clientIds`, the totals of `measureIds` recorded in the client's third attended, not
 * voided session (sessions in date and time order), oldest entry first.
 */
export async function thirdSessionTotals(db: Kysely<VaultSchema>, clientIds: readonly string[], measureIds: readonly string[]): Promise<CaseloadFacts['thirdSessionAlliance']> {
  if (clientIds.length === 0 || measureIds.length === 0) return [];
  // Each client's third session is an index walk over their first few sessions. The unary + keeps
  // SQLite on measure_results_by_session: by client, it would read every alliance result they have.
  const { rows } = await sql<{ client_id: string; code: string; measure_id: string; total: number }>`
    WITH voided AS MATERIALIZED ${voidedSessionIds()},
    third AS MATERIALIZED (
      SELECT c.id AS client_id, c.code,
        (SELECT s.id FROM sessions AS s WHERE s.client_id = c.id AND s.attendance = 'attended' AND s.id NOT IN voided
          ORDER BY s.session_date, coalesce(s.start_time, ''), s.created_at, s.id LIMIT 1 OFFSET 2) AS session_id
      FROM clients AS c WHERE c.id IN (SELECT value FROM json_each(${JSON.stringify(clientIds)})))
    SELECT t.client_id, t.code, r.measure_id, r.total
    FROM third AS t JOIN measure_results AS r ON r.session_id = t.session_id AND +r.client_id = t.client_id
    WHERE +r.measure_id IN (SELECT value FROM json_each(${JSON.stringify(measureIds)})) AND r.total IS NOT NULL AND r.struck_addendum_id IS NULL
    ORDER BY r.client_id, r.measure_id, r.created_at, r.id`.execute(db);
  return rows.map((row) => ({ clientId: row.client_id, code: row.code, measureId: row.measure_id, total: row.total }));
}
