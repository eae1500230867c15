import { sql, type Kysely } from 'kysely';
import type { MeasureResult, OverviewClient } from '../../../shared/measure-records';
import type { VaultSchema } from '../database/schema';
import { acknowledgementsOf, computeClientAlerts, latestSessions, latestVersions } from './client-alerts';
import { measureVersions } from './measure-definitions.repository';
import { recentResultsOfActiveClients } from './measure-results.repository';
import { voidedSessionIds } from '../notes/voids.repository';

/** Enough history for a sparkline and for the alert rules' "previous score". */
const RECENT_RESULTS = 6;
const SEVERITY_RANK = { urgent: 0, warning: 1, notice: 2 } as const;

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
};

/**
 * Every active client with their latest alliance score and trend, unacknowledged alerts, last session
 * and sessions since the last measure, most urgent first. A fixed handful of queries for the whole
 * caseload: no query per client.
 */
export async function practiceOverview(db: Kysely<VaultSchema>): Promise<OverviewClient[]> {
  // Per client, index seeks on (client, date): the last session, the count, and the sessions since
  // the newest measure; no pass over every session of the practice.
  const { rows: clients } = await sql<{ id: string; code: string; status: string; review_date: string | null; last_date: string | null; count: number; since: number | null }>`
    WITH voided AS MATERIALIZED ${voidedSessionIds()}
    SELECT c.id, c.code, c.status, c.review_date,
      (SELECT max(session_date) FROM sessions WHERE client_id = c.id AND id NOT IN voided) AS last_date,
      (SELECT count(*) FROM sessions WHERE client_id = c.id AND id NOT IN voided) AS count,
      (SELECT count(*) FROM sessions WHERE client_id = c.id AND id NOT IN voided
        AND session_date > (SELECT max(taken_on) FROM measure_results WHERE client_id = c.id
          AND struck_addendum_id IS NULL AND coalesce(session_id, '') NOT IN voided)) AS since
    FROM clients AS c
    WHERE c.status = 'active'`.execute(db);


  const results = await recentResultsOfActiveClients(db, RECENT_RESULTS);
  const definitions = await measureVersions(db, latestVersions(results));
  const resultsByClient = groupBy(results, (result) => result.clientId);
  const sessions = await latestSessions(db, null);
  const acknowledgements = await acknowledgementsOf(db, null);

  const overview = clients.map((client): OverviewClient => {
    const own = resultsByClient.get(client.id) ?? [];
    const alerts = computeClientAlerts({
      results: own,
      definitions,
      latestSession: sessions.get(client.id) ?? null,
      acknowledgements: acknowledgements.get(client.id) ?? new Map(),
    }).filter((alert) => alert.acknowledged === null);
    return {
      clientId: client.id,
      code: client.code,
      status: client.status as OverviewClient['status'],
      lastSessionDate: client.last_date ?? null,
      nextReviewDate: client.review_date,
      alliance: allianceSummary(own, definitions),
      alerts: alerts.map(({ key, severity, reason }) => ({ key, severity, reason })),
      sessionsSinceMeasure: resultsByClient.has(client.id) ? Number(client.since ?? 0) : null,
      sessionCount: Number(client.count ?? 0),
    };
  });
  return overview.sort(byUrgency);
}

/** The measure of the client's latest alliance result, with its recent totals. */
function allianceSummary(results: readonly MeasureResult[], definitions: ReadonlyMap<string, import('../../../shared/measures').MeasureDefinition>): OverviewClient['alliance'] {
  const alliance = results.filter((result) => definitions.get(`${result.measureId}@${result.measureVersion}`)?.kind === 'alliance' || isAllianceId(result, definitions));
  const latest = alliance[alliance.length - 1];
  if (!latest) return null;
  const definition = [...definitions.values()].find((candidate) => candidate.id === latest.measureId);
  if (!definition) return null;
  return {
    measureId: definition.id,
    shortName: definition.shortName,
    total: latest.total,
    range: definition.range,
    trend: alliance.filter((result) => result.measureId === latest.measureId).map((result) => result.total),
  };
}

/** Older results of a measure are judged by the latest version's kind, which never changes between versions. */
const isAllianceId = (result: MeasureResult, definitions: ReadonlyMap<string, import('../../../shared/measures').MeasureDefinition>): boolean =>
  [...definitions.values()].some((definition) => definition.id === result.measureId && definition.kind === 'alliance');

function byUrgency(a: OverviewClient, b: OverviewClient): number {
  const worst = (client: OverviewClient) => Math.min(3, ...client.alerts.map((alert) => SEVERITY_RANK[alert.severity]));
  return (
    worst(a) - worst(b) ||
    b.alerts.length - a.alerts.length ||
    (b.sessionsSinceMeasure ?? Number.MAX_SAFE_INTEGER) - (a.sessionsSinceMeasure ?? Number.MAX_SAFE_INTEGER) ||
    a.code.localeCompare(b.code)
  );
}
