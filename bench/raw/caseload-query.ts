import type { CaseloadOutcomes, CaseloadPeriod } from '../../shared/caseload';
import { caseloadOutcomes, type CaseloadFacts } from '../../shared/caseload-rules';
import { BUILT_IN_MEASURES, measureDefinitionSchema, type MeasureDefinition } from '../../shared/measures';
import type { Prepare } from './statements';

/*
 * The caseload view's reads, hand-written: the same five statements as the service (custom definitions,
 * attendance, discharges, first and latest outcome totals, session-3 alliance), fed to the same pure
 * aggregation (caseloadOutcomes), so only the reading differs.
 */

const VOIDED = `(SELECT vn.session_id FROM note_addenda AS va JOIN notes AS vn ON vn.id = va.note_id WHERE va.kind = 'void')`;

/** Built-ins first, then the latest version of each custom measure, by name. */
function currentMeasures(stmt: Prepare): MeasureDefinition[] {
  const rows = stmt(`SELECT d.definition FROM measure_definitions AS d WHERE d.version = (SELECT max(later.version) FROM measure_definitions AS later WHERE later.id = d.id)`)
    .pluck()
    .all() as string[];
  const custom = rows.map((json) => measureDefinitionSchema.parse(JSON.parse(json))).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return [...BUILT_IN_MEASURES, ...custom];
}

export function rawCaseloadOutcomes(stmt: Prepare, period: CaseloadPeriod): CaseloadOutcomes {
  const { from, to } = period;
  const definitions = currentMeasures(stmt);
  const outcomeIds = JSON.stringify(definitions.filter((d) => d.kind === 'outcome' && d.reliableChange !== null).map((d) => d.id));
  const allianceIds = JSON.stringify(definitions.filter((d) => d.kind === 'alliance').map((d) => d.id));

  const visits = stmt(`
    WITH voided AS MATERIALIZED ${VOIDED},
    visits AS (
      SELECT s.client_id, s.attendance = 'attended' AS attended
      FROM clients AS c CROSS JOIN sessions AS s ON s.client_id = c.id AND s.session_date BETWEEN ? AND ?
      WHERE s.id NOT IN voided
      UNION ALL
      SELECT a.client_id, 0 FROM attendance_records AS a WHERE a.record_date BETWEEN ? AND ?)
    SELECT v.client_id, c.code, sum(v.attended) AS attended, sum(1 - v.attended) AS missed
    FROM visits AS v JOIN clients AS c ON c.id = v.client_id GROUP BY v.client_id`).all(from, to, from, to) as { client_id: string; code: string; attended: number; missed: number }[];
  const counts = (key: 'attended' | 'missed') => visits.filter((row) => row[key] > 0).map((row) => ({ clientId: row.client_id, code: row.code, count: row[key] }));

  const discharged = (
    stmt(`SELECT id, code, discharge_kind FROM clients WHERE status = 'discharged' AND discharge_date >= ? AND discharge_date <= ?`).all(from, to) as {
      id: string;
      code: string;
      discharge_kind: 'planned' | 'unplanned' | null;
    }[]
  ).map((row) => ({ clientId: row.id, code: row.code, kind: row.discharge_kind }));

  const outcomePairs = (
    stmt(`
    WITH voided AS MATERIALIZED ${VOIDED},
    pairs AS MATERIALIZED (
      SELECT c.id AS client_id, c.code, m.value AS measure_id FROM clients AS c CROSS JOIN json_each(?) AS m
      WHERE EXISTS (SELECT 1 FROM measure_results AS x WHERE x.client_id = c.id AND x.measure_id = m.value AND x.taken_on BETWEEN ? AND ?)),
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
    WHERE e.first_id <> e.latest_id AND l.taken_on BETWEEN ? AND ?
    ORDER BY e.client_id, e.measure_id`).all(outcomeIds, from, to, from, to) as {
      client_id: string;
      code: string;
      measure_id: string;
      first_total: number;
      latest_total: number;
    }[]
  ).map((row) => ({ clientId: row.client_id, code: row.code, measureId: row.measure_id, first: row.first_total, latest: row.latest_total }));

  const measured = [...new Set(outcomePairs.map((pair) => pair.clientId))];
  const thirdSessionAlliance: CaseloadFacts['thirdSessionAlliance'] =
    measured.length === 0
      ? []
      : (
          stmt(`
    WITH voided AS MATERIALIZED ${VOIDED},
    third AS MATERIALIZED (
      SELECT c.id AS client_id, c.code,
        (SELECT s.id FROM sessions AS s WHERE s.client_id = c.id AND s.attendance = 'attended' AND s.id NOT IN voided
          ORDER BY s.session_date, coalesce(s.start_time, ''), s.created_at, s.id LIMIT 1 OFFSET 2) AS session_id
      FROM clients AS c WHERE c.id IN (SELECT value FROM json_each(?)))
    SELECT t.client_id, t.code, r.measure_id, r.total
    FROM third AS t JOIN measure_results AS r ON r.session_id = t.session_id AND +r.client_id = t.client_id
    WHERE +r.measure_id IN (SELECT value FROM json_each(?)) AND r.total IS NOT NULL AND r.struck_addendum_id IS NULL
    ORDER BY r.client_id, r.measure_id, r.created_at, r.id`).all(JSON.stringify(measured), allianceIds) as { client_id: string; code: string; measure_id: string; total: number }[]
        ).map((row) => ({ clientId: row.client_id, code: row.code, measureId: row.measure_id, total: row.total }));

  return caseloadOutcomes(period, { attended: counts('attended'), missed: counts('missed'), discharged, outcomePairs, thirdSessionAlliance }, definitions);
}
