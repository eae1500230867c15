import type { SearchInput, SearchResult } from '../../shared/notes';
import { noteKeyOfRowid, PART_STRIDE, partRowidRange } from '../../electron/services/notes/note-search-parts';
import { ftsWords, snippetSegments } from '../../electron/services/notes/search-query';
import type { Prepare } from './statements';

/**
 * The service's search for input without filters (what the bench asks): the best rows holding every
 * word, one per note; for several words and room left, drafts whose parts hold them between them; then
 * each hit's client, note and session and its snippet. Lists of ids go in as one JSON array.
 */
export function rawSearch(stmt: Prepare, input: SearchInput): SearchResult[] {
  if (input.clientId !== null || input.from !== null || input.to !== null || input.templateId !== null || input.status !== null || input.ruptureOnly) {
    throw new Error('raw search: filters are not written out here');
  }
  const words = ftsWords(input.query);
  if (words === null) return [];
  const match = words.join(' ');
  const hits: { rowid: number; noteKey: number | null; match: string }[] = [];
  const seen = new Set<number>();
  const best = stmt('SELECT s.rowid AS rowid FROM search_index AS s WHERE search_index MATCH ? ORDER BY bm25(search_index) LIMIT ?').pluck().all(match, input.limit * PART_STRIDE) as number[];
  for (const rowid of best) {
    const noteKey = rowid < 0 ? noteKeyOfRowid(rowid) : null;
    if (noteKey !== null) {
      if (seen.has(noteKey)) continue;
      seen.add(noteKey);
    }
    hits.push({ rowid, noteKey, match });
    if (hits.length === input.limit) break;
  }
  if (words.length > 1 && hits.length < input.limit) {
    const perWord = words.map(() => `SELECT (-rowid) / ${PART_STRIDE} AS note_key FROM search_index WHERE search_index MATCH ? AND rowid < 0`).join(' INTERSECT ');
    const spread = stmt(`
      SELECT n.search_rowid FROM (${perWord}) AS spread
      JOIN notes AS n ON n.search_rowid = spread.note_key JOIN sessions AS ses ON ses.id = n.session_id
      WHERE n.search_rowid NOT IN (SELECT value FROM json_each(?))
      ORDER BY ses.session_date DESC, n.id LIMIT ?`).pluck().all(...words, JSON.stringify([...seen]), input.limit - hits.length) as number[];
    const anyWord = words.join(' OR ');
    for (const key of spread) {
      const { first, last } = partRowidRange(key);
      // BigInt binds as INTEGER: FTS5 narrows a rowid range only on integers (search.repository.ts).
      const rowid = stmt('SELECT rowid FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rank LIMIT 1').pluck().get(anyWord, BigInt(first), BigInt(last)) as number | undefined;
      if (rowid !== undefined) hits.push({ rowid, noteKey: key, match: anyWord });
    }
  }
  if (hits.length === 0) return [];

  type Details = { kind: string; record_id: string; client_id: string; code: string; legal_name: string; status: 'draft' | 'signed' | null; session_date: string | null };
  const details = new Map<number, Details>();
  const noteKeys = hits.flatMap((hit) => (hit.noteKey === null ? [] : [hit.noteKey]));
  if (noteKeys.length > 0) {
    const rows = stmt(`
      SELECT n.search_rowid AS key, 'note' AS kind, n.id AS record_id, n.client_id, c.code, c.legal_name, n.status, ses.session_date
      FROM notes AS n JOIN clients AS c ON c.id = n.client_id JOIN sessions AS ses ON ses.id = n.session_id
      WHERE n.search_rowid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(noteKeys)) as (Details & { key: number })[];
    for (const row of rows) details.set(-row.key, row);
  }
  const others = hits.flatMap((hit) => (hit.noteKey === null ? [hit.rowid] : []));
  if (others.length > 0) {
    const rows = stmt(`
      SELECT sc.id, sc.kind, sc.record_id, sc.client_id, c.code, c.legal_name, NULL AS status, NULL AS session_date
      FROM search_content AS sc JOIN clients AS c ON c.id = sc.client_id
      WHERE sc.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(others)) as (Details & { id: number })[];
    for (const row of rows) details.set(row.id, row);
  }
  const snippets = new Map<number, string>();
  for (const each of new Set(hits.map((hit) => hit.match))) {
    const rowids = hits.filter((hit) => hit.match === each).map((hit) => hit.rowid);
    const rows = stmt(`
      SELECT rowid, snippet(search_index, -1, char(2), char(3), '…', 14) AS snip
      FROM search_index WHERE search_index MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`).all(each, JSON.stringify(rowids)) as { rowid: number; snip: string }[];
    for (const row of rows) snippets.set(row.rowid, row.snip);
  }
  return hits.flatMap((hit): SearchResult[] => {
    const row = details.get(hit.noteKey === null ? hit.rowid : -hit.noteKey);
    if (!row) return [];
    return [{
      kind: row.kind === 'note' ? 'note' : row.kind === 'goal' ? 'goal' : 'client',
      clientId: row.client_id, clientCode: row.code, clientName: row.legal_name,
      noteId: row.kind === 'note' ? row.record_id : null, sessionDate: row.session_date, status: row.status,
      snippet: snippetSegments(snippets.get(hit.rowid) ?? ''),
    }];
  });
}
