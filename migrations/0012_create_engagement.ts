import { sql, type Kysely } from 'kysely';

/**
 * Engagement and follow-up. A follow-up plan is the session frequency agreed with the client; an
 * appointment is a booked time, linked to the session or attendance record it became; an attendance
 * record is a no-show or late cancellation, which is not a session and has no note; a contact is an
 * outreach or contact between sessions. How a discharged client's therapy ended (planned or not) is
 * kept on the client, so caseload outcomes can count drop-outs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('follow_up_plans')
    .addColumn('client_id', 'text', (col) => col.primaryKey().references('clients.id').onDelete('cascade'))
    .addColumn('frequency', 'text', (col) =>
      col.notNull().check(sql`frequency IN ('weekly', 'fortnightly', 'monthly', 'every_n_days', 'as_needed')`),
    )
    .addColumn('every_days', 'integer')
    .addColumn('agreed_on', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('attendance_records')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('record_date', 'text', (col) => col.notNull())
    .addColumn('start_time', 'text')
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind IN ('no_show', 'late_cancellation')`))
    .addColumn('remark', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('attendance_records_by_client').on('attendance_records').columns(['client_id', 'record_date']).execute();
  // Caseload outcomes count a period's missed sessions across the practice.
  await db.schema.createIndex('attendance_records_by_date').on('attendance_records').column('record_date').execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('appointment_date', 'text', (col) => col.notNull())
    .addColumn('start_time', 'text', (col) => col.notNull())
    .addColumn('duration_minutes', 'integer', (col) => col.notNull())
    .addColumn('place', 'text', (col) => col.notNull().check(sql`place IN ('in_person', 'video', 'phone')`))
    // Appointments booked together as a repeating series share this id.
    .addColumn('series_id', 'text')
    // What the appointment became: the session whose note was started from it, or the missed-session record.
    .addColumn('session_id', 'text', (col) => col.references('sessions.id').onDelete('set null'))
    .addColumn('attendance_id', 'text', (col) => col.references('attendance_records.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  // The Dashboard's "Today and this week" reads a date range across the practice.
  await db.schema.createIndex('appointments_by_date').on('appointments').columns(['appointment_date', 'start_time']).execute();
  await db.schema.createIndex('appointments_by_client').on('appointments').columns(['client_id', 'appointment_date']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('contact_date', 'text', (col) => col.notNull())
    .addColumn('start_time', 'text')
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind IN ('phone', 'message', 'letter', 'email', 'other')`))
    .addColumn('direction', 'text', (col) => col.notNull().check(sql`direction IN ('to_client', 'from_client', 'with_professional')`))
    .addColumn('professional', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('contacts_by_client').on('contacts').columns(['client_id', 'contact_date']).execute();

  await db.schema
    .alterTable('clients')
    .addColumn('discharge_kind', 'text', (col) => col.check(sql`discharge_kind IN ('planned', 'unplanned')`))
    .execute();
}
