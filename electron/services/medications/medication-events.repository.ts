import type { Kysely, Selectable } from 'kysely';
import type { MedicationEvent, MedicationEventKind, PrescriberKind } from '../../../shared/medications';
import type { MedicationEventsTable, VaultSchema } from '../database/schema';

/** The `medication_events` table: every dated change of a medication, never updated, and its mapping to `MedicationEvent`. */
export type MedicationEventRow = Selectable<MedicationEventsTable>;

export const medicationEventOf = (row: MedicationEventRow): MedicationEvent => ({
  id: row.id,
  medicationId: row.medication_id,
  kind: row.kind as MedicationEventKind,
  date: row.event_date,
  reason: row.reason,
  regimen: {
    dose: row.dose,
    formRoute: row.form_route,
    schedule: row.schedule,
    asNeeded: row.as_needed === 1,
    dosesPerDay: row.doses_per_day,
    prescriber: row.prescriber as PrescriberKind,
    prescriberName: row.prescriber_name,
    indication: row.indication,
  },
  sessionId: row.session_id,
  noteId: row.note_id,
  recordedAt: row.recorded_at,
});

/** The row of an event; `seq` orders it after the medication's events already stored. */
export const medicationEventRowOf = (event: MedicationEvent, clientId: string, seq: number): MedicationEventRow => ({
  id: event.id,
  medication_id: event.medicationId,
  client_id: clientId,
  kind: event.kind,
  event_date: event.date,
  reason: event.reason,
  dose: event.regimen.dose,
  form_route: event.regimen.formRoute,
  schedule: event.regimen.schedule,
  as_needed: event.regimen.asNeeded ? 1 : 0,
  doses_per_day: event.regimen.dosesPerDay,
  prescriber: event.regimen.prescriber,
  prescriber_name: event.regimen.prescriberName,
  indication: event.regimen.indication,
  session_id: event.sessionId,
  note_id: event.noteId,
  seq,
  recorded_at: event.recordedAt,
});

export async function insertMedicationEvent(trx: Kysely<VaultSchema>, event: MedicationEvent, clientId: string): Promise<void> {
  const last = await trx.selectFrom('medication_events').select(({ fn }) => fn.max<number | null>('seq').as('seq')).where('medication_id', '=', event.medicationId).executeTakeFirst();
  await trx.insertInto('medication_events').values(medicationEventRowOf(event, clientId, (last?.seq ?? 0) + 1)).execute();
}

/** One medication's events, oldest first. */
export async function eventsOfMedication(db: Kysely<VaultSchema>, medicationId: string): Promise<MedicationEvent[]> {
  const rows = await db.selectFrom('medication_events').selectAll().where('medication_id', '=', medicationId).orderBy('event_date').orderBy('seq').execute();
  return rows.map(medicationEventOf);
}

/** One client's events (every client's when `clientId` is null), oldest first within each medication. */
export async function medicationEventsInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<(MedicationEvent & { clientId: string })[]> {
  const rows = await db
    .selectFrom('medication_events')
    .selectAll()
    .$if(clientId !== null, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('client_id')
    .orderBy('medication_id')
    .orderBy('event_date')
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({ ...medicationEventOf(row), clientId: row.client_id }));
}
