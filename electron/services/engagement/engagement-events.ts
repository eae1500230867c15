import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { localIsoDate } from '../../../shared/dates';
import { engagementEvent, ENGAGEMENT_MEASURE_ID } from '../../../shared/engagement-flag';
import { overdueSince } from '../../../shared/engagement-rules';
import type { Settings } from '../../../shared/contract';
import type { AlertEvent } from '../../../shared/measures';
import { allClientIds, clientRow } from '../clients/clients.repository';
import type { VaultSchema } from '../database/schema';
import { readSettings, readSettingTexts, writeSettingText } from '../database/settings.repository';
import { acknowledgementsOfClient } from '../measures/alert-acknowledgements.repository';
import { deleteEvents, eventColumns, eventsOfClient, eventsOfMeasureWithStatus, insertEvents, updateEvent, type StoredAlertEvent } from '../measures/alert-events.repository';
import { latestMeasure } from '../measures/measure-definitions.repository';
import { planOfClient, plansOfActiveClients } from './follow-up-plans.repository';
import { attendanceOfClient, engagementNotesOfClient } from './engagement-facts.repository';

/**
 * The engagement flag, stored as an alert event (kind 'engagement') beside the alliance alerts. Unlike
 * them it also changes with the calendar (a client becomes overdue with no write at all), so besides
 * every write that changes what it reads, it is brought up to date for the whole practice once a day
 * and whenever its thresholds change (ensureEngagementCurrent, called by the screens that list it).
 */

/** Alert kinds about the alliance that, while open, are a reason to flag engagement. */
const ALLIANCE_ALERT_KINDS = new Set(['rupture', 'divergence']);

/** The flag the rules raise for the client today, or null (always null for a paused or discharged client). */
export async function wantedEngagementEvent(db: Kysely<VaultSchema>, clientId: string, today: string): Promise<AlertEvent | null> {
  return wantedGiven(db, clientId, today, await eventsOfClient(db, clientId));
}

/** The wanted flag, from the client's stored events as already read. */
async function wantedGiven(db: Kysely<VaultSchema>, clientId: string, today: string, stored: readonly StoredAlertEvent[]): Promise<AlertEvent | null> {
  const client = await clientRow(db, clientId);
  if (!client || client.status !== 'active') return null;
  const settings = (await readSettings(db)).engagement;
  const acknowledged = await acknowledgementsOfClient(db, clientId);
  const open = stored.filter((event) => event.kind !== 'engagement' && !acknowledged.has(event.key));
  const allianceMeasures = new Set<string>();
  for (const id of new Set(open.map((event) => event.measureId))) {
    if ((await latestMeasure(db, id))?.kind === 'alliance') allianceMeasures.add(id);
  }
  return engagementEvent(
    {
      attendance: await attendanceOfClient(db, clientId),
      plan: await planOfClient(db, clientId),
      notes: await engagementNotesOfClient(db, clientId, Math.max(settings.homeworkNotDoneRun, settings.ruptureWithinNotes)),
      openAllianceAlerts: open.filter((event) => ALLIANCE_ALERT_KINDS.has(event.kind) || allianceMeasures.has(event.measureId)),
    },
    settings,
    today,
  );
}

/** How new events are named and dated; the seeded practice names them from their keys, so its rows repeat. */
export interface EngagementEventOptions {
  newId?: (event: AlertEvent) => string;
  raisedAt?: (event: AlertEvent) => string;
}

/**
 * Brings the client's stored engagement event in line with the rules: stored when raised, rewritten
 * when its wording changed, deleted when no reason holds. Call it inside the write's transaction.
 */
export async function refreshEngagement(db: Kysely<VaultSchema>, clientId: string, at: Date, options: EngagementEventOptions = {}): Promise<void> {
  const events = await eventsOfClient(db, clientId);
  const wanted = await wantedGiven(db, clientId, localIsoDate(at), events);
  const stored = events.filter((event) => event.measureId === ENGAGEMENT_MEASURE_ID);
  const keep = stored.find((event) => event.key === wanted?.key);
  await deleteEvents(db, stored.filter((event) => event !== keep).map((event) => event.id));
  if (!wanted) return;
  if (keep) {
    if (JSON.stringify(eventColumns(keep)) !== JSON.stringify(eventColumns(wanted))) await updateEvent(db, keep.id, wanted);
    return;
  }
  await insertEvents(db, [{ id: options.newId?.(wanted) ?? randomUUID(), clientId, event: wanted, raisedAt: options.raisedAt?.(wanted) ?? at.toISOString() }]);
}

/** The settings key holding the day and thresholds the whole practice's flags were last brought up to date for. */
const STAMP_KEY = 'engagementCurrentFor';
/** The settings key of the thresholds (Settings → Engagement). */
const ENGAGEMENT_SETTINGS_KEY = 'engagement' satisfies keyof Settings;

/**
 * Keeps every client's flag current when the day or the thresholds changed since the last time: one
 * settings read otherwise. New thresholds (or a vault never stamped) refresh every client. A new day
 * can change only whether a client is overdue (the other reasons change with writes, which refresh
 * the flag themselves, and the overdue reason is worded by the day it began, not by today), so then
 * only the clients whose overdue state differs from their stored flag are refreshed: two reads for the
 * practice and a refresh for the few who crossed the line that day.
 */
export async function ensureEngagementCurrent(
  db: Kysely<VaultSchema>,
  at: Date,
  options: { newId?: (clientId: string, event: AlertEvent) => string; raisedAt?: EngagementEventOptions['raisedAt'] } = {},
): Promise<void> {
  // One read for both: the thresholds as stored (absent while the defaults hold) and the stamp.
  const texts = await readSettingTexts(db, [ENGAGEMENT_SETTINGS_KEY, STAMP_KEY]);
  const thresholds = texts.get(ENGAGEMENT_SETTINGS_KEY) ?? null;
  const stamp = JSON.stringify({ day: localIsoDate(at), thresholds });
  const stored = texts.get(STAMP_KEY);
  if (stored === stamp) return;
  const sameThresholds = stored !== undefined && (JSON.parse(stored) as { thresholds?: unknown }).thresholds === thresholds;
  await db.transaction().execute(async (trx) => {
    const clientIds = sameThresholds ? await clientsCrossingOverdue(trx, localIsoDate(at)) : await allClientIds(trx);
    for (const id of clientIds) {
      const { newId, raisedAt } = options;
      await refreshEngagement(trx, id, at, { raisedAt, newId: newId && ((event) => newId(id, event)) });
    }
    await writeSettingText(trx, STAMP_KEY, stamp, at);
  });
}

/** Clients whose overdue state today differs from their stored flag, and stored flags of clients no longer active. */
async function clientsCrossingOverdue(db: Kysely<VaultSchema>, today: string): Promise<string[]> {
  const { graceDays } = (await readSettings(db)).engagement;
  const flags = await eventsOfMeasureWithStatus(db, ENGAGEMENT_MEASURE_ID);
  const flaggedOverdue = new Set(flags.filter((flag) => flag.active && (flag.subject ?? '').split(',').includes('overdue')).map((flag) => flag.clientId));
  const crossing = new Set(flags.filter((flag) => !flag.active).map((flag) => flag.clientId));
  const withPlan = new Set<string>();
  for (const plan of await plansOfActiveClients(db)) {
    withPlan.add(plan.clientId);
    const since = overdueSince(plan, plan.lastSeen, graceDays);
    if ((since !== null && since <= today) !== flaggedOverdue.has(plan.clientId)) crossing.add(plan.clientId);
  }
  for (const id of flaggedOverdue) if (!withPlan.has(id)) crossing.add(id);
  return [...crossing].sort();
}
