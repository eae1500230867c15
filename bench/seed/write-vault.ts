import type { Kysely } from 'kysely';
import type { VaultSchema } from '../../electron/services/database/schema';
import { activityEntries, chainedRows } from './activity';
import type { PracticePlan } from './plan-types';
import { acknowledgeReviewedAlerts, writeAlertEvents, writeEngagementCurrent } from './write-alerts';
import { writeClients } from './write-clients';
import { writeMedications } from './write-medications';
import { chunks } from './write-rows';
import { writeSessions } from './write-sessions';

/*
 * Writes a planned practice into an open vault. Rows are written the way the services write them and
 * with their own helpers (client columns and tags, the client/goal search rows, note hashes, the
 * note search index, the chained activity log), but in a few large transactions instead of one
 * service call (and one fsync) per record, which would take many minutes for 20,000 sessions.
 * Clients (with their follow-up records), sessions, medications and alerts are written by write-clients.ts
 * (write-engagement.ts), write-sessions.ts, write-medications.ts and write-alerts.ts.
 */

export interface WriteProgress {
  phase: 'clients' | 'sessions' | 'activity log';
  done: number;
  total: number;
}

export interface WriteTotals {
  clients: number;
  goals: number;
  diagnoses: number;
  sessions: number;
  attended: number;
  notes: number;
  signed: number;
  drafts: number;
  measureResults: number;
  addenda: number;
  activityEntries: number;
  medications: number;
  medicationEvents: number;
  allergies: number;
  followUpPlans: number;
  appointments: number;
  missedSessions: number;
  contacts: number;
  /** Characters of searchable note text, over all notes. */
  noteTextChars: number;
}

async function writeActivity(db: Kysely<VaultSchema>, plan: PracticePlan, totals: WriteTotals, progress: (p: WriteProgress) => void): Promise<void> {
  const rows = chainedRows(activityEntries(plan));
  await db.transaction().execute(async (trx) => {
    let done = 0;
    for (const part of chunks(rows, 500)) {
      await trx.insertInto('activity_log').values(part).execute();
      done += part.length;
      if (done % 10_000 < 500 || done === rows.length) progress({ phase: 'activity log', done, total: rows.length });
    }
  });
  totals.activityEntries = rows.length;
}

function engagementTotals(plan: PracticePlan): Pick<WriteTotals, 'followUpPlans' | 'appointments' | 'missedSessions' | 'contacts'> {
  const count = (of: (client: PracticePlan['clients'][number]) => number) => plan.clients.reduce((sum, client) => sum + of(client), 0);
  return {
    followUpPlans: count((client) => (client.engagement.plan ? 1 : 0)),
    appointments: count((client) => client.engagement.appointments.length),
    missedSessions: count((client) => client.engagement.missed.length),
    contacts: count((client) => client.engagement.contacts.length),
  };
}

/** Writes `plan` into the (new, empty) vault behind `db`. */
export async function writePractice(db: Kysely<VaultSchema>, plan: PracticePlan, progress: (p: WriteProgress) => void = () => undefined): Promise<WriteTotals> {
  const totals: WriteTotals = {
    clients: plan.clients.length,
    goals: plan.clients.reduce((sum, c) => sum + c.goals.length, 0),
    diagnoses: plan.clients.reduce((sum, c) => sum + c.diagnoses.length, 0),
    sessions: 0,
    attended: 0,
    notes: 0,
    signed: 0,
    drafts: 0,
    measureResults: plan.clients.reduce((sum, c) => sum + c.intakeMeasures.length, 0),
    addenda: 0,
    activityEntries: 0,
    medications: 0,
    medicationEvents: 0,
    allergies: 0,
    ...engagementTotals(plan),
    noteTextChars: 0,
  };
  await writeClients(db, plan, progress);
  await writeSessions(db, plan, totals, progress);
  Object.assign(totals, await writeMedications(db, plan));
  await writeAlertEvents(db);
  await acknowledgeReviewedAlerts(db);
  await writeEngagementCurrent(db);
  await writeActivity(db, plan, totals, progress);
  return totals;
}
