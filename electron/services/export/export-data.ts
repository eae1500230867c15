import type { Kysely } from 'kysely';
import { DATA_EXPORT_FORMAT, DATA_EXPORT_FORMAT_VERSION, type DataExport } from '../../../shared/data-export';
import type { MeasureDefinition } from '../../../shared/measures/definition';
import { richTextToPlain } from '../../../shared/rich-text';
import { activityInScope } from '../activity/activity-log.repository';
import { clientsInScope } from '../clients/clients.repository';
import { clientNotFound } from '../clients/client-store';
import { diagnosesInScope } from '../clients/diagnoses.repository';
import { goalsInScope, goalStatusChangesInScope } from '../clients/goals.repository';
import type { VaultSchema } from '../database/schema';
import { appointmentsInScope } from '../engagement/appointments.repository';
import { attendanceRecordsInScope } from '../engagement/attendance-records.repository';
import { contactsInScope } from '../engagement/contacts.repository';
import { plansInScope } from '../engagement/follow-up-plans.repository';
import { readSettings } from '../database/settings.repository';
import { acknowledgementsInScope } from '../measures/alert-acknowledgements.repository';
import { allEvents } from '../measures/alert-events.repository';
import { measureVersions } from '../measures/measure-definitions.repository';
import { storedResultsInScope } from '../measures/measure-results.repository';
import { allergiesInScope } from '../medications/allergies.repository';
import { medicationsInScope } from '../medications/medication-list';
import { addendaInScope } from '../notes/addenda.repository';
import { notesInScope } from '../notes/notes.repository';
import { sessionsInScope } from '../notes/sessions.repository';
import {
  exportedAddendum,
  exportedAllergy,
  exportedAppointment,
  exportedClient,
  exportedContact,
  exportedMedication,
  exportedMissedSession,
  exportedNote,
  exportedResult,
  templatesOf,
} from './export-records';

export interface GatherOptions {
  /** One client, or null for the whole practice. */
  clientId: string | null;
  includeProcessNotes: boolean;
  exportedAt: Date;
  appVersion: string;
}

/**
 * Reads everything an open-format export holds into the documented `data.json` shape
 * (shared/data-export.ts), in a stable order (clients by code, then by date) so two exports of the
 * same data compare equal line by line.
 *
 * Left out on purpose: the search index (derived from the records), backup settings and history
 * (about this machine, and the backup passphrase is a secret), migration bookkeeping, and the
 * activity log's hash chain. The log itself is included as plain entries, because who changed what
 * and when is part of a clinical record; its hashes are not, because a chain only verifies over the
 * whole unfiltered log in the app's own canonical form, which a one-client export cannot be, and a
 * vault backup is the copy to verify.
 *
 * Process notes are not even read from the database unless they were asked for, so they cannot
 * reach a file by a slip further down.
 */
export async function gatherExportData(db: Kysely<VaultSchema>, options: GatherOptions): Promise<DataExport> {
  const { clientId, includeProcessNotes } = options;

  const clients = await clientsInScope(db, clientId);
  if (clientId !== null && clients.length === 0) throw clientNotFound();
  const clientOrder = new Map(clients.map((client, index) => [client.id, index]));
  // Each kind of record grouped by client in the clients' order, keeping its own order within a client.
  const byClient = <T extends { clientId: string }>(records: T[]): T[] => inOrderOf(records, (record) => clientOrder.get(record.clientId));

  const diagnoses = byClient(await diagnosesInScope(db, clientId));
  const goals = byClient(await goalsInScope(db, clientId));
  const goalOrder = new Map(goals.map((goal, index) => [goal.id, index]));
  const goalStatusChanges = inOrderOf(await goalStatusChangesInScope(db, clientId), (change) => goalOrder.get(change.goalId));

  const sessions = byClient(await sessionsInScope(db, clientId));
  const sessionOrder = new Map(sessions.map((session, index) => [session.id, index]));
  const noteRecords = inOrderOf(await notesInScope(db, clientId, { withProcessNotes: includeProcessNotes }), (note) => sessionOrder.get(note.sessionId));
  const notes = noteRecords.map(exportedNote);
  const noteOrder = new Map(notes.map((note, index) => [note.id, index]));

  const addenda = inOrderOf(await addendaInScope(db, clientId), (addendum) => noteOrder.get(addendum.noteId));
  for (const addendum of addenda) {
    const voidedNote = addendum.kind === 'void' ? notes[noteOrder.get(addendum.noteId) ?? -1] : undefined;
    if (voidedNote) voidedNote.voided = { at: addendum.signedAt, reason: richTextToPlain(addendum.text).trim() };
  }

  const results = byClient(await storedResultsInScope(db, clientId).then((stored) => stored.map(exportedResult)));
  const definitions = await usedMeasureDefinitions(db, results.map((result) => ({ id: result.measureId, version: result.measureVersion })));
  const acknowledgements = byClient(await acknowledgementsInScope(db, clientId));
  const events = await allEvents(db, clientId);
  // Within a client, in the order they were started (then by name), as a history reads.
  const medications = byClient((await medicationsInScope(db, clientId)).sort((a, b) => (a.history[0]?.date ?? '').localeCompare(b.history[0]?.date ?? '') || a.name.localeCompare(b.name)));
  const allergies = byClient(await allergiesInScope(db, clientId));
  const plans = new Map((await plansInScope(db, clientId)).map((plan) => [plan.clientId, plan]));
  const appointments = byClient(await appointmentsInScope(db, clientId));
  const missedSessions = byClient(await attendanceRecordsInScope(db, clientId));
  const contacts = byClient(await contactsInScope(db, clientId));
  const activityLog = await activityInScope(db, clientId);
  const settings = await readSettings(db);

  return {
    format: DATA_EXPORT_FORMAT,
    formatVersion: DATA_EXPORT_FORMAT_VERSION,
    exportedAt: options.exportedAt.toISOString(),
    appVersion: options.appVersion,
    scope: { clientId, includesProcessNotes: includeProcessNotes },
    practice: {
      practitionerName: settings.practitionerName,
      credentials: settings.credentials,
      practiceName: settings.practiceName,
      licenceNumber: settings.licenceNumber,
      practiceContact: settings.practiceContact,
    },
    clients: clients.map((client) => exportedClient(client, plans.get(client.id) ?? null)),
    diagnoses: diagnoses.map((d) => ({ id: d.id, clientId: d.clientId, code: d.code, label: d.label, dateAdded: d.dateAdded, dateRemoved: d.dateRemoved, createdAt: d.createdAt })),
    goals: goals.map((goal) => ({
      id: goal.id,
      clientId: goal.clientId,
      text: goal.text,
      objective: goal.objective,
      status: goal.status,
      dateSet: goal.dateSet,
      targetDate: goal.targetDate,
      position: goal.position,
      createdAt: goal.createdAt,
      updatedAt: goal.updatedAt,
    })),
    goalStatusChanges: goalStatusChanges.map((change) => ({
      goalId: change.goalId,
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      effectiveDate: change.date,
      recordedAt: change.recordedAt,
    })),
    sessions,
    notes,
    addenda: addenda.map(exportedAddendum),
    measureResults: results,
    measureDefinitions: definitions,
    templates: templatesOf(noteRecords),
    alertAcknowledgements: acknowledgements,
    alertEvents: events.map((event) => ({
      id: event.id,
      clientId: event.clientId,
      alertKey: event.key,
      kind: event.kind,
      measureId: event.measureId,
      measureName: event.measureName,
      rater: event.rater,
      severity: event.severity,
      reason: event.reason,
      date: event.date,
      sessionIds: event.sessions.map((session) => session.sessionId),
      subject: event.subject,
      raisedAt: event.raisedAt,
    })),
    medications: medications.map(exportedMedication),
    allergies: allergies.map(exportedAllergy),
    appointments: appointments.map(exportedAppointment),
    missedSessions: missedSessions.map(exportedMissedSession),
    contacts: contacts.map(exportedContact),
    activityLog,
  };
}

/** Stably sorted by the place `placeOf` gives each record (records without one first, as place 0). */
function inOrderOf<T>(records: T[], placeOf: (record: T) => number | undefined): T[] {
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => (placeOf(a.record) ?? 0) - (placeOf(b.record) ?? 0) || a.index - b.index)
    .map(({ record }) => record);
}

/** Exactly the (id, version) pairs results were scored with, built-in ones included. */
async function usedMeasureDefinitions(db: Kysely<VaultSchema>, used: readonly { id: string; version: number }[]): Promise<MeasureDefinition[]> {
  const wanted = new Map(used.map((pair) => [`${pair.id}@${pair.version}`, pair]));
  if (wanted.size === 0) return [];
  const found = await measureVersions(db, [...wanted.values()]);
  return [...wanted.keys()]
    .map((key) => found.get(key))
    .filter((definition): definition is MeasureDefinition => definition !== undefined)
    .sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}
