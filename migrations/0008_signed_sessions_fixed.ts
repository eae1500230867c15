import { sql, type Kysely } from 'kysely';

/**
 * A signed session is fixed as a whole. Its note text was already read-only; from here on its session
 * row, measure results and goal-progress marks are too, below the service, and nothing signed can be
 * deleted except by erasing the whole client. Corrections go through addenda: an addendum may void its
 * note, carry late-entered measure results, or strike out a result recorded in error (kept, never
 * deleted). Erasure (the right to be forgotten) is the one way signed rows go: it lists the client in
 * client_erasures for the length of its transaction, and every "no delete" rule below lets a row go
 * while its client is listed there or already gone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Empty outside an erasure's transaction. No foreign key: the client row is deleted while listed.
  await db.schema.createTable('client_erasures').addColumn('client_id', 'text', (col) => col.primaryKey()).execute();
  const guarded = (clientId: string) =>
    sql.raw(`${clientId} IN (SELECT id FROM clients) AND ${clientId} NOT IN (SELECT client_id FROM client_erasures)`);

  await db.schema
    .alterTable('note_addenda')
    .addColumn('kind', 'text', (col) => col.notNull().defaultTo('correction').check(sql`kind IN ('correction', 'void')`))
    .execute();
  // Voided notes are few; every chart, count and list asks whether a session's note is one of them.
  await db.schema.createIndex('note_addenda_voids').on('note_addenda').column('note_id').where(sql.ref('kind'), '=', 'void').execute();

  // A late entry names the addendum it was entered with; a struck-out result names the addendum that
  // struck it and keeps the reason.
  await db.schema
    .alterTable('measure_results')
    .addColumn('addendum_id', 'text', (col) => col.references('note_addenda.id').onDelete('cascade'))
    .execute();
  await db.schema
    .alterTable('measure_results')
    .addColumn('struck_addendum_id', 'text', (col) => col.references('note_addenda.id').onDelete('cascade'))
    .execute();
  await db.schema.alterTable('measure_results').addColumn('struck_reason', 'text').execute();
  // "Verify records" reads each addendum's results, and a foreign key's checks look them up: both by index.
  await db.schema.createIndex('measure_results_by_addendum').on('measure_results').column('addendum_id').where(sql.ref('addendum_id'), 'is not', null).execute();
  await db.schema
    .createIndex('measure_results_by_strike')
    .on('measure_results')
    .column('struck_addendum_id')
    .where(sql.ref('struck_addendum_id'), 'is not', null)
    .execute();

  const signedSession = (sessionId: string) =>
    sql.raw(`EXISTS (SELECT 1 FROM notes WHERE session_id = ${sessionId} AND status = 'signed')`);

  await sql`CREATE TRIGGER sessions_signed_no_delete BEFORE DELETE ON sessions
    WHEN ${signedSession('OLD.id')} AND ${guarded('OLD.client_id')}
    BEGIN SELECT RAISE(ABORT, 'the session of a signed note cannot be deleted; void the note instead'); END`.execute(db);
  await sql`CREATE TRIGGER notes_signed_no_delete BEFORE DELETE ON notes
    WHEN OLD.status = 'signed' AND ${guarded('OLD.client_id')}
    BEGIN SELECT RAISE(ABORT, 'a signed note cannot be deleted; void it instead'); END`.execute(db);
  await sql`CREATE TRIGGER note_addenda_no_delete BEFORE DELETE ON note_addenda
    WHEN EXISTS (SELECT 1 FROM notes AS n WHERE n.id = OLD.note_id AND ${guarded('n.client_id')})
    BEGIN SELECT RAISE(ABORT, 'an addendum cannot be deleted'); END`.execute(db);

  await sql`CREATE TRIGGER note_goal_progress_signed_no_insert BEFORE INSERT ON note_goal_progress
    WHEN EXISTS (SELECT 1 FROM notes WHERE id = NEW.note_id AND status = 'signed')
    BEGIN SELECT RAISE(ABORT, 'the goal progress of a signed note cannot be changed; add an addendum'); END`.execute(db);
  await sql`CREATE TRIGGER note_goal_progress_signed_no_update BEFORE UPDATE ON note_goal_progress
    WHEN EXISTS (SELECT 1 FROM notes WHERE id = OLD.note_id AND status = 'signed')
    BEGIN SELECT RAISE(ABORT, 'the goal progress of a signed note cannot be changed; add an addendum'); END`.execute(db);
  await sql`CREATE TRIGGER note_goal_progress_signed_no_delete BEFORE DELETE ON note_goal_progress
    WHEN EXISTS (SELECT 1 FROM notes AS n WHERE n.id = OLD.note_id AND n.status = 'signed' AND ${guarded('n.client_id')})
    BEGIN SELECT RAISE(ABORT, 'the goal progress of a signed note cannot be changed; add an addendum'); END`.execute(db);

  // A result for a signed session is allowed only as a late entry of an addendum to that session's note.
  await sql`CREATE TRIGGER measure_results_signed_no_insert BEFORE INSERT ON measure_results
    WHEN NEW.session_id IS NOT NULL AND ${signedSession('NEW.session_id')} AND NOT EXISTS (
      SELECT 1 FROM note_addenda AS a JOIN notes AS n ON n.id = a.note_id
      WHERE a.id = NEW.addendum_id AND n.session_id = NEW.session_id AND a.kind = 'correction')
    BEGIN SELECT RAISE(ABORT, 'a result for a signed session must be a late entry of an addendum'); END`.execute(db);
  await sql`CREATE TRIGGER measure_results_signed_no_delete BEFORE DELETE ON measure_results
    WHEN OLD.session_id IS NOT NULL AND ${signedSession('OLD.session_id')} AND ${guarded('OLD.client_id')}
    BEGIN SELECT RAISE(ABORT, 'a result of a signed session cannot be deleted; strike it out in an addendum'); END`.execute(db);
  // Results are never edited; the one change allowed is striking a result out, once, naming the
  // addendum (of that session's note) that did it, with every other column left as it was.
  await sql`CREATE TRIGGER measure_results_strike_only BEFORE UPDATE ON measure_results
    WHEN NOT (
      OLD.struck_addendum_id IS NULL AND NEW.struck_reason IS NOT NULL AND NEW.struck_reason <> ''
      AND EXISTS (SELECT 1 FROM note_addenda AS a JOIN notes AS n ON n.id = a.note_id
        WHERE a.id = NEW.struck_addendum_id AND n.session_id IS OLD.session_id AND a.kind = 'correction')
      AND NEW.id IS OLD.id AND NEW.client_id IS OLD.client_id AND NEW.session_id IS OLD.session_id
      AND NEW.measure_id IS OLD.measure_id AND NEW.measure_version IS OLD.measure_version
      AND NEW.taken_on IS OLD.taken_on AND NEW.responses IS OLD.responses AND NEW.total IS OLD.total
      AND NEW.subscales IS OLD.subscales AND NEW.flags IS OLD.flags AND NEW.created_at IS OLD.created_at
      AND NEW.addendum_id IS OLD.addendum_id)
    BEGIN SELECT RAISE(ABORT, 'a measure result cannot be changed; strike it out in an addendum'); END`.execute(db);
}
