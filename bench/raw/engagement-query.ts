import type { AgendaItem, OverdueClient } from '../../shared/engagement';
import { DEFAULT_ENGAGEMENT_SETTINGS, engagementSettingsSchema } from '../../shared/engagement';
import { daysOverdue } from '../../shared/engagement-rules';
import type { Prepare } from './statements';

/* The Dashboard's follow-up reads: the week's appointments and the clients overdue for a session. */

type AppointmentRow = {
  id: string; client_id: string; appointment_date: string; start_time: string; duration_minutes: number; place: AgendaItem['place'];
  series_id: string | null; session_id: string | null; attendance_id: string | null; created_at: string; code: string; legal_name: string; preferred_name: string;
};

export function rawAgenda(stmt: Prepare, range: { from: string; to: string }): AgendaItem[] {
  const rows = stmt(`
    SELECT a.*, c.code, c.legal_name, c.preferred_name FROM appointments AS a JOIN clients AS c ON c.id = a.client_id
    WHERE a.appointment_date >= ? AND a.appointment_date <= ? ORDER BY a.appointment_date, a.start_time, c.code`).all(range.from, range.to) as AppointmentRow[];
  return rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    date: row.appointment_date,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    place: row.place,
    seriesId: row.series_id,
    sessionId: row.session_id,
    attendanceId: row.attendance_id,
    createdAt: row.created_at,
    clientCode: row.code,
    clientName: row.preferred_name || row.legal_name,
  }));
}

export function rawOverdue(stmt: Prepare, today: string): OverdueClient[] {
  const stored = stmt(`SELECT value FROM settings WHERE key = 'engagement'`).pluck().get() as string | undefined;
  const parsed = stored === undefined ? null : engagementSettingsSchema.safeParse(JSON.parse(stored));
  const { graceDays } = parsed?.success ? parsed.data : DEFAULT_ENGAGEMENT_SETTINGS;
  const rows = stmt(`
    SELECT p.client_id, p.frequency, p.every_days, p.agreed_on, c.code,
      (SELECT max(s.session_date) FROM sessions AS s WHERE s.client_id = c.id AND s.attendance = 'attended'
        AND s.id NOT IN (SELECT vn.session_id FROM note_addenda AS va JOIN notes AS vn ON vn.id = va.note_id WHERE va.kind = 'void')) AS last_seen
    FROM follow_up_plans AS p JOIN clients AS c ON c.id = p.client_id WHERE c.status = 'active'`).all() as {
    client_id: string; frequency: OverdueClient['frequency']; every_days: number | null; agreed_on: string; code: string; last_seen: string | null;
  }[];
  const overdue: OverdueClient[] = [];
  for (const row of rows) {
    const late = daysOverdue({ frequency: row.frequency, everyDays: row.every_days, agreedOn: row.agreed_on }, row.last_seen, graceDays, today);
    if (late !== null) overdue.push({ clientId: row.client_id, code: row.code, frequency: row.frequency, everyDays: row.every_days, lastSeen: row.last_seen, daysOverdue: late });
  }
  return overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.code.localeCompare(b.code));
}
