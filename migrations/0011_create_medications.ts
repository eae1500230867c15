import type { Kysely } from 'kysely';

/**
 * Medications for prescribers. A medication is a name; what is taken is its history of dated events
 * (start, dose change, schedule change, stop, restart), each holding the whole regimen from that day
 * on, so nothing is overwritten. An event decided in a session keeps the session and the note that
 * applied it when signed. Allergies and adverse reactions are per client; removing one keeps it, dated.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('medications')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('medications_by_client').on('medications').columns(['client_id']).execute();

  await db.schema
    .createTable('medication_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('medication_id', 'text', (col) => col.notNull().references('medications.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('event_date', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('dose', 'text', (col) => col.notNull())
    .addColumn('form_route', 'text', (col) => col.notNull())
    .addColumn('schedule', 'text', (col) => col.notNull())
    .addColumn('as_needed', 'integer', (col) => col.notNull())
    .addColumn('doses_per_day', 'integer')
    .addColumn('prescriber', 'text', (col) => col.notNull())
    .addColumn('prescriber_name', 'text', (col) => col.notNull())
    .addColumn('indication', 'text', (col) => col.notNull())
    .addColumn('session_id', 'text', (col) => col.references('sessions.id').onDelete('set null'))
    .addColumn('note_id', 'text', (col) => col.references('notes.id').onDelete('set null'))
    // Orders events of the same day in the order they were recorded.
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('medication_events_by_client').on('medication_events').columns(['client_id', 'medication_id', 'event_date', 'seq']).execute();

  await db.schema
    .createTable('allergies')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('substance', 'text', (col) => col.notNull())
    .addColumn('reaction', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('recorded_on', 'text', (col) => col.notNull())
    .addColumn('removed_on', 'text')
    .addColumn('removed_reason', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('allergies_by_client').on('allergies').columns(['client_id']).execute();
}
