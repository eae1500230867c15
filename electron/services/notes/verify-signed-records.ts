import type { Kysely } from 'kysely';
import type { RecordMismatch, RecordMismatchReason } from '../../../shared/record-verification';
import type { VaultSchema } from '../database/schema';
import { addendumHash, noteHash, noteHashOfContentText } from './note-hash';
import { clientCodes } from '../clients/clients.repository';
import { addendaAfter, addendumInput, storedAddendumResults, signedNoteFrame, signedNoteInput, signedNotesAfter, type StoredAddendum, type StoredSignedNote } from './signed-records.repository';

/**
 * Recomputes the hash of every signed note and addendum from what is stored and compares it with the
 * stored hash (an edit after signing) and with the hash the activity log recorded at signing (the
 * record and its stored hash replaced together). A signature the log records whose record is gone,
 * while its client is not (an erasure removes both), is reported too.
 */

/** What the activity log recorded for one signature; hash and date are null on entries older than 0009. */
export interface LoggedSignature {
  clientId: string | null;
  hash: string | null;
  sessionDate: string | null;
}

export interface SignedInLog {
  notes: Map<string, LoggedSignature>;
  addenda: Map<string, LoggedSignature>;
}

export interface SignedRecordsReport {
  notesChecked: number;
  addendaChecked: number;
  /** All of them, ordered by client code and session date. */
  mismatches: RecordMismatch[];
}

/** Rows read per query: a few megabytes of note text at a time, however large the practice. */
const BATCH = 500;

/** Thrown between batches when `shouldStop` says so. */
export class VerificationStopped extends Error {}

export async function verifySignedRecords(db: Kysely<VaultSchema>, logged: SignedInLog, shouldStop: () => boolean = () => false): Promise<SignedRecordsReport> {
  const mismatches: RecordMismatch[] = [];
  const seenNotes = new Set<string>();
  for (let after = 0; ; ) {
    if (shouldStop()) throw new VerificationStopped('stopped');
    const rows = await signedNotesAfter(db, after, BATCH);
    for (const row of rows) {
      seenNotes.add(row.id);
      const reason = noteProblem(row, logged.notes.get(row.id)?.hash ?? null);
      if (reason) mismatches.push({ clientCode: row.client_code, sessionDate: row.session_date, kind: 'note', reason });
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.rowid;
  }
  const seenAddenda = new Set<string>();
  for (let after = 0; ; ) {
    if (shouldStop()) throw new VerificationStopped('stopped');
    const rows = await addendaAfter(db, after, BATCH);
    for (const row of rows) {
      seenAddenda.add(row.id);
      const reason = addendumProblem(row, logged.addenda.get(row.id)?.hash ?? null);
      if (reason) mismatches.push({ clientCode: row.client_code, sessionDate: row.session_date, kind: 'addendum', reason });
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.rowid;
  }
  const codes = await clientCodes(db);
  const missing = (kind: RecordMismatch['kind'], entries: Map<string, LoggedSignature>, seen: Set<string>) => {
    for (const [id, signature] of entries) {
      const code = signature.clientId === null ? undefined : codes.get(signature.clientId);
      if (!seen.has(id) && code !== undefined) mismatches.push({ clientCode: code, sessionDate: signature.sessionDate, kind, reason: 'missing' });
    }
  };
  missing('note', logged.notes, seenNotes);
  missing('addendum', logged.addenda, seenAddenda);
  mismatches.sort(
    (a, b) => a.clientCode.localeCompare(b.clientCode) || (a.sessionDate ?? '').localeCompare(b.sessionDate ?? '') || (a.kind === b.kind ? 0 : a.kind === 'note' ? -1 : 1),
  );
  return { notesChecked: seenNotes.size, addendaChecked: seenAddenda.size, mismatches };
}

function noteProblem(row: StoredSignedNote, loggedHash: string | null): RecordMismatchReason | null {
  let hash: string;
  try {
    // Notes signed since signing stored canonical JSON hash as stored; older ones (and any whose text
    // was changed) are parsed and made canonical first, which is several times slower.
    const asStored = noteHashOfContentText(signedNoteFrame(row, row), row.content);
    hash = asStored === row.content_hash ? asStored : noteHash(signedNoteInput(row, row));
  } catch {
    return 'unreadable';
  }
  if (hash !== row.content_hash) return 'changed';
  if (loggedHash !== null && loggedHash !== hash) return 'log-differs';
  return null;
}

function addendumProblem(row: StoredAddendum, loggedHash: string | null): RecordMismatchReason | null {
  let hash: string;
  try {
    hash = addendumHash(addendumInput(row, row.note_hash ?? '', storedAddendumResults(row)));
  } catch {
    return 'unreadable';
  }
  if (hash !== row.hash) return 'changed';
  if (loggedHash !== null && loggedHash !== hash) return 'log-differs';
  return null;
}
