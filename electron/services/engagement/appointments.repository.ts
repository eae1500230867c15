import type { Kysely, Selectable } from 'kysely';
import type { AgendaItem, Appointment } from '../../../shared/engagement';
import type { AppointmentsTable, VaultSchema } from '../database/schema';

/** Booked appointments (migration 0012), each linked to the session or missed-session record it became. */

const toAppointment = (row: Selectable<AppointmentsTable>): Appointment => ({
  id: row.id,
  clientId: row.client_id,
  date: row.appointment_date,
  startTime: row.start_time,
  durationMinutes: row.duration_minutes,
  place: row.place,
  seriesId: row.series_id,
  sessionId: row.session_id,
  attendanceId: row.attendance_id,
  createdAt: row.created_at,
});

export async function insertAppointments(db: Kysely<VaultSchema>, appointments: readonly Appointment[]): Promise<void> {
  // 10 columns a row: 50 rows stay well under SQLite's bound-parameter limit.
  for (let start = 0; start < appointments.length; start += 50) {
    await db
      .insertInto('appointments')
      .values(
        appointments.slice(start, start + 50).map((a) => ({
          id: a.id,
          client_id: a.clientId,
          appointment_date: a.date,
          start_time: a.startTime,
          duration_minutes: a.durationMinutes,
          place: a.place,
          series_id: a.seriesId,
          session_id: a.sessionId,
          attendance_id: a.attendanceId,
          created_at: a.createdAt,
        })),
      )
      .execute();
  }
}

export async function appointmentRow(db: Kysely<VaultSchema>, id: string): Promise<Appointment | null> {
  const row = await db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAppointment(row) : null;
}

/** The appointment and, when asked, the later ones of its series that have not yet happened (no session or record). */
export async function deleteAppointments(db: Kysely<VaultSchema>, appointment: Appointment, andLaterInSeries: boolean): Promise<number> {
  if (!andLaterInSeries || appointment.seriesId === null) {
    const result = await db.deleteFrom('appointments').where('id', '=', appointment.id).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
  const result = await db
    .deleteFrom('appointments')
    .where('series_id', '=', appointment.seriesId)
    .where((eb) => eb.or([eb('id', '=', appointment.id), eb.and([eb('appointment_date', '>=', appointment.date), eb('session_id', 'is', null), eb('attendance_id', 'is', null)])]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function linkAppointmentSession(db: Kysely<VaultSchema>, id: string, sessionId: string): Promise<void> {
  await db.updateTable('appointments').set({ session_id: sessionId }).where('id', '=', id).execute();
}

export async function linkAppointmentAttendance(db: Kysely<VaultSchema>, id: string, attendanceId: string): Promise<void> {
  await db.updateTable('appointments').set({ attendance_id: attendanceId }).where('id', '=', id).execute();
}

/** One client's appointments, or every client's when `clientId` is null, in date order. */
export async function appointmentsInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<Appointment[]> {
  const rows = await db
    .selectFrom('appointments')
    .selectAll()
    .$if(clientId !== null, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('appointment_date')
    .orderBy('start_time')
    .orderBy('created_at')
    .execute();
  return rows.map(toAppointment);
}

/** Appointments from `from` to `to` (inclusive) across the practice, with the client's code and name. */
export async function appointmentsInRange(db: Kysely<VaultSchema>, range: { from: string; to: string }): Promise<AgendaItem[]> {
  const rows = await db
    .selectFrom('appointments as a')
    .innerJoin('clients as c', 'c.id', 'a.client_id')
    .selectAll('a')
    .select(['c.code', 'c.legal_name', 'c.preferred_name'])
    .where('a.appointment_date', '>=', range.from)
    .where('a.appointment_date', '<=', range.to)
    .orderBy('a.appointment_date')
    .orderBy('a.start_time')
    .orderBy('c.code')
    .execute();
  return rows.map((row) => ({ ...toAppointment(row), clientCode: row.code, clientName: row.preferred_name || row.legal_name }));
}
