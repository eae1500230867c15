import type { Insertable } from 'kysely';
import { entryHash, GENESIS_HASH, type NewActivityEntry } from '../../electron/services/activity/activity-log';
import { detailText } from '../../electron/services/activity/activity-chain';
import { activityRowOf } from '../../electron/services/activity/activity-log.repository';
import { changedFields } from '../../electron/services/clients/client-row';
import type { ActivityLogTable } from '../../electron/services/database/schema';
import { isoInstant } from './calendar';
import type { PracticePlan } from './plan-types';

/**
 * The activity log the services would have written over fifteen years, in time order: every client,
 * goal and diagnosis created, every medication change and allergy (kinds and dates only), every follow-up
 * plan, appointment, missed session and contact (kinds and dates only), every session
 * recorded, measure recorded, note signed and addendum added, every goal status change, diagnosis
 * ended, pause and discharge, with the same record types, field names and details the services use. Entries are chained with the app's own `entryHash`, so "Verify records"
 * finds the chain intact. Autosaves are not logged (nor are they by the service).
 */
interface TimedEntry extends NewActivityEntry {
  at: number;
  order: number;
}

export function activityEntries(plan: PracticePlan): TimedEntry[] {
  const entries: TimedEntry[] = [];
  const add = (at: number, entry: NewActivityEntry) => entries.push({ ...entry, at, order: entries.length });
  for (const client of plan.clients) {
    const clientId = client.id;
    add(client.createdAt, { action: 'create', recordType: 'client', recordId: clientId, clientId, fields: [] });
    for (const goal of client.goals) {
      add(goal.createdAt, { action: 'create', recordType: 'goal', recordId: goal.id, clientId, fields: [] });
      for (const change of goal.history.slice(1)) add(change.at, { action: 'update', recordType: 'goal', recordId: goal.id, clientId, fields: ['status'] });
    }
    for (const diagnosis of client.diagnoses) {
      add(diagnosis.createdAt, { action: 'create', recordType: 'diagnosis', recordId: diagnosis.id, clientId, fields: [] });
      if (diagnosis.removedAt !== null) add(diagnosis.removedAt, { action: 'update', recordType: 'diagnosis', recordId: diagnosis.id, clientId, fields: ['dateRemoved'] });
    }
    for (const measure of client.intakeMeasures) add(measure.createdAt, { action: 'create', recordType: 'measure', recordId: measure.id, clientId, fields: [] });
    for (const medication of client.medications) {
      for (const event of medication.events) {
        // Kinds and dates only, as the service logs them: never the medication's name or dose.
        add(event.at, { action: event.kind === 'start' ? 'create' : 'update', recordType: 'medication', recordId: medication.id, clientId, fields: [], detail: { change: event.kind, date: event.date } });
      }
    }
    for (const allergy of client.allergies) {
      add(allergy.createdAt, { action: 'create', recordType: 'allergy', recordId: allergy.id, clientId, fields: [], detail: { date: allergy.recordedOn } });
      if (allergy.removedAt !== null) add(allergy.removedAt, { action: 'update', recordType: 'allergy', recordId: allergy.id, clientId, fields: ['removedOn', 'removedReason'] });
    }
    // Follow-up records as the engagement service logs them: kinds and dates only, never a remark or a note.
    const { plan, appointments, missed, contacts } = client.engagement;
    if (plan) add(Date.parse(plan.updatedAt), { action: 'update', recordType: 'follow_up', recordId: clientId, clientId, fields: ['frequency'], detail: { kind: plan.frequency, date: plan.agreedOn } });
    for (const a of appointments) add(Date.parse(a.createdAt), { action: 'create', recordType: 'appointment', recordId: a.id, clientId, fields: [], detail: { date: a.date, kind: a.place } });
    for (const m of missed) add(Date.parse(m.createdAt), { action: 'create', recordType: 'attendance', recordId: m.id, clientId, fields: [], detail: { date: m.date, kind: m.kind } });
    for (const c of contacts) add(Date.parse(c.createdAt), { action: 'create', recordType: 'contact', recordId: c.id, clientId, fields: [], detail: { date: c.date, kind: c.kind } });
    if (client.statusChange) {
      add(client.statusChange.at, { action: 'update', recordType: 'client', recordId: clientId, clientId, fields: changedFields(client.statusChange.before, client.fields) });
    }
  }
  for (const session of plan.sessions) {
    const clientId = session.client.id;
    add(session.createdAt, { action: 'create', recordType: 'session', recordId: session.id, clientId, fields: [] });
    for (const measure of session.measures) add(measure.createdAt, { action: 'create', recordType: 'measure', recordId: measure.id, clientId, fields: [] });
    if (session.signedAt !== null) add(session.signedAt, { action: 'sign', recordType: 'note', recordId: session.noteId, clientId, fields: [] });
    if (session.addendum) add(session.addendum.at, { action: 'create', recordType: 'addendum', recordId: session.addendum.id, clientId, fields: [] });
  }
  return entries.sort((a, b) => a.at - b.at || a.order - b.order);
}

/** The entries as `activity_log` rows, numbered from 1 and chained from the genesis hash. */
export function chainedRows(entries: readonly TimedEntry[]): Insertable<ActivityLogTable>[] {
  let prevHash = GENESIS_HASH;
  return entries.map((entry, i) => {
    const content = {
      seq: i + 1,
      at: isoInstant(entry.at),
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId,
      clientId: entry.clientId,
      fields: entry.fields,
      prevHash,
      detail: detailText(entry.detail),
    };
    const hash = entryHash(content);
    prevHash = hash;
    return activityRowOf(content, hash);
  });
}
