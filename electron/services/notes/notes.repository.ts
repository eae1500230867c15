import { sql, type Insertable, type Kysely } from 'kysely';
import type { NoteTemplate } from '../../../shared/note-templates';
import type { Note, NoteContent } from '../../../shared/notes';
import type { RichTextNode } from '../../../shared/rich-text';
import type { NotesTable, VaultSchema } from '../database/schema';
import { addendaOf } from './addenda.repository';
import { noteNotFound, noteOf, parseContent, parseRichText, parseTemplate, type NoteRow } from './note-store';
import { sessionRow } from './sessions.repository';

/** How SQL reads a note's rupture flag; other domains' queries take it from this table's repository. */
export { ruptureNotedOf } from './note-json';

/**
 * The `notes` table: one note per session, a draft until signed. Rows map to `Note` in note-store.ts
 * (noteOf); triggers refuse changes to a signed note (migration 0008).
 */

export async function noteRowOrThrow(db: Kysely<VaultSchema>, noteId: string): Promise<NoteRow> {
  const row = await db.selectFrom('notes').selectAll().where('id', '=', noteId).executeTakeFirst();
  if (!row) throw noteNotFound();
  return row;
}

/** The whole note as the editor and the signed view show it, with its session and addenda. */
export async function loadNote(db: Kysely<VaultSchema>, noteId: string): Promise<Note> {
  const row = await noteRowOrThrow(db, noteId);
  const session = await sessionRow(db, row.session_id);
  return noteOf(row, session, await addendaOf(db, noteId));
}

/** A key for a new note, which it keeps for life (its parts' search rowids derive from it). */
export async function newNoteKey(trx: Kysely<VaultSchema>): Promise<number> {
  const { rows } = await sql<{ key: number }>`SELECT coalesce(max(search_rowid), 0) + 1 AS key FROM notes`.execute(trx);
  return Number(rows[0]?.key ?? 1);
}

export async function insertNote(trx: Kysely<VaultSchema>, row: Insertable<NotesTable>): Promise<void> {
  await trx.insertInto('notes').values(row).execute();
}

/**
 * Stores a draft's content as revision `revision`, only if the note is still the draft at `baseRevision`;
 * false when it was not (signed or saved from somewhere else in the meantime).
 */
export async function updateDraft(
  trx: Kysely<VaultSchema>,
  noteId: string,
  baseRevision: number,
  columns: Pick<NoteRow, 'content' | 'process_note' | 'revision' | 'saved_at'>,
): Promise<boolean> {
  const result = await trx
    .updateTable('notes')
    .set(columns)
    .where('id', '=', noteId)
    .where('status', '=', 'draft')
    .where('revision', '=', baseRevision)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Marks a note signed, with its canonical content, signer and hash. */
export async function markSigned(
  trx: Kysely<VaultSchema>,
  noteId: string,
  signed: Pick<NoteRow, 'content' | 'signed_at' | 'signer_name' | 'signer_credentials' | 'content_hash'>,
): Promise<void> {
  await trx
    .updateTable('notes')
    .set({ status: 'signed', ...signed })
    .where('id', '=', noteId)
    .execute();
}

/** Deletes every note of a client (with their addenda and goal marks); allowed for signed ones only during an erasure. */
export async function deleteNotesOfClient(trx: Kysely<VaultSchema>, clientId: string): Promise<void> {
  await trx.deleteFrom('notes').where('client_id', '=', clientId).execute();
}

/** A stored note without its session and addenda, read back through note-store's parsers. */
export interface NoteRecord {
  id: string;
  sessionId: string;
  clientId: string;
  status: Note['status'];
  template: NoteTemplate;
  content: NoteContent;
  /** Absent when process notes were not read at all. */
  processNote?: RichTextNode | null;
  revision: number;
  savedAt: string;
  signedAt: string | null;
  signedBy: Note['signedBy'];
  contentHash: string | null;
  createdAt: string;
}

/**
 * One client's notes, or every client's when `clientId` is null, in no particular order. Process notes
 * are not even read from the database unless `withProcessNotes` asks for them, so they cannot reach
 * a caller by a slip further down.
 */
export async function notesInScope(db: Kysely<VaultSchema>, clientId: string | null, options: { withProcessNotes: boolean }): Promise<NoteRecord[]> {
  const rows = await db
    .selectFrom('notes as n')
    .select([
      'n.id',
      'n.session_id',
      'n.client_id',
      'n.template_json',
      'n.status',
      'n.content',
      'n.revision',
      'n.saved_at',
      'n.signed_at',
      'n.signer_name',
      'n.signer_credentials',
      'n.content_hash',
      'n.created_at',
    ])
    .$if(options.withProcessNotes, (qb) => qb.select('n.process_note'))
    .$if(clientId !== null, (qb) => qb.where('n.client_id', '=', clientId as string))
    .execute();
  return rows.map((row) => ({
    id: row.id,
    sessionId: row.session_id,
    clientId: row.client_id,
    status: row.status,
    template: parseTemplate(row.template_json),
    content: parseContent(row.content),
    ...(options.withProcessNotes ? { processNote: row.process_note == null ? null : parseRichText(row.process_note) } : {}),
    revision: row.revision,
    savedAt: row.saved_at,
    signedAt: row.signed_at,
    signedBy: row.signer_name === null ? null : { name: row.signer_name, credentials: row.signer_credentials ?? '' },
    contentHash: row.content_hash,
    createdAt: row.created_at,
  }));
}

/** The distinct templates a client's notes were written with, in no particular order. */
export async function templatesOfClientNotes(db: Kysely<VaultSchema>, clientId: string): Promise<NoteTemplate[]> {
  const rows = await db.selectFrom('notes').select(['template_json']).distinct().where('client_id', '=', clientId).execute();
  return rows.map((row) => parseTemplate(row.template_json));
}

/** Whether any of a client's notes has a process note. */
export async function hasProcessNotes(db: Kysely<VaultSchema>, clientId: string): Promise<boolean> {
  const row = await db.selectFrom('notes').select('id').where('client_id', '=', clientId).where('process_note', 'is not', null).limit(1).executeTakeFirst();
  return row !== undefined;
}
