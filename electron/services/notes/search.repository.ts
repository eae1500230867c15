import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { SearchInput, SearchResult } from '../../../shared/notes';
import type { VaultSchema } from '../database/schema';
import { MATCH_END, MATCH_START } from './note-index';
import { ftsQuery, snippetSegments } from './search-query';

interface Hit {
  kind: string;
  record_id: string;
  client_id: string;
  code: string;
  legal_name: string;
  status: 'draft' | 'signed' | null;
  session_date: string | null;
  snip: string;
}

const SNIPPET_TOKENS = 14;

/**
 * Full-text search over notes, client names, codes, tags and goals, best match first (bm25). Filters that
 * only a note can meet (dates, template, status, rupture) leave client and goal matches out.
 */
export async function searchVault(db: Kysely<VaultSchema>, input: SearchInput): Promise<SearchResult[]> {
  const match = ftsQuery(input.query);
  if (match === null) {
    throw new AppError('VALIDATION', 'Type a word or part of a word to search for.', {
      fieldErrors: { query: 'Type a word or part of a word to search for.' },
    });
  }
  const noteOnly = input.from !== null || input.to !== null || input.templateId !== null || input.status !== null || input.ruptureOnly;
  const filters = [sql`search_index MATCH ${match}`];
  if (noteOnly) filters.push(sql`s.kind = 'note'`);
  if (input.clientId !== null) filters.push(sql`s.client_id = ${input.clientId}`);
  if (input.from !== null) filters.push(sql`ses.session_date >= ${input.from}`);
  if (input.to !== null) filters.push(sql`ses.session_date <= ${input.to}`);
  if (input.templateId !== null) filters.push(sql`n.template_id = ${input.templateId}`);
  if (input.status !== null) filters.push(sql`n.status = ${input.status}`);
  if (input.ruptureOnly) filters.push(sql`json_extract(n.content, '$.rupture.noted') = 1`);
  const { rows } = await sql<Hit>`
    SELECT s.kind, s.record_id, s.client_id, c.code, c.legal_name, n.status, ses.session_date,
      snippet(search_index, -1, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_TOKENS}) AS snip
    FROM search_index AS s
    JOIN clients AS c ON c.id = s.client_id
    LEFT JOIN notes AS n ON s.kind = 'note' AND n.search_rowid = s.rowid
    LEFT JOIN sessions AS ses ON ses.id = n.session_id
    WHERE ${sql.join(filters, sql` AND `)}
    ORDER BY s.rank
    LIMIT ${input.limit}`.execute(db);
  return rows.map(
    (row): SearchResult => ({
      kind: row.kind === 'note' ? 'note' : row.kind === 'goal' ? 'goal' : 'client',
      clientId: row.client_id,
      clientCode: row.code,
      clientName: row.legal_name,
      noteId: row.kind === 'note' ? row.record_id : null,
      sessionDate: row.session_date,
      status: row.status,
      snippet: snippetSegments(row.snip),
    }),
  );
}
