import type { SessionSummary } from '../../shared/notes';
import { sessionSummaryOf, type SessionSummaryRow } from '../../electron/services/notes/sessions.repository';
import { voidOf } from '../../electron/services/notes/voids.repository';
import type { Prepare } from './statements';

/** A client's timeline: every session with its note's status, flags and voiding, newest first. */
export function rawTimeline(stmt: Prepare, clientId: string): SessionSummary[] {
  const rows = stmt(`
    SELECT ses.*, n.id AS note_id, n.status, n.signed_at,
      json_extract(n.template_json, '$.name') AS template_name,
      json_extract(n.content, '$.rupture.noted') AS rupture_noted,
      json_extract(n.content, '$.risk.level') AS risk_level,
      (SELECT count(*) FROM note_addenda AS a WHERE a.note_id = n.id) AS addenda_count
    FROM sessions AS ses JOIN notes AS n ON n.session_id = ses.id
    WHERE ses.client_id = ?
    ORDER BY ses.session_date DESC, coalesce(ses.start_time, '') DESC, ses.created_at DESC`).all(clientId) as SessionSummaryRow[];
  const voidRows = stmt(`
    SELECT a.note_id, a.signed_at, a.text FROM note_addenda AS a JOIN notes AS n ON n.id = a.note_id
    WHERE n.client_id = ? AND a.kind = 'void'`).all(clientId) as { note_id: string; signed_at: string; text: string }[];
  // The SQL is the baseline's own; turning rows into what the screen gets is the repositories' mapping.
  const voids = new Map(voidRows.map((row) => [row.note_id, voidOf(row)]));
  return rows.map((row) => sessionSummaryOf(row, voids));
}
