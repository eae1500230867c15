import { riskLevels, type RiskLevel, type SessionSummary } from '../../shared/notes';
import { richTextToPlain, type RichTextNode } from '../../shared/rich-text';
import type { Prepare } from './statements';

/** A client's timeline: every session with its note's status, flags and voiding, newest first. */
export function rawTimeline(stmt: Prepare, clientId: string): SessionSummary[] {
  const rows = stmt(`
    SELECT ses.id, ses.client_id, ses.session_date, ses.start_time, ses.duration_minutes, ses.modality, ses.type, ses.attendance,
      ses.service_code, n.id AS note_id, n.status, n.signed_at,
      json_extract(n.template_json, '$.name') AS template_name,
      json_extract(n.content, '$.rupture.noted') AS rupture_noted,
      json_extract(n.content, '$.risk.level') AS risk_level,
      (SELECT count(*) FROM note_addenda AS a WHERE a.note_id = n.id) AS addenda_count
    FROM sessions AS ses JOIN notes AS n ON n.session_id = ses.id
    WHERE ses.client_id = ?
    ORDER BY ses.session_date DESC, coalesce(ses.start_time, '') DESC, ses.created_at DESC`).all(clientId) as {
    id: string; client_id: string; session_date: string; start_time: string | null; duration_minutes: number | null;
    modality: SessionSummary['session']['modality']; type: SessionSummary['session']['type']; attendance: SessionSummary['session']['attendance'];
    service_code: string; note_id: string; status: 'draft' | 'signed'; signed_at: string | null; template_name: string;
    rupture_noted: number | null; risk_level: string | null; addenda_count: number;
  }[];
  const voidRows = stmt(`
    SELECT a.note_id, a.signed_at, a.text FROM note_addenda AS a JOIN notes AS n ON n.id = a.note_id
    WHERE n.client_id = ? AND a.kind = 'void'`).all(clientId) as { note_id: string; signed_at: string; text: string }[];
  const voids = new Map(voidRows.map((row) => [row.note_id, { at: row.signed_at, reason: richTextToPlain(JSON.parse(row.text) as RichTextNode).trim() }]));
  return rows.map((row) => ({
    session: {
      id: row.id, clientId: row.client_id, date: row.session_date, startTime: row.start_time, durationMinutes: row.duration_minutes,
      modality: row.modality, type: row.type, attendance: row.attendance, serviceCode: row.service_code,
    },
    noteId: row.note_id,
    status: row.status,
    templateName: row.template_name,
    ruptureNoted: row.rupture_noted === 1,
    riskLevel: riskLevels.includes(row.risk_level as RiskLevel) ? (row.risk_level as RiskLevel) : null,
    signedAt: row.signed_at,
    addendaCount: row.addenda_count,
    voided: voids.get(row.note_id) ?? null,
  }));
}
