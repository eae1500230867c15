import { sql, type Kysely } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * Client records, treatment goals with their status history, diagnoses, tags, the activity log and the
 * search index. `sessions` is deliberately minimal: the client list needs the last session date now,
 * and the notes step extends the table with its own columns.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clients')
    .addColumn('id', 'text', (col) => col.primaryKey())
    // NOCASE so "ab-0042" and "AB-0042" cannot both exist; codes are ASCII by contract.
    .addColumn('code', 'text', (col) => col.notNull().unique().modifyEnd(sql`COLLATE NOCASE`))
    .addColumn('legal_name', 'text', (col) => col.notNull())
    .addColumn('preferred_name', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('pronouns', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('date_of_birth', 'text')
    .addColumn('phone', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('email', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('address', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('emergency_name', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('emergency_relation', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('emergency_phone', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('intake_date', 'text')
    .addColumn('referral_source', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status IN ('active', 'paused', 'discharged')`))
    .addColumn('discharge_date', 'text')
    .addColumn('discharge_reason', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('presenting_concerns', 'text')
    .addColumn('private_remarks', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('review_date', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('client_tags')
    .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('tag', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('client_tags_pk', ['client_id', 'tag'])
    .execute();
  await db.schema.createIndex('client_tags_by_tag').on('client_tags').column('tag').execute();

  await db.schema
    .createTable('diagnoses')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('code', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('date_added', 'text', (col) => col.notNull())
    .addColumn('date_removed', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('diagnoses_by_client').on('diagnoses').column('client_id').execute();

  await db.schema
    .createTable('goals')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('objective', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status IN ('active', 'achieved', 'revised', 'discontinued')`),
    )
    .addColumn('date_set', 'text', (col) => col.notNull())
    .addColumn('target_date', 'text')
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('goals_by_client').on('goals').columns(['client_id', 'position']).execute();

  await db.schema
    .createTable('goal_status_changes')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('goal_id', 'text', (col) => col.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addColumn('effective_date', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('goal_status_changes_by_goal').on('goal_status_changes').column('goal_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('session_date', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('sessions_by_client_date').on('sessions').columns(['client_id', 'session_date']).execute();

  // No foreign key on client_id: entries must outlive a client erased for the right to erasure.
  await db.schema
    .createTable('activity_log')
    .addColumn('seq', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('record_type', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text', (col) => col.notNull())
    .addColumn('client_id', 'text')
    .addColumn('fields', 'text', (col) => col.notNull())
    .addColumn('prev_hash', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('activity_log_by_client').on('activity_log').columns(['client_id', 'seq']).execute();
  // Append-only in the database itself, not only in the service.
  await sql`CREATE TRIGGER activity_log_no_update BEFORE UPDATE ON activity_log
    BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER activity_log_no_delete BEFORE DELETE ON activity_log
    BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END`.execute(db);

  await sql`CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, record_id UNINDEXED, client_id UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  // Deleted rows are purged from the index b-trees at once instead of lingering until a merge.
  await sql`INSERT INTO search_index(search_index, rank) VALUES ('secure-delete', 1)`.execute(db);
}
