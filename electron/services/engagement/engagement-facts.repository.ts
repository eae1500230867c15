import { sql, type Kysely } from 'kysely';
import type { AttendanceEntry, EngagementNote } from '../../../shared/engagement-flag';
import type { VaultSchema } from '../database/schema';
import { voidedSessionIds } from '../notes/voids.repository';

/**
 * What the engagement flag reads of one client, across sessions, notes and attendance records: a read
 * model, so its SQL lives here rather than in one table's repository.
 */

/** Sessions (not voided) and missed-session records together, oldest first. */
export async function attendanceOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<AttendanceEntry[]> {
  const sessions = await db
    .selectFrom('sessions as s')
    .leftJoin('notes as n', 'n.session_id', 's.id')
    .select(['s.id', 's.session_date', 's.start_time', 's.attendance', 's.created_at', 'n.id as note_id'])
    .where('s.client_id', '=', clientId)
    .where('s.id', 'not in', voidedSessionIds())
    .execute();
  const missed = await db
    .selectFrom('attendance_records')
    .select(['record_date', 'start_time', 'kind', 'created_at'])
    .where('client_id', '=', clientId)
    .execute();
  const entries = [
    ...sessions.map((row) => ({
      entry: { date: row.session_date, startTime: row.start_time, kind: row.attendance, sessionId: row.id, noteId: row.note_id } satisfies AttendanceEntry,
      createdAt: row.created_at,
    })),
    ...missed.map((row) => ({ entry: { date: row.record_date, startTime: row.start_time, kind: row.kind, sessionId: null, noteId: null } satisfies AttendanceEntry, createdAt: row.created_at })),
  ];
  entries.sort(
    (a, b) => a.entry.date.localeCompare(b.entry.date) || (a.entry.startTime ?? '').localeCompare(b.entry.startTime ?? '') || a.createdAt.localeCompare(b.createdAt),
  );
  return entries.map(({ entry }) => entry);
}

/** The latest `limit` notes of attended, not voided sessions, oldest first, with homework and rupture as stored. */
export async function engagementNotesOfClient(db: Kysely<VaultSchema>, clientId: string, limit: number): Promise<EngagementNote[]> {
  const rows = await db
    .selectFrom('notes as n')
    .innerJoin('sessions as s', 's.id', 'n.session_id')
    .select([
      's.id as session_id',
      'n.id as note_id',
      's.session_date',
      sql<string | null>`json_extract(n.content, '$.homeworkReview')`.as('homework'),
      // The whole rupture object: its flag and its repair in one read.
      sql<string | null>`json_extract(n.content, '$.rupture')`.as('rupture'),
    ])
    .where('n.client_id', '=', clientId)
    .where('s.attendance', '=', 'attended')
    .where('s.id', 'not in', voidedSessionIds())
    .orderBy('s.session_date', 'desc')
    .orderBy(sql`coalesce(s.start_time, '')`, 'desc')
    .orderBy('s.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map((row) => ({
    sessionId: row.session_id,
    noteId: row.note_id,
    date: row.session_date,
    homeworkDone: parseHomework(row.homework),
    ...parseRupture(row.rupture),
  }));
}

function parseRupture(json: string | null): { ruptureNoted: boolean; repaired: boolean } {
  try {
    const rupture = json === null ? null : (JSON.parse(json) as { noted?: unknown; repaired?: unknown } | null);
    return { ruptureNoted: rupture?.noted === true, repaired: rupture?.repaired === true };
  } catch {
    return { ruptureNoted: false, repaired: false };
  }
}

function parseHomework(json: string | null): boolean[] {
  if (json === null) return [];
  try {
    const items = JSON.parse(json) as { done?: unknown }[];
    return Array.isArray(items) ? items.map((item) => item.done === true) : [];
  } catch {
    return [];
  }
}
