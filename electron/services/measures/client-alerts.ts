import { sql, type Kysely } from 'kysely';
import { alertKey, formatDay, latestAlerts, type MeasureAlert, type MeasureDefinition, type MeasurePoint } from '../../../shared/measures';
import { countsInSignal, type ClientAlert, type MeasureResult } from '../../../shared/measure-records';
import type { VaultSchema } from '../database/schema';
import { measureVersions } from './measure-definitions.repository';
import { resultsOfClient } from './measure-results.repository';
import { voidedSessionIds } from '../notes/voids.repository';

const SEVERITY_ORDER = { urgent: 0, warning: 1, notice: 2 } as const;

/** The client's latest session and whether its note flagged a rupture. */
export interface LatestSession {
  sessionId: string;
  noteId: string;
  date: string;
  ruptureNoted: boolean;
}

export interface AlertInputs {
  /** One client's results, oldest first (a recent window is enough: latest and earlier scores). */
  results: readonly MeasureResult[];
  /** Definitions keyed `id@version`. */
  definitions: ReadonlyMap<string, MeasureDefinition>;
  latestSession: LatestSession | null;
  acknowledgements: ReadonlyMap<string, { note: string; at: string }>;
}

/** A result's place on its measure's timeline; a result without a session stands for itself. */
const pointOf = (result: MeasureResult): MeasurePoint => ({
  sessionId: result.sessionId ?? result.id,
  noteId: result.noteId,
  date: result.takenOn,
  total: result.total,
  subscales: result.subscales,
  // The latest session's rupture is one alert of its own below, measured or not.
  ruptureNoted: false,
  flags: result.flags,
});

const definitionKey = (result: Pick<MeasureResult, 'measureId' | 'measureVersion'>) => `${result.measureId}@${result.measureVersion}`;

/** The (id, version) of each measure's latest result: the rules each measure is judged by. */
export function latestVersions(results: readonly MeasureResult[]): { id: string; version: number }[] {
  const latest = new Map<string, MeasureResult>();
  for (const result of results) latest.set(result.measureId, result);
  return [...latest.values()].map((result) => ({ id: result.measureId, version: result.measureVersion }));
}

/**
 * Every alert about a client now: for each measure, what its latest result says against the earlier
 * ones, plus a rupture noted in the latest session. Each carries its acknowledgement, if given.
 */
export function computeClientAlerts({ results, definitions, latestSession, acknowledgements }: AlertInputs): ClientAlert[] {
  const byMeasure = new Map<string, MeasureResult[]>();
  for (const result of results) {
    const list = byMeasure.get(result.measureId);
    if (list) list.push(result);
    else byMeasure.set(result.measureId, [result]);
  }
  const sessionInfo = new Map(results.map((result) => [result.sessionId ?? result.id, { noteId: result.noteId, date: result.takenOn }]));

  const found: { alert: MeasureAlert; name: string }[] = [];
  for (const list of byMeasure.values()) {
    const definition = definitions.get(definitionKey(list[list.length - 1]!));
    if (!definition) continue;
    for (const alert of latestAlerts(definition, list.map(pointOf))) found.push({ alert, name: definition.shortName });
  }
  if (latestSession?.ruptureNoted) {
    sessionInfo.set(latestSession.sessionId, { noteId: latestSession.noteId, date: latestSession.date });
    found.push({
      name: 'Session note',
      alert: {
        kind: 'rupture',
        measureId: 'note',
        measureKind: 'alliance',
        reason: `A rupture was noted in the session on ${formatDay(latestSession.date)}.`,
        sessionIds: [latestSession.sessionId],
        date: latestSession.date,
        severity: 'notice',
        subject: null,
      },
    });
  }

  return found
    .map(({ alert, name }): ClientAlert => {
      const key = alertKey(alert);
      return {
        key,
        kind: alert.kind,
        measureId: alert.measureId,
        measureName: name,
        reason: alert.reason,
        date: alert.date,
        severity: alert.severity,
        sessions: alert.sessionIds.map((sessionId) => ({ sessionId, noteId: sessionInfo.get(sessionId)?.noteId ?? null, date: sessionInfo.get(sessionId)?.date ?? alert.date })),
        acknowledged: acknowledgements.get(key) ?? null,
      };
    })
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.date.localeCompare(a.date));
}

/** Latest session of each client (one query for any number of clients). */
export async function latestSessions(db: Kysely<VaultSchema>, clientIds: readonly string[] | null): Promise<Map<string, LatestSession>> {
  // The latest date per client comes from the (client, date) index alone; only the sessions on that
  // date are read, with their notes' rupture flags, and same-day ties are broken here.
  // A voided session is not the client's latest: it never happened as recorded.
  let latestDates = db
    .selectFrom('sessions')
    .select(['client_id', sql<string>`max(session_date)`.as('latest')])
    .where('id', 'not in', voidedSessionIds())
    .groupBy('client_id');
  if (clientIds) latestDates = latestDates.where('client_id', 'in', clientIds.length > 0 ? [...clientIds] : ['']);
  const rows = await db
    .selectFrom(latestDates.as('m'))
    .innerJoin('sessions as ses', (join) => join.onRef('ses.client_id', '=', 'm.client_id').onRef('ses.session_date', '=', 'm.latest'))
    .innerJoin('notes as n', 'n.session_id', 'ses.id')
    .where('ses.id', 'not in', voidedSessionIds())
    .select(['ses.client_id', 'ses.id as session_id', 'ses.session_date', 'ses.start_time', 'ses.created_at', 'n.id as note_id', sql<number | null>`json_extract(n.content, '$.rupture.noted')`.as('noted')])
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  const later = (a: (typeof rows)[number], b: (typeof rows)[number]) => (a.start_time ?? '') > (b.start_time ?? '') || ((a.start_time ?? '') === (b.start_time ?? '') && a.created_at > b.created_at);
  for (const row of rows) {
    const current = latest.get(row.client_id);
    if (!current || later(row, current)) latest.set(row.client_id, row);
  }
  return new Map(
    [...latest].map(([clientId, row]) => [clientId, { sessionId: row.session_id, noteId: row.note_id, date: row.session_date, ruptureNoted: row.noted === 1 }]),
  );
}

export async function acknowledgementsOf(db: Kysely<VaultSchema>, clientId: string | null): Promise<Map<string, Map<string, { note: string; at: string }>>> {
  let query = db.selectFrom('alert_acknowledgements').select(['client_id', 'alert_key', 'note', 'acknowledged_at']);
  if (clientId) query = query.where('client_id', '=', clientId);
  const byClient = new Map<string, Map<string, { note: string; at: string }>>();
  for (const row of await query.execute()) {
    const own = byClient.get(row.client_id) ?? new Map<string, { note: string; at: string }>();
    own.set(row.alert_key, { note: row.note, at: row.acknowledged_at });
    byClient.set(row.client_id, own);
  }
  return byClient;
}

/** The alerts of one client, read from the database. */
export async function clientAlerts(db: Kysely<VaultSchema>, clientId: string): Promise<ClientAlert[]> {
  const results = (await resultsOfClient(db, clientId)).filter(countsInSignal);
  return computeClientAlerts({
    results,
    definitions: await measureVersions(db, latestVersions(results)),
    latestSession: (await latestSessions(db, [clientId])).get(clientId) ?? null,
    acknowledgements: (await acknowledgementsOf(db, clientId)).get(clientId) ?? new Map(),
  });
}
