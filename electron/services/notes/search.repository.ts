import { sql, type Kysely, type RawBuilder } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { SearchInput, SearchResult } from '../../../shared/notes';
import type { VaultSchema } from '../database/schema';
import { ruptureNotedOf } from './note-json';
import { MATCH_END, MATCH_START, noteKeyOfRowid, PART_STRIDE, partRowidRange } from './note-search-parts';
import { ftsWords, snippetSegments } from './search-query';

const SNIPPET_TOKENS = 14;

/**
 * Rowids go into FTS5 queries as literals: better-sqlite3 binds a JS number as REAL, and FTS5 then does
 * not use it to narrow the query, reading every match instead (hundreds of times slower).
 */
const rowidLiteral = (rowid: number) => sql.lit(Math.trunc(rowid));
const snippet = sql`snippet(search_index, -1, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_TOKENS})`;

/** A result before its details are read: the index row it shows, and the note it belongs to, if any. */
interface Hit {
  rowid: number;
  noteKey: number | null;
  /** The FTS5 query its snippet is cut with. */
  match: string;
}

/**
 * Full-text search over notes, client names, codes, tags, goals, contacts between sessions and missed-session
 * remarks, best match first (bm25). Filters that only a note can meet (dates, template, status, rupture)
 * leave the other matches out.
 *
 * A draft is indexed in parts (note-search-parts.ts), so it can match in several rows: it is listed once,
 * at the rank of its best part, with that part's snippet. A draft whose words are spread over several
 * parts, none holding them all, still matches; such drafts come after the others, latest session first.
 * A signed note is one row and matches exactly as a whole note.
 */
export async function searchVault(db: Kysely<VaultSchema>, input: SearchInput): Promise<SearchResult[]> {
  const words = ftsWords(input.query);
  if (words === null) {
    throw new AppError('VALIDATION', 'Type a word or part of a word to search for.', {
      fieldErrors: { query: 'Type a word or part of a word to search for.' },
    });
  }
  const hits = await bestHits(db, words.join(' '), input);
  if (words.length > 1 && hits.length < input.limit) hits.push(...(await spreadHits(db, words, input, hits)));
  return describe(db, hits);
}

/** Conditions on the note a part belongs to (`n`) and its session (`ses`); empty when none is asked for. */
function noteFilters(input: SearchInput): RawBuilder<unknown>[] {
  const filters: RawBuilder<unknown>[] = [];
  if (input.from !== null) filters.push(sql`ses.session_date >= ${input.from}`);
  if (input.to !== null) filters.push(sql`ses.session_date <= ${input.to}`);
  if (input.templateId !== null) filters.push(sql`n.template_id = ${input.templateId}`);
  if (input.status !== null) filters.push(sql`n.status = ${input.status}`);
  if (input.ruptureOnly) filters.push(sql`${ruptureNotedOf('n')} = 1`);
  return filters;
}

/**
 * Rows holding every word, best first, one per note. A note has at most PART_STRIDE rows, so the best
 * `limit × PART_STRIDE` rows always name `limit` distinct results when there are that many; only rowids
 * and ranks are read here, no content, so scoring every match stays as cheap as one row per note.
 */
async function bestHits(db: Kysely<VaultSchema>, match: string, input: SearchInput): Promise<Hit[]> {
  const byNote = noteFilters(input);
  const filters = [sql`search_index MATCH ${match}`, ...byNote];
  if (byNote.length > 0) filters.push(sql`s.rowid < 0`);
  if (input.clientId !== null) filters.push(sql`s.client_id = ${input.clientId}`);
  // A literal divisor: a bound JS number arrives as REAL, and the division would not be an integer one.
  const joins = byNote.length > 0 ? sql`JOIN notes AS n ON n.search_rowid = (-s.rowid) / ${sql.lit(PART_STRIDE)} JOIN sessions AS ses ON ses.id = n.session_id` : sql``;
  const { rows } = await sql<{ rowid: number }>`
    SELECT s.rowid AS rowid FROM search_index AS s ${joins}
    WHERE ${sql.join(filters, sql` AND `)}
    ORDER BY bm25(search_index)
    LIMIT ${input.limit * PART_STRIDE}`.execute(db);
  const seen = new Set<number>();
  const hits: Hit[] = [];
  for (const { rowid } of rows) {
    const noteKey = rowid < 0 ? noteKeyOfRowid(rowid) : null;
    // Client and goal rows are one per record; a note's later parts rank below its best one.
    if (noteKey !== null) {
      if (seen.has(noteKey)) continue;
      seen.add(noteKey);
    }
    hits.push({ rowid, noteKey, match });
    if (hits.length === input.limit) break;
  }
  return hits;
}

/**
 * Drafts holding every word, but no part holding them all: each word's matching parts, reduced to their
 * note by rowid arithmetic. Only asked for when the best rows leave room, so `found` lists every note
 * that already matched in one part.
 */
async function spreadHits(db: Kysely<VaultSchema>, words: readonly string[], input: SearchInput, found: readonly Hit[]): Promise<Hit[]> {
  const perWord = words.map((word) => sql`SELECT (-rowid) / ${sql.lit(PART_STRIDE)} AS note_key FROM search_index WHERE search_index MATCH ${word} AND rowid < 0`);
  const filters = noteFilters(input);
  if (input.clientId !== null) filters.push(sql`n.client_id = ${input.clientId}`);
  const foundKeys = found.flatMap((hit) => (hit.noteKey === null ? [] : [hit.noteKey]));
  if (foundKeys.length > 0) filters.push(sql`n.search_rowid NOT IN (${sql.join(foundKeys)})`);
  const { rows } = await sql<{ key: number }>`
    SELECT n.search_rowid AS key
    FROM (${sql.join(perWord, sql` INTERSECT `)}) AS spread
    JOIN notes AS n ON n.search_rowid = spread.note_key
    JOIN sessions AS ses ON ses.id = n.session_id
    ${filters.length > 0 ? sql`WHERE ${sql.join(filters, sql` AND `)}` : sql``}
    ORDER BY ses.session_date DESC, n.id
    LIMIT ${input.limit - found.length}`.execute(db);
  // The snippet comes from the part that best matches any of the words.
  const anyWord = words.join(' OR ');
  const hits: Hit[] = [];
  for (const { key } of rows) {
    const { first, last } = partRowidRange(key);
    const best = await sql<{ rowid: number }>`
      SELECT rowid FROM search_index WHERE search_index MATCH ${anyWord} AND rowid BETWEEN ${rowidLiteral(first)} AND ${rowidLiteral(last)}
      ORDER BY rank LIMIT 1`.execute(db);
    const rowid = best.rows[0]?.rowid;
    if (rowid !== undefined) hits.push({ rowid, noteKey: key, match: anyWord });
  }
  return hits;
}

const RESULT_KINDS: readonly SearchResult['kind'][] = ['note', 'client', 'goal', 'contact', 'missed'];
const resultKind = (kind: string): SearchResult['kind'] => RESULT_KINDS.find((known) => known === kind) ?? 'client';

interface Details {
  kind: string;
  record_id: string;
  client_id: string;
  code: string;
  legal_name: string;
  status: 'draft' | 'signed' | null;
  session_date: string | null;
}

/** The client, note and session of each hit, and its snippet, in the hits' order. */
async function describe(db: Kysely<VaultSchema>, hits: readonly Hit[]): Promise<SearchResult[]> {
  if (hits.length === 0) return [];
  const details = new Map<number, Details>();
  const noteKeys = hits.flatMap((hit) => (hit.noteKey === null ? [] : [hit.noteKey]));
  if (noteKeys.length > 0) {
    const { rows } = await sql<Details & { key: number }>`
      SELECT n.search_rowid AS key, 'note' AS kind, n.id AS record_id, n.client_id, c.code, c.legal_name, n.status, ses.session_date
      FROM notes AS n JOIN clients AS c ON c.id = n.client_id JOIN sessions AS ses ON ses.id = n.session_id
      WHERE n.search_rowid IN (${sql.join(noteKeys)})`.execute(db);
    for (const row of rows) details.set(-row.key, row);
  }
  const others = hits.flatMap((hit) => (hit.noteKey === null ? [hit.rowid] : []));
  if (others.length > 0) {
    const { rows } = await sql<Details & { id: number }>`
      SELECT sc.id, sc.kind, sc.record_id, sc.client_id, c.code, c.legal_name, NULL AS status, coalesce(ct.contact_date, ar.record_date) AS session_date
      FROM search_content AS sc JOIN clients AS c ON c.id = sc.client_id
      LEFT JOIN contacts AS ct ON sc.kind = 'contact' AND ct.id = sc.record_id
      LEFT JOIN attendance_records AS ar ON sc.kind = 'missed' AND ar.id = sc.record_id
      WHERE sc.id IN (${sql.join(others)})`.execute(db);
    for (const row of rows) details.set(row.id, row);
  }
  const snippets = new Map<number, string>();
  for (const match of new Set(hits.map((hit) => hit.match))) {
    const rowids = hits.filter((hit) => hit.match === match).map((hit) => hit.rowid);
    // `+rowid`: one pass over the matches, cutting snippets for the listed rows only. A plain `rowid IN`
    // would restart the FTS5 query once per rowid, re-reading every doclist of a prefix each time.
    const { rows } = await sql<{ rowid: number; snip: string }>`
      SELECT rowid, ${snippet} AS snip FROM search_index WHERE search_index MATCH ${match} AND +rowid IN (${sql.join(rowids.map(rowidLiteral))})`.execute(db);
    for (const row of rows) snippets.set(row.rowid, row.snip);
  }
  return hits.flatMap((hit): SearchResult[] => {
    // Notes are keyed by -key so they never meet a client or goal row's (positive) rowid.
    const row = details.get(hit.noteKey === null ? hit.rowid : -hit.noteKey);
    if (!row) return [];
    return [
      {
        kind: resultKind(row.kind),
        clientId: row.client_id,
        clientCode: row.code,
        clientName: row.legal_name,
        noteId: row.kind === 'note' ? row.record_id : null,
        sessionDate: row.session_date,
        status: row.status,
        snippet: snippetSegments(snippets.get(hit.rowid) ?? ''),
      },
    ];
  });
}
