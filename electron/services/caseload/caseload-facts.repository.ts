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
  // Sessions are read per client through sessions_by_client_date, a range seek each, not a scan.
  const { rows } = await sql<{ client_id: string; code: string; attended: number; missed: number }>`
    WITH voided AS MATERIALIZED ${voidedSessionIds()},
    visits AS (
      SELECT s.client_id, s.attendance = 'attended' AS attended
      FROM clients AS c JOIN sessions AS s ON s.client_id = c.id AND s.session_date BETWEEN ${from} AND ${to}
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
  // Only (client, measure) pairs with a counted result in the period can have their latest there, so
  // the window functions rank those pairs' results rather than the whole practice's.
  const { rows } = await sql<{ client_id: string; code: string; measure_id: string; first_total: number; latest_total: number }>`
    WITH voided AS MATERIALIZED ${voidedSessionIds()},
    counted AS MATERIALIZED (
      SELECT r.client_id, r.measure_id, r.taken_on, r.created_at, r.id, r.total FROM measure_results AS r
      WHERE r.measure_id IN (SELECT value FROM json_each(${JSON.stringify(measureIds)}))
        AND r.total IS NOT NULL AND r.struck_addendum_id IS NULL AND coalesce(r.session_id, '') NOT IN voided),
    pairs AS (SELECT DISTINCT client_id, measure_id FROM counted WHERE taken_on BETWEEN ${from} AND ${to}),
    ranked AS (
      SELECT k.client_id, k.measure_id, k.taken_on, k.total,
        row_number() OVER (PARTITION BY k.client_id, k.measure_id ORDER BY k.taken_on, k.created_at, k.id) AS first_rank,
        row_number() OVER (PARTITION BY k.client_id, k.measure_id ORDER BY k.taken_on DESC, k.created_at DESC, k.id DESC) AS last_rank
      FROM counted AS k JOIN pairs AS p ON p.client_id = k.client_id AND p.measure_id = k.measure_id)
    SELECT r.client_id, c.code, r.measure_id,
      max(CASE WHEN r.first_rank = 1 THEN r.total END) AS first_total,
      max(CASE WHEN r.last_rank = 1 THEN r.total END) AS latest_total
    FROM ranked AS r JOIN clients AS c ON c.id = r.client_id
    WHERE r.first_rank = 1 OR r.last_rank = 1
    GROUP BY r.client_id, r.measure_id
    HAVING count(*) = 2 AND max(CASE WHEN r.last_rank = 1 THEN r.taken_on END) BETWEEN ${from} AND ${to}`.execute(db);
  return rows.map((row) => ({ clientId: row.client_id, code: row.code, measureId: row.measure_id, first: row.first_total, latest: row.latest_total }));
}

/**
 * For each of `clientIds`, the totals of `measureIds` recorded in the client's third attended, not
 * voided session (sessions in date and time order), oldest entry first.
 */
export async function thirdSessionTotals(db: Kysely<VaultSchema>, clientIds: readonly string[], measureIds: readonly string[]): Promise<CaseloadFacts['thirdSessionAlliance']> {
  if (clientIds.length === 0 || measureIds.length === 0) return [];
  const { rows } = await sql<{ client_id: string; code: string; measure_id: string; total: number }>`
    WITH voided AS MATERIALIZED ${voidedSessionIds()},
    ranked AS (
      SELECT s.id, s.client_id,
        row_number() OVER (PARTITION BY s.client_id ORDER BY s.session_date, coalesce(s.start_time, ''), s.created_at, s.id) AS n
      FROM sessions AS s
      WHERE s.client_id IN (SELECT value FROM json_each(${JSON.stringify(clientIds)})) AND s.attendance = 'attended' AND s.id NOT IN voided)
    SELECT r.client_id, c.code, r.measure_id, r.total
    FROM ranked AS t
    JOIN measure_results AS r ON r.session_id = t.id AND r.client_id = t.client_id
    JOIN clients AS c ON c.id = t.client_id
    WHERE t.n = 3 AND r.measure_id IN (SELECT value FROM json_each(${JSON.stringify(measureIds)}))
      AND r.total IS NOT NULL AND r.struck_addendum_id IS NULL
    ORDER BY r.client_id, r.measure_id, r.created_at, r.id`.execute(db);
  return rows.map((row) => ({ clientId: row.client_id, code: row.code, measureId: row.measure_id, total: row.total }));
}
