import type { Kysely } from 'kysely';
import type { NoteContent } from '../../../shared/notes';
import type { VaultSchema } from '../database/schema';
import { medicationRowsInScope } from '../medications/medications.repository';
import { partRowid, partRowidRange, slotOfRowid } from './note-search-parts';
import { deleteSearchRange, deleteSearchRows, insertNoteSearchRow, searchBodiesInRange } from './search-content.repository';

export { MATCH_END, MATCH_START, noteSearchParts } from './note-search-parts';

interface IndexedNote {
  noteKey: number;
  noteId: string;
  clientId: string;
  parts: ReadonlyMap<number, string>;
}

/**
 * Brings a note's rows in the search index in step with its parts, rewriting only the parts whose text
 * changed (an autosave after a second of typing usually changes one section). Writes go to
 * `search_content`; its triggers keep the FTS5 index in step (see migration 0004). Always called in the
 * transaction that changed the note, so the index is never stale.
 */
export async function writeNoteIndex(trx: Kysely<VaultSchema>, note: IndexedNote): Promise<void> {
  const { first, last } = partRowidRange(note.noteKey);
  const rows = await searchBodiesInRange(trx, first, last);
  const current = new Map(rows.map((row) => [Number(row.rowid), row.body]));
  const gone: number[] = [];
  const changed: { rowid: number; body: string }[] = [];
  for (const [rowid] of current) {
    if (!note.parts.has(slotOfRowid(rowid))) gone.push(rowid);
  }
  for (const [slot, body] of note.parts) {
    const rowid = partRowid(note.noteKey, slot);
    if (current.get(rowid) === body) continue;
    if (current.has(rowid)) gone.push(rowid);
    changed.push({ rowid, body });
  }
  if (gone.length > 0) await deleteSearchRows(trx, gone);
  for (const { rowid, body } of changed) {
    await insertNoteSearchRow(trx, { rowid, noteId: note.noteId, clientId: note.clientId, body });
  }
}

/** Removes every search row of a note (a draft deleted with its session). */
export async function deleteNoteIndex(trx: Kysely<VaultSchema>, noteKey: number): Promise<void> {
  const { first, last } = partRowidRange(noteKey);
  await deleteSearchRange(trx, first, last);
}

/**
 * The names of the client's medications by id, which a note's medication review is indexed with; read
 * only for a note that has a review, so an autosave of any other note costs no query.
 */
export async function medicationNamesOf(db: Kysely<VaultSchema>, clientId: string, content: Pick<NoteContent, 'medicationReview'>): Promise<ReadonlyMap<string, string>> {
  if (!content.medicationReview) return new Map();
  return new Map((await medicationRowsInScope(db, clientId)).map((row) => [row.id, row.name]));
}
