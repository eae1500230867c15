import { sql, type Kysely } from 'kysely';

/**
 * Sessions grow their own columns; notes (draft → signed), their addenda, the goals a note marks
 * progress on, and custom note templates. Built-in templates live in code (shared/note-templates.ts),
 * so this frozen step never embeds their wording; a note stores the full template it was written with.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // SQLite adds one column per ALTER TABLE statement.
  await db.schema.alterTable('sessions').addColumn('start_time', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('duration_minutes', 'integer').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('modality', 'text', (col) => col.notNull().defaultTo('in_person').check(sql`modality IN ('in_person', 'video', 'phone')`))
    .execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('type', 'text', (col) =>
      col.notNull().defaultTo('individual').check(sql`type IN ('intake', 'individual', 'couple', 'family', 'group')`),
    )
    .execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('attendance', 'text', (col) =>
      col.notNull().defaultTo('attended').check(sql`attendance IN ('attended', 'late_cancellation', 'no_show')`),
    )
    .execute();
  await db.schema.alterTable('sessions').addColumn('service_code', 'text', (col) => col.notNull().defaultTo('')).execute();

  await db.schema
    .createTable('note_templates')
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('sections', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('note_templates_pk', ['id', 'version'])
    .execute();

  await db.schema
    .createTable('notes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('session_id', 'text', (col) => col.notNull().unique().references('sessions.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('template_id', 'text', (col) => col.notNull())
    .addColumn('template_version', 'integer', (col) => col.notNull())
    // The whole template as it was when the note was started: later edits to the template never change it.
    .addColumn('template_json', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status IN ('draft', 'signed')`))
    .addColumn('content', 'text', (col) => col.notNull())
    .addColumn('process_note', 'text')
    .addColumn('revision', 'integer', (col) => col.notNull())
    .addColumn('saved_at', 'text', (col) => col.notNull())
    .addColumn('signed_at', 'text')
    .addColumn('signer_name', 'text')
    .addColumn('signer_credentials', 'text')
    .addColumn('content_hash', 'text')
    // The note's row in search_index, fixed at creation: FTS5 finds rows fast only by rowid.
    .addColumn('search_rowid', 'integer', (col) => col.notNull().unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('notes_by_client').on('notes').columns(['client_id', 'status']).execute();
  // The Dashboard's "needs signing" list reads drafts only, a small part of a practice's notes.
  await db.schema.createIndex('notes_drafts').on('notes').column('session_id').where(sql.ref('status'), '=', 'draft').execute();
  // A signed note is read-only below the service too: no UPDATE of any column once signed.
  await sql`CREATE TRIGGER notes_signed_read_only BEFORE UPDATE ON notes WHEN OLD.status = 'signed'
    BEGIN SELECT RAISE(ABORT, 'a signed note cannot be changed; add an addendum'); END`.execute(db);
  // The session details are part of the signed content, so they freeze with the note.
  await sql`CREATE TRIGGER sessions_signed_read_only BEFORE UPDATE ON sessions
    WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = OLD.id AND status = 'signed')
    BEGIN SELECT RAISE(ABORT, 'the session of a signed note cannot be changed'); END`.execute(db);

  await db.schema
    .createTable('note_addenda')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('note_id', 'text', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('signed_at', 'text', (col) => col.notNull())
    .addColumn('signer_name', 'text', (col) => col.notNull())
    .addColumn('signer_credentials', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('note_addenda_by_note').on('note_addenda').columns(['note_id', 'signed_at']).execute();
  // Addenda are signed too; only erasure of the whole client (a cascading DELETE) removes them.
  await sql`CREATE TRIGGER note_addenda_no_update BEFORE UPDATE ON note_addenda
    BEGIN SELECT RAISE(ABORT, 'an addendum cannot be changed'); END`.execute(db);

  // Rewritten from the note's goalProgress on every save; RESTRICT keeps a referred-to goal from vanishing.
  await db.schema
    .createTable('note_goal_progress')
    .addColumn('note_id', 'text', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (col) => col.notNull().references('goals.id').onDelete('restrict'))
    .addColumn('progress', 'text', (col) => col.notNull().check(sql`progress IN ('worse', 'no_change', 'some_progress', 'achieved')`))
    .addPrimaryKeyConstraint('note_goal_progress_pk', ['note_id', 'goal_id'])
    .execute();
  // Where the client and goal rows of search_index are: FTS5 finds rows fast only by rowid, and with
  // thousands of notes in the same table a scan for one client's rows would read every note.
  await db.schema
    .createTable('search_index_client_rows')
    .addColumn('fts_rowid', 'integer', (col) => col.primaryKey())
    .addColumn('client_id', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('search_index_client_rows_by_client').on('search_index_client_rows').column('client_id').execute();
  await sql`INSERT INTO search_index_client_rows (fts_rowid, client_id)
    SELECT rowid, client_id FROM search_index WHERE kind IN ('client', 'goal')`.execute(db);

  await db.schema.createIndex('note_goal_progress_by_goal').on('note_goal_progress').column('goal_id').execute();
}
