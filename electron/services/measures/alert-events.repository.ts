import type { Kysely, Selectable } from 'kysely';
import type { AlertEvent, AlertKind, AlertSession, AlertSeverity, Rater } from '../../../shared/measures';
import type { AlertEventsTable, VaultSchema } from '../database/schema';

/** Stored alert events (migration 0010): what a client's history raised, one row per alert key. */

export type StoredAlertEvent = AlertEvent & { id: string; clientId: string; raisedAt: string };

const rowToEvent = (row: Selectable<AlertEventsTable>): StoredAlertEvent => ({
  id: row.id,
  clientId: row.client_id,
  key: row.alert_key,
  kind: row.kind as AlertKind,
  measureId: row.measure_id,
  measureName: row.measure_name,
  rater: row.rater as Rater,
  severity: row.severity as AlertSeverity,
  reason: row.reason,
  date: row.event_date,
  sessions: JSON.parse(row.sessions) as AlertSession[],
  subject: row.subject,
  raisedAt: row.raised_at,
});

/** The columns an event's content fills; what a refresh compares and rewrites. */
export const eventColumns = (event: AlertEvent) => ({
  kind: event.kind,
  measure_id: event.measureId,
  measure_name: event.measureName,
  rater: event.rater,
  severity: event.severity,
  reason: event.reason,
  event_date: event.date,
  sessions: JSON.stringify(event.sessions),
  subject: event.subject,
});

export async function eventsOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<StoredAlertEvent[]> {
  return (await db.selectFrom('alert_events').selectAll().where('client_id', '=', clientId).execute()).map(rowToEvent);
}

/** Every active client's events that no acknowledgement matches: one query for the whole caseload. */
export async function openEventsOfActiveClients(db: Kysely<VaultSchema>): Promise<StoredAlertEvent[]> {
  const rows = await db
    .selectFrom('alert_events as e')
    .innerJoin('clients as c', 'c.id', 'e.client_id')
    .selectAll('e')
    .where('c.status', '=', 'active')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('alert_acknowledgements as a').select('a.id').whereRef('a.client_id', '=', 'e.client_id').whereRef('a.alert_key', '=', 'e.alert_key'))),
    )
    .execute();
  return rows.map(rowToEvent);
}

/** Every client's stored events of one measure id (the engagement flags), with the client's status. */
export async function eventsOfMeasureWithStatus(db: Kysely<VaultSchema>, measureId: string): Promise<{ clientId: string; subject: string | null; active: boolean }[]> {
  const rows = await db
    .selectFrom('alert_events as e')
    .innerJoin('clients as c', 'c.id', 'e.client_id')
    .select(['e.client_id', 'e.subject', 'c.status'])
    .where('e.measure_id', '=', measureId)
    .execute();
  return rows.map((row) => ({ clientId: row.client_id, subject: row.subject, active: row.status === 'active' }));
}

/** Every stored event, for the export (optionally one client's). */
export async function allEvents(db: Kysely<VaultSchema>, clientId: string | null): Promise<StoredAlertEvent[]> {
  let query = db.selectFrom('alert_events').selectAll().orderBy('client_id').orderBy('event_date').orderBy('alert_key');
  if (clientId) query = query.where('client_id', '=', clientId);
  return (await query.execute()).map(rowToEvent);
}

export async function insertEvents(db: Kysely<VaultSchema>, rows: { id: string; clientId: string; event: AlertEvent; raisedAt: string }[]): Promise<void> {
  // 14 columns a row: 60 rows stay well under SQLite's bound-parameter limit.
  for (let start = 0; start < rows.length; start += 60) {
    await db
      .insertInto('alert_events')
      .values(rows.slice(start, start + 60).map(({ id, clientId, event, raisedAt }) => ({ id, client_id: clientId, alert_key: event.key, raised_at: raisedAt, ...eventColumns(event) })))
      .execute();
  }
}

export async function updateEvent(db: Kysely<VaultSchema>, id: string, event: AlertEvent): Promise<void> {
  await db.updateTable('alert_events').set(eventColumns(event)).where('id', '=', id).execute();
}

export async function deleteEvents(db: Kysely<VaultSchema>, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('alert_events').where('id', 'in', [...ids]).execute();
}
