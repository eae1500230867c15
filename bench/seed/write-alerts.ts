import type { Kysely } from 'kysely';
import type { AlertEvent } from '../../shared/measures';
import type { VaultSchema } from '../../electron/services/database/schema';
import { ensureEngagementCurrent } from '../../electron/services/engagement/engagement-events';
import { refreshAllClientAlerts } from '../../electron/services/measures/client-alerts';
import { HISTORY_END } from './calendar';
import { hashedUuid } from './ids';
import { chunks } from './write-rows';

/**
 * The alert events the seeded history raised, derived as the services derive them (one call per
 * client, as after each recorded result). Named from client and key and dated at the end of the
 * history's day, so the same seed gives the same rows.
 */
/** The seeded history's "now": the evening of its last day. */
export const SEEDED_NOW = new Date(`${HISTORY_END}T18:00:00.000Z`);

const newId = (clientId: string, event: AlertEvent): string => hashedUuid(`${clientId}|${event.key}`);
const raisedAt = (event: AlertEvent): string => `${event.date}T18:00:00.000Z`;

export async function writeAlertEvents(db: Kysely<VaultSchema>): Promise<void> {
  await db.transaction().execute((trx) => refreshAllClientAlerts(trx, SEEDED_NOW, { newId, raisedAt }));
}

/**
 * The engagement flags as of the history's last day, after the acknowledgements (an open alliance alert
 * is one of its reasons), with the day stamped as the app stamps it: a screen opened with the clock at
 * SEEDED_NOW finds them current and writes nothing, so a checked vault keeps the rows the seed wrote.
 */
export async function writeEngagementCurrent(db: Kysely<VaultSchema>): Promise<void> {
  await ensureEngagementCurrent(db, SEEDED_NOW, { newId, raisedAt });
}

/** How long the seeded practitioner takes to look at an alert and acknowledge it. */
const REVIEWED_AFTER_DAYS = 42;

/**
 * A practice in use has acknowledged most of its history's alerts: the seeded practitioner has
 * acknowledged every alert raised more than six weeks before the client's last session, and left the
 * recent ones open, so the Dashboard (and its bench row) shows what a working caseload shows rather
 * than years of unread alerts. Ids and times come from the event, so the same seed gives the same rows.
 */
export async function acknowledgeReviewedAlerts(db: Kysely<VaultSchema>): Promise<void> {
  const lastSessions = await db.selectFrom('sessions').select(['client_id', (eb) => eb.fn.max('session_date').as('last')]).groupBy('client_id').execute();
  const lastOf = new Map(lastSessions.map((row) => [row.client_id, row.last]));
  const events = await db.selectFrom('alert_events').select(['client_id', 'alert_key', 'event_date']).orderBy('id').execute();
  const dayMs = 24 * 60 * 60 * 1000;
  const reviewed = events.filter((event) => {
    const last = lastOf.get(event.client_id);
    return last !== undefined && Date.parse(`${last}T00:00:00Z`) - Date.parse(`${event.event_date}T00:00:00Z`) > REVIEWED_AFTER_DAYS * dayMs;
  });
  const rows = reviewed.map((event) => ({
    id: hashedUuid(`ack|${event.client_id}|${event.alert_key}`),
    client_id: event.client_id,
    alert_key: event.alert_key,
    note: 'Reviewed with the client at the next session.',
    acknowledged_at: new Date(Date.parse(`${event.event_date}T18:00:00Z`) + 7 * dayMs).toISOString(),
  }));
  await db.transaction().execute(async (trx) => {
    for (const part of chunks(rows, 500)) await trx.insertInto('alert_acknowledgements').values(part).execute();
  });
}
