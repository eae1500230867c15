import { sql, type Kysely } from 'kysely';

/**
 * Letters Unicode does not decompose, folded before the tokenizer sees them (its remove_diacritics cannot):
 * a frozen copy of shared/search-fold.ts UNDECOMPOSED_LETTERS as of this step, because what the triggers
 * below fold is part of the released schema. The search side folds queries with the shared list; a test
 * checks the two agree.
 */
const FOLDS: readonly (readonly [string, string])[] = [
  ['ø', 'o'], ['Ø', 'O'], ['đ', 'd'], ['Đ', 'D'], ['ð', 'd'], ['Ð', 'D'], ['ł', 'l'], ['Ł', 'L'], ['æ', 'ae'], ['Æ', 'AE'],
  ['œ', 'oe'], ['Œ', 'OE'], ['ß', 'ss'], ['ẞ', 'SS'], ['ı', 'i'], ['þ', 'th'], ['Þ', 'TH'], ['ħ', 'h'], ['Ħ', 'H'],
];
const fold = (column: string): string => FOLDS.reduce((expr, [from, to]) => `replace(${expr}, '${from}', '${to}')`, column);

const COLUMNS = 'kind, record_id, client_id, title, body';
const indexed = (row: 'new' | 'old'): string => `${row}.kind, ${row}.record_id, ${row}.client_id, ${fold(`${row}.title`)}, ${fold(`${row}.body`)}`;

/**
 * The search index becomes an external-content FTS5 table over `search_content`, and drafts are indexed
 * in parts (one row per section, the extras, the addenda; signed notes stay one row; see
 * note-search-parts.ts), so an autosave rewrites only the part that changed instead of the whole note. The app writes only `search_content`; triggers
 * index the text folded (Ø → O, Ł → L, …) while snippets read the text as written from `search_content`.
 * Because the index holds folded words, FTS5's 'integrity-check' with rank 1 (index against content)
 * reports those rows; the default check (the index on its own) is the one that applies.
 *
 * Existing rows move over: client and goal rows keep their rowids (search_index_client_rows points at
 * them) and every note is re-indexed at rowids derived from notes.search_rowid, which from
 * here on is the note's key rather than a search_index rowid.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE search_index RENAME TO search_index_0003`.execute(db);
  await sql`CREATE TABLE search_content (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, record_id TEXT NOT NULL, client_id TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL
  )`.execute(db);
  // Erasure deletes by client; every other write goes by rowid.
  await sql`CREATE INDEX search_content_by_client ON search_content (client_id)`.execute(db);
  await sql`CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, record_id UNINDEXED, client_id UNINDEXED, title, body,
    content = 'search_content', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  // Deleted rows are purged from the index b-trees at once instead of lingering until a merge.
  await sql`INSERT INTO search_index(search_index, rank) VALUES ('secure-delete', 1)`.execute(db);
  // An external-content index must be told the exact words a row was indexed with to delete it.
  await sql.raw(`CREATE TRIGGER search_content_insert AFTER INSERT ON search_content BEGIN
    INSERT INTO search_index (rowid, ${COLUMNS}) VALUES (new.id, ${indexed('new')}); END`).execute(db);
  await sql.raw(`CREATE TRIGGER search_content_delete AFTER DELETE ON search_content BEGIN
    INSERT INTO search_index (search_index, rowid, ${COLUMNS}) VALUES ('delete', old.id, ${indexed('old')}); END`).execute(db);
  await sql.raw(`CREATE TRIGGER search_content_update AFTER UPDATE ON search_content BEGIN
    INSERT INTO search_index (search_index, rowid, ${COLUMNS}) VALUES ('delete', old.id, ${indexed('old')});
    INSERT INTO search_index (rowid, ${COLUMNS}) VALUES (new.id, ${indexed('new')}); END`).execute(db);

  await sql`INSERT INTO search_content (id, ${sql.raw(COLUMNS)})
    SELECT rowid, kind, record_id, client_id, title, body FROM search_index_0003 WHERE kind <> 'note'`.execute(db);
  await reindexNotes(db);
  await sql`DROP TABLE search_index_0003`.execute(db);
  // Thousands of one-row inserts leave many small segments; one merged b-tree keeps search fast.
  await sql`INSERT INTO search_index(search_index) VALUES ('optimize')`.execute(db);
}

// --- Frozen copy of how notes were split into search parts when this step was released ------------
// (electron/services/notes/note-search-parts.ts and shared/rich-text.ts's richTextToPlain). A released
// migration must do the same thing forever, whatever the live search layout becomes, so it carries its
// own copy and imports nothing but kysely.

interface RichTextNode {
  type: string;
  text?: string;
  content?: RichTextNode[];
}
interface StoredTemplate {
  sections: { key: string }[];
}
interface StoredContent {
  sections: Record<string, RichTextNode | null | undefined>;
  homeworkReview: { text: string }[];
  rupture: { description: string };
  risk: { action: string };
}

const PART_STRIDE = 16;
const EXTRAS_SLOT = 12;
const ADDENDA_SLOT = 13;
const WHOLE_SLOT = 15;
const MATCH_START = '\u0002';
const MATCH_END = '\u0003';
const partRowid = (noteKey: number, slot: number): number => -(noteKey * PART_STRIDE + slot);

function richTextToPlain(doc: RichTextNode | null | undefined): string {
  if (!doc) return '';
  const blocks: string[] = [];
  const walk = (node: RichTextNode, into: string[]): void => {
    if (node.type === 'tableRow') {
      const cells = (node.content ?? []).map((cell) => richTextToPlain(cell).replace(/\s*\n\s*/g, ' '));
      if (cells.some((cell) => cell !== '')) blocks.push(cells.join(' | '));
      return;
    }
    if (node.type === 'text') into.push(node.text ?? '');
    else if (node.type === 'hardBreak') into.push('\n');
    const isBlock = node.type !== 'text' && node.type !== 'hardBreak' && node.type !== 'doc';
    if (isBlock && !node.content?.some((child) => child.type !== 'text' && child.type !== 'hardBreak')) {
      const inline: string[] = [];
      for (const child of node.content ?? []) walk(child, inline);
      blocks.push(inline.join(''));
      return;
    }
    for (const child of node.content ?? []) walk(child, into);
  };
  walk(doc, blocks);
  return blocks.map((line) => line.trim()).filter((line) => line.length > 0).join('\n');
}

const clean = (parts: readonly string[]): string =>
  parts
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join('\n')
    .replaceAll(MATCH_START, ' ')
    .replaceAll(MATCH_END, ' ');

function noteSearchParts(template: StoredTemplate, content: StoredContent, addenda: readonly RichTextNode[], status: 'draft' | 'signed'): Map<number, string> {
  const parts = new Map<number, string>();
  const add = (slot: number, text: string) => {
    if (text.length > 0) parts.set(slot, text);
  };
  template.sections.forEach((section, slot) => add(slot, clean([richTextToPlain(content.sections[section.key])])));
  add(EXTRAS_SLOT, clean([...content.homeworkReview.map((item) => item.text), content.rupture.description, content.risk.action]));
  add(ADDENDA_SLOT, clean(addenda.map((text) => richTextToPlain(text))));
  if (status === 'draft') return parts;
  const whole = [...parts.values()].join('\n');
  return new Map(whole.length > 0 ? [[WHOLE_SLOT, whole]] : []);
}

/** Every note from its stored template and content (never the process note), with its addenda: drafts in parts, signed notes whole. */
async function reindexNotes(db: Kysely<any>): Promise<void> {
  const addenda = new Map<string, RichTextNode[]>();
  const addendumRows = await sql<{ note_id: string; text: string }>`SELECT note_id, text FROM note_addenda ORDER BY note_id, signed_at, rowid`.execute(db);
  for (const row of addendumRows.rows) addenda.set(row.note_id, [...(addenda.get(row.note_id) ?? []), JSON.parse(row.text) as RichTextNode]);
  const notes = await sql<{ id: string; client_id: string; search_rowid: number; template_json: string; content: string; status: 'draft' | 'signed' }>`
    SELECT id, client_id, search_rowid, template_json, content, status FROM notes`.execute(db);
  for (const note of notes.rows) {
    const template = JSON.parse(note.template_json) as StoredTemplate;
    const parts = noteSearchParts(template, JSON.parse(note.content) as StoredContent, addenda.get(note.id) ?? [], note.status);
    for (const [slot, body] of parts) {
      await sql`INSERT INTO search_content (id, ${sql.raw(COLUMNS)})
        VALUES (${partRowid(note.search_rowid, slot)}, 'note', ${note.id}, ${note.client_id}, '', ${body})`.execute(db);
    }
  }
}
