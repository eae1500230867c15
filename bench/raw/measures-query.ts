import type { MeasureResult, OverviewClient } from '../../shared/measure-records';
import { builtInMeasure, builtInMeasureVersion, byUrgency, measureDefinitionSchema, SEVERITY_RANK, type AlertSeverity, type MeasureDefinition, type Rater } from '../../shared/measures';
import { definitionLookup, latestVersions } from '../../electron/services/measures/client-alerts';
import { allianceSummary } from '../../electron/services/measures/practice-overview';
import type { Prepare } from './statements';
import { rowToResult, type ResultRow } from '../../electron/services/measures/measure-results.repository';

/* The measures' reads: the practice overview (the dashboard) and one client's results (its charts). */

/** Every (id, version) named, built-ins from code and custom ones from their table, keyed `id@version`. */
function definitionsNamed(stmt: Prepare, wanted: readonly { id: string; version: number }[]): Map<string, MeasureDefinition> {
  const found = new Map<string, MeasureDefinition>();
  const custom = new Set<string>();
  for (const { id, version } of wanted) {
    const known = builtInMeasureVersion(id, version);
    if (known) found.set(`${id}@${version}`, known);
    else if (!builtInMeasure(id)) custom.add(id);
  }
  if (custom.size > 0) {
    const rows = stmt('SELECT definition FROM measure_definitions WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify([...custom])) as string[];
    for (const json of rows) {
      const measure = measureDefinitionSchema.parse(JSON.parse(json));
      found.set(`${measure.id}@${measure.version}`, measure);
    }
  }
  return found;
}

/** The practice overview: active clients with counts, recent results, alerts and alliance trend, most urgent first. */
export function rawPracticeOverview(stmt: Prepare): OverviewClient[] {
  const clients = stmt(`
    WITH voided AS MATERIALIZED (SELECT vn.session_id FROM note_addenda AS va JOIN notes AS vn ON vn.id = va.note_id WHERE va.kind = 'void')
    SELECT c.id, c.code, c.status, c.review_date,
      (SELECT max(session_date) FROM sessions WHERE client_id = c.id AND attendance = 'attended' AND id NOT IN voided) AS last_date,
      (SELECT count(*) FROM sessions WHERE client_id = c.id AND id NOT IN voided) AS count,
      (SELECT count(*) FROM sessions WHERE client_id = c.id AND id NOT IN voided
        AND session_date > (SELECT max(taken_on) FROM measure_results WHERE client_id = c.id
          AND struck_addendum_id IS NULL AND coalesce(session_id, '') NOT IN voided)) AS since
    FROM clients AS c WHERE c.status = 'active'`).all() as { id: string; code: string; status: OverviewClient['status']; review_date: string | null; last_date: string | null; count: number; since: number | null }[];
  const results = (stmt(`
    WITH voided AS MATERIALIZED (SELECT vn.session_id FROM note_addenda AS va JOIN notes AS vn ON vn.id = va.note_id WHERE va.kind = 'void')
    SELECT r.id, r.client_id, r.session_id, r.measure_id, r.measure_version, r.taken_on, '{}' AS responses, r.total, r.subscales, r.flags,
      r.created_at, r.addendum_id, r.struck_addendum_id, r.struck_reason, NULL AS note_id, NULL AS rupture_noted, 0 AS voided
    FROM (SELECT DISTINCT client_id, measure_id FROM measure_results) AS g
    JOIN clients AS c ON c.id = g.client_id AND c.status = 'active'
    JOIN measure_results AS r ON r.client_id = g.client_id AND r.measure_id = g.measure_id AND r.taken_on >= coalesce((
      SELECT nth.taken_on FROM measure_results AS nth WHERE nth.client_id = g.client_id AND nth.measure_id = g.measure_id
        AND nth.struck_addendum_id IS NULL AND coalesce(nth.session_id, '') NOT IN voided
      ORDER BY nth.taken_on DESC LIMIT 1 OFFSET 5), '')
    WHERE r.struck_addendum_id IS NULL AND coalesce(r.session_id, '') NOT IN voided`).all() as ResultRow[]).map(rowToResult);
  const definitions = definitionsNamed(stmt, latestVersions(results));
  const byClient = new Map<string, MeasureResult[]>();
  for (const result of results) {
    const own = byClient.get(result.clientId);
    if (own) own.push(result);
    else byClient.set(result.clientId, [result]);
  }

  const events = new Map<string, OverviewClient['alerts']>();
  const eventRows = stmt(`
    SELECT e.client_id, e.alert_key, e.severity, e.reason, e.measure_name, e.rater, e.event_date
    FROM alert_events AS e JOIN clients AS c ON c.id = e.client_id AND c.status = 'active'
    WHERE NOT EXISTS (SELECT 1 FROM alert_acknowledgements AS a WHERE a.client_id = e.client_id AND a.alert_key = e.alert_key)`).all() as {
    client_id: string;
    alert_key: string;
    severity: AlertSeverity;
    reason: string;
    measure_name: string;
    rater: Rater;
    event_date: string;
  }[];
  for (const row of [...eventRows].map((row) => ({ ...row, key: row.alert_key, date: row.event_date })).sort(byUrgency)) {
    const own = events.get(row.client_id) ?? [];
    own.push({ key: row.key, severity: row.severity, reason: row.reason, measureName: row.measure_name, rater: row.rater, date: row.date });
    events.set(row.client_id, own);
  }

  const overview = clients.map((client): OverviewClient => {
    const own = byClient.get(client.id) ?? [];
    return {
      clientId: client.id,
      code: client.code,
      status: client.status,
      lastSessionDate: client.last_date,
      nextReviewDate: client.review_date,
      alliance: allianceSummary(own, definitionLookup(own, definitions)),
      alerts: events.get(client.id) ?? [],
      sessionsSinceMeasure: byClient.has(client.id) ? (client.since ?? 0) : null,
      sessionCount: client.count,
    };
  });
  const worst = (client: OverviewClient) => Math.min(3, ...client.alerts.map((alert) => SEVERITY_RANK[alert.severity]));
  return overview.sort(
    (a, b) =>
      worst(a) - worst(b) ||
      b.alerts.length - a.alerts.length ||
      (b.sessionsSinceMeasure ?? Number.MAX_SAFE_INTEGER) - (a.sessionsSinceMeasure ?? Number.MAX_SAFE_INTEGER) ||
      a.code.localeCompare(b.code),
  );
}

/** A client's results, oldest first, with their notes' ids and rupture flags, and the definitions they name. */
export function rawClientResults(stmt: Prepare, clientId: string): { results: MeasureResult[]; definitions: MeasureDefinition[] } {
  const rows = stmt(`
    WITH flags AS MATERIALIZED (
      SELECT n.session_id, n.id AS note_id, json_extract(n.content, '$.rupture.noted') AS rupture_noted,
        EXISTS (SELECT 1 FROM note_addenda AS v WHERE v.note_id = n.id AND v.kind = 'void') AS voided
      FROM notes AS n INDEXED BY notes_rupture_by_session
      WHERE n.session_id IN (SELECT session_id FROM measure_results WHERE client_id = ?))
    SELECT r.*, f.note_id, f.rupture_noted, f.voided
    FROM measure_results AS r LEFT JOIN flags AS f ON f.session_id = r.session_id
    WHERE r.client_id = ? ORDER BY r.taken_on, r.created_at`).all(clientId, clientId) as ResultRow[];
  const results = rows.map(rowToResult);
  const versions = new Map(results.map((result) => [`${result.measureId}@${result.measureVersion}`, { id: result.measureId, version: result.measureVersion }]));
  return { results, definitions: [...definitionsNamed(stmt, [...versions.values()]).values()] };
}

