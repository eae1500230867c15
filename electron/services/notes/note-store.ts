import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/errors';
import { noteTemplateSchema, type NoteTemplate } from '../../../shared/note-templates';
import { noteContentSchema, type Addendum, type Note, type NoteContent, type Session, type SessionFields } from '../../../shared/notes';
import { richTextDocSchema, richTextToPlain, type RichTextNode } from '../../../shared/rich-text';
import type { NoteAddendaTable, NotesTable, SessionsTable } from '../database/schema';

/**
 * Notes, sessions and addenda read back from their rows (and sessions written to theirs), and the errors
 * the notes services share. The queries are in notes, sessions and addenda repositories.
 */
export const noteNotFound = (): AppError => new AppError('NOT_FOUND', 'That note is not in this vault. It may have been deleted.');

export type NoteRow = Selectable<NotesTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AddendumRow = Selectable<NoteAddendaTable>;

export function sessionFieldsOf(row: SessionRow): SessionFields {
  return {
    date: row.session_date,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    modality: row.modality,
    type: row.type,
    attendance: row.attendance,
    serviceCode: row.service_code,
  };
}

export const sessionOf = (row: SessionRow): Session => ({ id: row.id, clientId: row.client_id, ...sessionFieldsOf(row) });

export const sessionColumns = (fields: SessionFields) => ({
  session_date: fields.date,
  start_time: fields.startTime,
  duration_minutes: fields.durationMinutes,
  modality: fields.modality,
  type: fields.type,
  attendance: fields.attendance,
  service_code: fields.serviceCode,
});

export const parseContent = (json: string): NoteContent => noteContentSchema.parse(JSON.parse(json));
export const parseTemplate = (json: string): NoteTemplate => noteTemplateSchema.parse(JSON.parse(json));
export const parseRichText = (json: string): RichTextNode => richTextDocSchema.parse(JSON.parse(json));

/** A stored addendum as the note shows it. */
export const addendumOf = (row: AddendumRow): Addendum => ({
  id: row.id,
  kind: row.kind,
  text: parseRichText(row.text),
  signedAt: row.signed_at,
  signedBy: { name: row.signer_name, credentials: row.signer_credentials },
  hash: row.hash,
});

/** The whole note from its row, its session's row and its addenda (in the order they were signed). */
export function noteOf(row: NoteRow, session: SessionRow, addenda: Addendum[]): Note {
  const voiding = addenda.find((addendum) => addendum.kind === 'void');
  return {
    id: row.id,
    session: sessionOf(session),
    clientId: row.client_id,
    status: row.status,
    template: parseTemplate(row.template_json),
    content: parseContent(row.content),
    processNote: row.process_note === null ? null : parseRichText(row.process_note),
    revision: row.revision,
    savedAt: row.saved_at,
    signedAt: row.signed_at,
    signedBy: row.signer_name === null ? null : { name: row.signer_name, credentials: row.signer_credentials ?? '' },
    contentHash: row.content_hash,
    addenda,
    voided: voiding ? { at: voiding.signedAt, reason: richTextToPlain(voiding.text).trim() } : null,
  };
}

export const signedConflict = (): AppError => new AppError('CONFLICT', 'This note is signed; add an addendum instead.');
export const voidedConflict = (): AppError => new AppError('CONFLICT', 'This note was voided, so nothing more can be added to it.');
export const staleConflict = (): AppError =>
  new AppError('CONFLICT', 'This note was saved from somewhere else after you opened it. Reload it to see the latest version.');
