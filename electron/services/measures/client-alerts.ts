import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { byUrgency, clientAlertEvents, type AlertEvent, type MeasureDefinition } from '../../../shared/measures';
import { countsInSignal, type ClientAlert, type MeasureResult } from '../../../shared/measure-records';
import { allClientIds } from '../clients/clients.repository';
import type { VaultSchema } from '../database/schema';
import { medicationsInScope } from '../medications/medication-list';
import { signedReviewsOfClient } from '../medications/medication-reviews.repository';
import { ruptureSessionsOfClient } from '../notes/sessions.repository';
import { ENGAGEMENT_MEASURE_ID } from '../../../shared/engagement-flag';
import { refreshEngagement } from '../engagement/engagement-events';
import { acknowledgementsOfClient, type Acknowledgement } from './alert-acknowledgements.repository';
import { deleteEvents, eventColumns, eventsOfClient, insertEvents, updateEvent } from './alert-events.repository';
import { measureVersions } from './measure-definitions.repository';
import { resultsOfClient } from './measure-results.repository';

/**
 * A client's alerts are derived from their whole history by the shared rules (clientAlertEvents) and
 * stored, so an alert raised by one result stays open, until acknowledged, whatever later results say.
 * Every write that can change what the rules see calls refreshClientAlerts in its own transaction.
 */

/** The (id, version) of each measure's latest result: the rules each measure is judged by. */
export function latestVersions(results: readonly Pick<MeasureResult, 'measureId' | 'measureVersion'>[]): { id: string; version: number }[] {
  const latest = new Map<string, number>();
  for (const result of results) latest.set(result.measureId, result.measureVersion);
  return [...latest].map(([id, version]) => ({ id, version }));
}

/** Looks a measure up by id among the versions `latestVersions` named. */
export function definitionLookup(results: readonly MeasureResult[], definitions: ReadonlyMap<string, MeasureDefinition>): (measureId: string) => MeasureDefinition | undefined {
  const versions = new Map(latestVersions(results).map(({ id, version }) => [id, version]));
  return (measureId) => definitions.get(`${measureId}@${versions.get(measureId)}`);
}

/** What the rules say of the client's history now, read from the database. */
export async function recomputedEvents(db: Kysely<VaultSchema>, clientId: string): Promise<AlertEvent[]> {
  const results = (await resultsOfClient(db, clientId)).filter(countsInSignal);
  const definitions = await measureVersions(db, latestVersions(results));
  const reviews = await signedReviewsOfClient(db, clientId);
  // The names are read only for a client with reviews: most clients of a non-prescriber have none.
  const names = new Map(reviews.length > 0 ? (await medicationsInScope(db, clientId)).map((medication) => [medication.id, medication.name]) : []);
  return clientAlertEvents({
    results,
    definitionOf: definitionLookup(results, definitions),
    ruptures: await ruptureSessionsOfClient(db, clientId),
    medicationReviews: reviews.map(({ sessionId, noteId, date, review }) => ({ session: { sessionId, noteId, date }, items: review.items })),
    medicationName: (id) => names.get(id) ?? 'A medication no longer listed',
  });
}

/** How new events are named and dated; the seeded practice names them from their keys, so its rows repeat. */
export interface RefreshOptions {
  newId?: (clientId: string, event: AlertEvent) => string;
  raisedAt?: (event: AlertEvent) => string;
}

/**
 * Brings the client's stored events in line with their history: new events are stored (raised `at`),
 * changed ones rewritten (a later value appended to the reason, say), and those whose basis is gone
 * (a result struck out or removed, a session voided or deleted) deleted. Call it inside the write's transaction.
 */
export async function refreshClientAlerts(db: Kysely<VaultSchema>, clientId: string, at: Date, options: RefreshOptions = {}): Promise<void> {
  const wanted = new Map((await recomputedEvents(db, clientId)).map((event) => [event.key, event]));
  // The engagement flag has rules of its own (refreshEngagement, below).
  const stored = (await eventsOfClient(db, clientId)).filter((event) => event.measureId !== ENGAGEMENT_MEASURE_ID);
  const gone: string[] = [];
  for (const existing of stored) {
    const event = wanted.get(existing.key);
    wanted.delete(existing.key);
    if (!event) gone.push(existing.id);
    else if (JSON.stringify(eventColumns(event)) !== JSON.stringify(eventColumns(existing))) await updateEvent(db, existing.id, event);
  }
  await deleteEvents(db, gone);
  const newId = options.newId ?? (() => randomUUID());
  const raisedAt = options.raisedAt ?? (() => at.toISOString());
  await insertEvents(db, [...wanted.values()].map((event) => ({ id: newId(clientId, event), clientId, event, raisedAt: raisedAt(event) })));
  // Open alliance alerts and the sessions these writes change are reasons of the engagement flag.
  await refreshEngagement(db, clientId, at, { newId: (event) => newId(clientId, event), raisedAt });
}

/** Every client's events, from their history: for vaults made before events were stored, and the seeded practice. */
export async function refreshAllClientAlerts(db: Kysely<VaultSchema>, at: Date, options: RefreshOptions = {}): Promise<void> {
  for (const id of await allClientIds(db)) await refreshClientAlerts(db, id, at, options);
}

export const toClientAlert = (event: AlertEvent, acknowledged: Acknowledgement | null): ClientAlert => ({
  key: event.key,
  kind: event.kind,
  measureId: event.measureId,
  measureName: event.measureName,
  rater: event.rater,
  reason: event.reason,
  date: event.date,
  severity: event.severity,
  sessions: event.sessions,
  acknowledged,
});

/** The stored alerts of one client with their acknowledgements, open ones first, then most urgent. */
export async function clientAlerts(db: Kysely<VaultSchema>, clientId: string): Promise<ClientAlert[]> {
  const acknowledgements = await acknowledgementsOfClient(db, clientId);
  return (await eventsOfClient(db, clientId))
    .sort(byUrgency)
    .map((event) => toClientAlert(event, acknowledgements.get(event.key) ?? null))
    .sort((a, b) => Number(a.acknowledged !== null) - Number(b.acknowledged !== null));
}
