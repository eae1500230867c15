import { sql, type Kysely } from 'kysely';
import { byUrgency, SEVERITY_RANK, type MeasureDefinition } from '../../../shared/measures';
import type { MeasureResult, OverviewClient } from '../../../shared/measure-records';
import type { VaultSchema } from '../database/schema';
import { openEventsOfActiveClients, type StoredAlertEvent } from './alert-events.repository';
import { definitionLookup, latestVersions } from './client-alerts';
import { measureVersions } from './measure-definitions.repository';
import { recentResultsOfActiveClients } from './measure-results.repository';
import { voidedSessionIds } from '../notes/voids.repository';

/** How many totals the Alliance column's sparkline draws. */
export const SPARKLINE_RESULTS = 6;

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
 * Every active client with their latest alliance result and its trend, their open alerts (stored
 * events no acknowledgement matches), last session and sessions since the last measure, most urgent
 * first. A fixed handful of queries for the whole caseload: no query per client.
 */
export async function practiceOverview(db: Kysely<VaultSchema>): Promise<OverviewClient[]> {
  // Per client, index seeks on (client, date): the last session, the count, and the sessions since
  // the newest measure; no pass over every session of the practice.
  const { rows: clients } = await sql<{ id: string; code: string; status: string; review_date: string | null; last_date: string | null; count: number; since: number | null }>`
    WITH voided AS MATERIALIZED ${voidedSessionIds()}
    SELECT c.id, c.code, c.status, c.review_date,
      (SELECT max(session_date) FROM sessions WHERE client_id = c.id AND attendance = 'attended' AND id NOT IN voided) AS last_date,
      (SELECT count(*) FROM sessions WHERE client_id = c.id AND id NOT IN voided) AS count,
      (SELECT count(*) FROM sessions WHERE client_id = c.id AND id NOT IN voided
        AND session_date > (SELECT max(taken_on) FROM measure_results WHERE client_id = c.id
          AND struck_addendum_id IS NULL AND coalesce(session_id, '') NOT IN voided)) AS since
    FROM clients AS c
    WHERE c.status = 'active'`.execute(db);

  const results = await recentResultsOfActiveClients(db, SPARKLINE_RESULTS);
  const definitions = await measureVersions(db, latestVersions(results));
  const resultsByClient = groupBy(results, (result) => result.clientId);
  const eventsByClient = groupBy(await openEventsOfActiveClients(db), (event) => event.clientId);

  const overview = clients.map((client): OverviewClient => {
    const own = resultsByClient.get(client.id) ?? [];
    const alerts = [...(eventsByClient.get(client.id) ?? [])].sort(byUrgency);
    return {
      clientId: client.id,
      code: client.code,
      status: client.status as OverviewClient['status'],
      lastSessionDate: client.last_date ?? null,
      nextReviewDate: client.review_date,
      alliance: allianceSummary(own, definitionLookup(own, definitions)),
      alerts: alerts.map(({ key, severity, reason, measureName, rater, date }: StoredAlertEvent) => ({ key, severity, reason, measureName, rater, date })),
      sessionsSinceMeasure: resultsByClient.has(client.id) ? Number(client.since ?? 0) : null,
      sessionCount: Number(client.count ?? 0),
    };
  });
  return overview.sort(clientsByUrgency);
}

/** The client's latest alliance result, of any alliance measure, with that measure's recent totals. */
export function allianceSummary(results: readonly MeasureResult[], definitionOf: (measureId: string) => MeasureDefinition | undefined): OverviewClient['alliance'] {
  const alliance = results
    .filter((result) => definitionOf(result.measureId)?.kind === 'alliance')
    .sort((a, b) => a.takenOn.localeCompare(b.takenOn) || a.createdAt.localeCompare(b.createdAt));
  const latest = alliance[alliance.length - 1];
  const definition = latest && definitionOf(latest.measureId);
  if (!latest || !definition) return null;
  return {
    measureId: definition.id,
    shortName: definition.shortName,
    rater: definition.rater,
    total: latest.total,
    takenOn: latest.takenOn,
    range: definition.range,
    trend: alliance
      .filter((result) => result.measureId === latest.measureId)
      .slice(-SPARKLINE_RESULTS)
      .map((result) => result.total),
  };
}

function clientsByUrgency(a: OverviewClient, b: OverviewClient): number {
  const worst = (client: OverviewClient) => Math.min(3, ...client.alerts.map((alert) => SEVERITY_RANK[alert.severity]));
  return (
    worst(a) - worst(b) ||
    b.alerts.length - a.alerts.length ||
    (b.sessionsSinceMeasure ?? Number.MAX_SAFE_INTEGER) - (a.sessionsSinceMeasure ?? Number.MAX_SAFE_INTEGER) ||
    a.code.localeCompare(b.code)
  );
}
