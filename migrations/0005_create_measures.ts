import type { Kysely } from 'kysely';

/**
 * Alliance and outcome measures. Built-in definitions live in code (shared/measures); custom ones are
 * stored here, one row per version, like note templates. A result keeps the definition version it
 * was scored with, its item responses and its scores, so a chart never re-scores history with a
 * changed definition. Acknowledged alerts are kept with the practitioner's short note.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('measure_definitions')
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('definition', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('measure_definitions_pk', ['id', 'version'])
    .execute();

  await db.schema
    .createTable('measure_results')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id').onDelete('cascade'))
    // A measure may be recorded without a session (an intake questionnaire).
    .addColumn('session_id', 'text', (col) => col.references('sessions.id').onDelete('cascade'))
    .addColumn('measure_id', 'text', (col) => col.notNull())
    .addColumn('measure_version', 'integer', (col) => col.notNull())
    .addColumn('taken_on', 'text', (col) => col.notNull())
    .addColumn('responses', 'text', (col) => col.notNull())
    .addColumn('total', 'real')
    .addColumn('subscales', 'text', (col) => col.notNull())
    .addColumn('flags', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('measure_results_by_client').on('measure_results').columns(['client_id', 'measure_id', 'taken_on']).execute();
  await db.schema.createIndex('measure_results_by_session').on('measure_results').column('session_id').execute();

  await db.schema
    .createTable('alert_acknowledgements')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('alert_key', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull())
    .addColumn('acknowledged_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('alert_acknowledgements_once', ['client_id', 'alert_key'])
    .execute();
}
