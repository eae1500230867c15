import { sql, type Kysely } from 'kysely';
import { sessionApproaches, type SessionApproach, type SessionApproachRow } from '../../../shared/notes';
import type { VaultSchema } from '../database/schema';
import { voidedSessionIds } from './voids.repository';

/**
 * The approach recorded in each of a client's notes (content.approaches), oldest session first, for the
 * strip under the alliance chart. Only that one JSON path is read, never the note's text. Voided
 * sessions are left out, as they are of the charts.
 */
export async function approachesOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<SessionApproachRow[]> {
  const { rows } = await sql<{ session_id: string; note_id: string; session_date: string; approaches: string | null }>`
    SELECT ses.id AS session_id, n.id AS note_id, ses.session_date, json_extract(n.content, '$.approaches') AS approaches
    FROM sessions AS ses JOIN notes AS n ON n.session_id = ses.id
    WHERE ses.client_id = ${clientId} AND ses.id NOT IN ${voidedSessionIds()}
    ORDER BY ses.session_date, coalesce(ses.start_time, ''), ses.created_at`.execute(db);
  return rows.map((row) => ({ sessionId: row.session_id, noteId: row.note_id, date: row.session_date, approaches: known(row.approaches) }));
}

// Stored content was validated when saved; anything else (a hand-edited vault) is read as nothing recorded.
function known(json: string | null): SessionApproach[] {
  if (json === null) return [];
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) ? sessionApproaches.filter((approach) => list.includes(approach)) : [];
  } catch {
    return [];
  }
}
