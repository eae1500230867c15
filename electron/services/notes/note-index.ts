import type { Kysely } from 'kysely';
import type { NoteTemplate } from '../../../shared/note-templates';
import type { NoteContent } from '../../../shared/notes';
import { richTextToPlain, type RichTextNode } from '../../../shared/rich-text';
import type { VaultSchema } from '../database/schema';

/** The characters `search` asks FTS5's snippet() to put around a match; never left in indexed text. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/**
 * The searchable text of a note: every section, the homework review, the rupture description, the
 * action taken on risk and the addenda. Never the private process note.
 */
export function noteSearchText(template: NoteTemplate, content: NoteContent, addenda: readonly RichTextNode[]): string {
  const parts: string[] = [];
  for (const section of template.sections) parts.push(richTextToPlain(content.sections[section.key]));
  parts.push(...content.homeworkReview.map((item) => item.text));
  parts.push(content.rupture.description, content.risk.action);
  parts.push(...addenda.map((text) => richTextToPlain(text)));
  return parts
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join('\n')
    .replaceAll(MATCH_START, ' ')
    .replaceAll(MATCH_END, ' ');
}

/**
 * Rewrites a note's row in `search_index` (at its fixed rowid, the only fast way to find an FTS5 row).
 * Always called in the transaction that changed the note, so the index is never stale.
 */
export async function writeNoteIndex(
  trx: Kysely<VaultSchema>,
  row: { searchRowid: number; noteId: string; clientId: string; body: string },
): Promise<void> {
  // Rewriting an FTS5 row with secure-delete on costs a few milliseconds per save, most of an autosave;
  // a save that did not change the searchable text (a ticked box, the process note) skips it.
  const current = await trx.selectFrom('search_index').select('body').where('rowid', '=', row.searchRowid).executeTakeFirst();
  if (current?.body === row.body) return;
  await trx.deleteFrom('search_index').where('rowid', '=', row.searchRowid).execute();
  await trx
    .insertInto('search_index')
    .values({ rowid: row.searchRowid, kind: 'note', record_id: row.noteId, client_id: row.clientId, title: '', body: row.body })
    .execute();
}

/** Adds an empty index row for a new note and returns its rowid, which the note keeps for life. */
export async function reserveNoteIndexRow(trx: Kysely<VaultSchema>, noteId: string, clientId: string, body: string): Promise<number> {
  const result = await trx
    .insertInto('search_index')
    .values({ kind: 'note', record_id: noteId, client_id: clientId, title: '', body })
    .executeTakeFirstOrThrow();
  if (result.insertId === undefined) throw new Error('search_index returned no rowid');
  return Number(result.insertId);
}
