import type { Kysely } from 'kysely';

/**
 * Alerts are events: what each result (or a note's rupture flag) raised is stored here, derived from
 * the client's history by the one set of rules in shared/measures, and kept until its basis is gone
 * (a result struck out or removed, a session voided or deleted). Open means not acknowledged:
 * acknowledgements stay in alert_acknowledgements, matched by the same key.
 *
 * Existing vaults get their events when this step has run (see vault.service.ts), from the same rules.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alert_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('alert_key', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('measure_id', 'text', (col) => col.notNull())
    .addColumn('measure_name', 'text', (col) => col.notNull())
    .addColumn('rater', 'text', (col) => col.notNull())
    .addColumn('severity', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('event_date', 'text', (col) => col.notNull())
    // JSON: [{ sessionId, noteId, date }], the session the alert is about last.
    .addColumn('sessions', 'text', (col) => col.notNull())
    .addColumn('subject', 'text')
    .addColumn('raised_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('alert_events_once', ['client_id', 'alert_key'])
    .execute();
}
