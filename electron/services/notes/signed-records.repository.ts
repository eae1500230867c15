import { sql, type Kysely } from 'kysely';
import type { NoteContent } from '../../../shared/notes';
import type { RichTextNode } from '../../../shared/rich-text';
import type { NoteAddendaTable, NotesTable, SessionsTable, VaultSchema } from '../database/schema';
import type { AddendumContent, SignedLateEntry, SignedNoteContent } from './note-hash';

/**
 * What a signature covers, built from stored rows: the one place for each kind, used both when a note
 * or addendum is signed and when "Verify records" recomputes every hash, so the two can never drift.
 * The readers page through the signed records in rowid order, a bounded batch at a time.
 */

/** The note columns a signature covers (signed_at and the signer as they are, or are about to be, stored). */
export type SignedNoteColumns = Pick<NotesTable, 'id' | 'client_id' | 'template_id' | 'template_version' | 'content' | 'signed_at' | 'signer_name' | 'signer_credentials'>;
export type SessionColumns = Pick<SessionsTable, 'session_date' | 'start_time' | 'duration_minutes'> & {
  modality: 'in_person' | 'video' | 'phone';
  type: 'intake' | 'individual' | 'couple' | 'family' | 'group';
  attendance: 'attended' | 'late_cancellation' | 'no_show';
  service_code: string;
};
export type AddendumColumns = Pick<NoteAddendaTable, 'id' | 'note_id' | 'text' | 'signed_at' | 'signer_name' | 'signer_credentials'> & {
  kind: 'correction' | 'void';
};

/** The measure results an addendum signed: entered late with it, or struck out by it (migration 0008). */
export interface AddendumResults {
  lateEntries: SignedLateEntry[];
  struckOut: { resultId: string; reason: string }[];
}

/**
 * The hash input of a signed note. The content is the stored JSON itself (canonicalJson orders its
 * keys): it was validated when saved, and hashing what is stored is what makes an edit show. Throws a
 * SyntaxError when the stored content is not JSON. Signing stores the content as canonical JSON, so
 * verifying can hash the stored text as it is (noteHashOfContentText over signedNoteFrame).
 */
export function signedNoteInput(note: SignedNoteColumns, session: SessionColumns): SignedNoteContent {
  return { ...signedNoteFrame(note, session), content: JSON.parse(note.content) as NoteContent };
}

/** Everything a note's signature covers but its content (see noteHashOfContentText). */
export function signedNoteFrame(note: SignedNoteColumns, session: SessionColumns): Omit<SignedNoteContent, 'content'> {
  return {
    noteId: note.id,
    clientId: note.client_id,
    session: {
      date: session.session_date,
      startTime: session.start_time,
      durationMinutes: session.duration_minutes,
      modality: session.modality,
      type: session.type,
      attendance: session.attendance,
      serviceCode: session.service_code,
    },
    template: { id: note.template_id, version: note.template_version },
    signedAt: note.signed_at ?? '',
    signer: { name: note.signer_name ?? '', credentials: note.signer_credentials ?? '' },
  };
}

/**
 * The hash input of an addendum: its own text and signature, tied to the note's stored hash, and what
 * it did to the record (voided the note, entered or struck out results). Those fields are present only
 * when they apply, so an ordinary correction hashes exactly as addenda always have.
 */
export function addendumInput(addendum: AddendumColumns, noteHash: string, results: AddendumResults = { lateEntries: [], struckOut: [] }): AddendumContent {
  const byResult = <T extends { resultId: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => (a.resultId < b.resultId ? -1 : a.resultId > b.resultId ? 1 : 0));
  return {
    addendumId: addendum.id,
    noteId: addendum.note_id,
    noteHash,
    text: JSON.parse(addendum.text) as RichTextNode,
    signedAt: addendum.signed_at,
    signer: { name: addendum.signer_name, credentials: addendum.signer_credentials },
    ...(addendum.kind === 'void' ? { kind: 'void' as const } : {}),
    ...(results.lateEntries.length > 0 ? { lateEntries: byResult(results.lateEntries) } : {}),
    ...(results.struckOut.length > 0 ? { struckOut: byResult(results.struckOut) } : {}),
  };
}

/** Reads the stored JSON lists of addendaAfter back into AddendumResults. */
export function storedAddendumResults(row: Pick<StoredAddendum, 'late_entries' | 'struck_out'>): AddendumResults {
  const late = JSON.parse(row.late_entries) as { resultId: string; measureId: string; measureVersion: number; takenOn: string; responses: string }[];
  return {
    lateEntries: late.map((entry) => ({ ...entry, responses: JSON.parse(entry.responses) as Record<string, number | null> })),
    struckOut: JSON.parse(row.struck_out) as { resultId: string; reason: string }[],
  };
}

export interface StoredSignedNote extends SignedNoteColumns, SessionColumns {
  rowid: number;
  client_code: string;
  content_hash: string | null;
}

export interface StoredAddendum extends AddendumColumns {
  rowid: number;
  hash: string;
  /** JSON arrays of the results the addendum entered late and struck out (see storedAddendumResults). */
  late_entries: string;
  struck_out: string;
  client_code: string;
  session_date: string;
  note_hash: string | null;
}

/** Signed notes after `afterRowid`, with their session's columns and their client's code. */
export async function signedNotesAfter(db: Kysely<VaultSchema>, afterRowid: number, limit: number): Promise<StoredSignedNote[]> {
  const result = await sql<StoredSignedNote>`
    SELECT n.rowid AS rowid, n.id, n.client_id, n.template_id, n.template_version, n.content, n.signed_at,
      n.signer_name, n.signer_credentials, n.content_hash, c.code AS client_code,
      s.session_date, s.start_time, s.duration_minutes, s.modality, s.type, s.attendance, s.service_code
    FROM notes n JOIN sessions s ON s.id = n.session_id JOIN clients c ON c.id = n.client_id
    WHERE n.rowid > ${afterRowid} AND n.status = 'signed'
    ORDER BY n.rowid LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** Addenda after `afterRowid`, with the stored hash of their note, its session's date and its client's code. */
export async function addendaAfter(db: Kysely<VaultSchema>, afterRowid: number, limit: number): Promise<StoredAddendum[]> {
  const result = await sql<StoredAddendum>`
    SELECT a.rowid AS rowid, a.id, a.note_id, a.kind, a.text, a.signed_at, a.signer_name, a.signer_credentials, a.hash,
      n.content_hash AS note_hash, s.session_date, c.code AS client_code,
      (SELECT json_group_array(json_object('resultId', r.id, 'measureId', r.measure_id, 'measureVersion', r.measure_version,
          'takenOn', r.taken_on, 'responses', r.responses))
        FROM measure_results AS r INDEXED BY measure_results_by_addendum WHERE r.addendum_id = a.id) AS late_entries,
      (SELECT json_group_array(json_object('resultId', r.id, 'reason', r.struck_reason))
        FROM measure_results AS r INDEXED BY measure_results_by_strike WHERE r.struck_addendum_id = a.id) AS struck_out
    FROM note_addenda a JOIN notes n ON n.id = a.note_id JOIN sessions s ON s.id = n.session_id JOIN clients c ON c.id = n.client_id
    WHERE a.rowid > ${afterRowid}
    ORDER BY a.rowid LIMIT ${limit}`.execute(db);
  return result.rows;
}
