import { differenceInCalendarDays, format, parseISO, subDays } from 'date-fns';
import { sql, type Kysely } from 'kysely';
import { NEEDS_SIGNING_AFTER_DAYS, riskLevels, type RiskLevel, type Session, type SessionFields, type SessionSummary, type UnsignedNote, type Voided } from '../../../shared/notes';
import type { VaultSchema } from '../database/schema';
import { ruptureNotedOf } from './note-json';
import { parseContent, parseRichText, parseTemplate, sessionColumns, sessionOf, type SessionRow } from './note-store';
import { voidedSessionIds, voidsOfClient } from './voids.repository';
import type { Note, NoteContent } from '../../../shared/notes';
import type { RichTextNode } from '../../../shared/rich-text';
import type { NoteTemplate } from '../../../shared/note-templates';

/**
 * The `sessions` table, read with its note where a screen needs both. Rows map to `Session` in
 * note-store.ts (sessionOf, sessionFieldsOf, sessionColumns).
 */

/** A client's timeline, newest session first, without loading whole notes. */
export async function listSessionsOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom('sessions as ses')
    .innerJoin('notes as n', 'n.session_id', 'ses.id')
    .selectAll('ses')
    .select([
      'n.id as note_id',
      'n.status',
      'n.signed_at',
      sql<string>`json_extract(n.template_json, '$.name')`.as('template_name'),
      ruptureNotedOf('n').as('rupture_noted'),
      sql<string | null>`json_extract(n.content, '$.risk.level')`.as('risk_level'),
      (eb) => eb.selectFrom('note_addenda as a').select((inner) => inner.fn.countAll<number>().as('count')).whereRef('a.note_id', '=', 'n.id').as('addenda_count'),
    ])
    .where('ses.client_id', '=', clientId)
    .orderBy('ses.session_date', 'desc')
    .orderBy(sql`coalesce(ses.start_time, '')`, 'desc')
    .orderBy('ses.created_at', 'desc')
    .execute();
  const voids = await voidsOfClient(db, clientId);
  return rows.map((row) => sessionSummaryOf(row, voids));
}

/** A timeline row: the session's columns with its note's id, status, name and flags. */
export type SessionSummaryRow = SessionRow & {
  note_id: string;
  status: 'draft' | 'signed';
  signed_at: string | null;
  template_name: string;
  rupture_noted: number | null;
  risk_level: string | null;
  addenda_count: number | string | bigint | null;
};

/** A timeline row as the timeline shows it, with the note's void (voidsOfClient) when it has one. */
export const sessionSummaryOf = (row: SessionSummaryRow, voids: ReadonlyMap<string, Voided>): SessionSummary => ({
  session: sessionOf(row),
  noteId: row.note_id,
  status: row.status,
  templateName: row.template_name,
  ruptureNoted: row.rupture_noted === 1,
  riskLevel: riskLevels.includes(row.risk_level as RiskLevel) ? (row.risk_level as RiskLevel) : null,
  signedAt: row.signed_at,
  addendaCount: Number(row.addenda_count ?? 0),
  voided: voids.get(row.note_id) ?? null,
});

/** The client's note for the latest session on or before `date`: where last session's homework is. */
export async function previousNote(
  db: Kysely<VaultSchema>,
  clientId: string,
  date: string,
): Promise<{ template: NoteTemplate; content: NoteContent } | null> {
  const row = await db
    .selectFrom('notes as n')
    .innerJoin('sessions as ses', 'ses.id', 'n.session_id')
    .select(['n.template_json', 'n.content'])
    .where('n.client_id', '=', clientId)
    .where('ses.session_date', '<=', date)
    .where('ses.id', 'not in', voidedSessionIds())
    .orderBy('ses.session_date', 'desc')
    .orderBy(sql`coalesce(ses.start_time, '')`, 'desc')
    .orderBy('ses.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { template: parseTemplate(row.template_json), content: parseContent(row.content) } : null;
}

/** Drafts whose session was more than NEEDS_SIGNING_AFTER_DAYS days before `today`, oldest first. */
export async function listUnsigned(db: Kysely<VaultSchema>, today: string): Promise<UnsignedNote[]> {
  const cutoff = format(subDays(parseISO(today), NEEDS_SIGNING_AFTER_DAYS), 'yyyy-MM-dd');
  const rows = await db
    .selectFrom('notes as n')
    .innerJoin('sessions as ses', 'ses.id', 'n.session_id')
    .innerJoin('clients as c', 'c.id', 'n.client_id')
    .select(['n.id', 'n.client_id', 'c.code', 'ses.session_date'])
    .where('n.status', '=', 'draft')
    // A no-show or late cancellation needs no note: an older draft of one does not wait for a signature.
    .where('ses.attendance', '=', 'attended')
    .where('ses.session_date', '<', cutoff)
    .orderBy('ses.session_date', 'asc')
    .orderBy('ses.created_at', 'asc')
    .execute();
  return rows.map((row) => ({
    noteId: row.id,
    clientId: row.client_id,
    clientCode: row.code,
    sessionDate: row.session_date,
    daysOld: differenceInCalendarDays(parseISO(today), parseISO(row.session_date)),
  }));
}

/** Deletes a session; its draft note, goal marks and results go with it (triggers refuse a signed one). */
export async function deleteSession(db: Kysely<VaultSchema>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** The session row of a note. */
export async function sessionRow(db: Kysely<VaultSchema>, sessionId: string): Promise<SessionRow> {
  return db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();
}

export async function insertSession(trx: Kysely<VaultSchema>, session: { id: string; clientId: string; createdAt: string; fields: SessionFields }): Promise<void> {
  await trx
    .insertInto('sessions')
    .values({ id: session.id, client_id: session.clientId, created_at: session.createdAt, ...sessionColumns(session.fields) })
    .execute();
}

export async function updateSessionFields(trx: Kysely<VaultSchema>, sessionId: string, fields: SessionFields): Promise<void> {
  await trx.updateTable('sessions').set(sessionColumns(fields)).where('id', '=', sessionId).execute();
}

/**
 * "Last seen": the date of the client's last attended session, voided ones left out; null before the
 * first. With `onOrBefore`, as it stood on that day (a summary of an earlier period).
 */
export async function lastSessionDate(db: Kysely<VaultSchema>, clientId: string, onOrBefore: string | null = null): Promise<string | null> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.max('session_date').as('last'))
    .where('client_id', '=', clientId)
    .where('attendance', '=', 'attended')
    .where('id', 'not in', voidedSessionIds())
    .$if(onOrBefore !== null, (qb) => qb.where('session_date', '<=', onOrBefore as string))
    .executeTakeFirst();
  return row?.last ?? null;
}

/** A session's client and its note's id and status (undefined when there is no such session). */
export async function sessionWithNote(db: Kysely<VaultSchema>, sessionId: string) {
  return db
    .selectFrom('sessions as ses')
    .leftJoin('notes as n', 'n.session_id', 'ses.id')
    .select(['ses.client_id', 'ses.session_date', 'n.id as note_id', 'n.status'])
    .where('ses.id', '=', sessionId)
    .executeTakeFirst();
}

/** The client's sessions whose note flags a rupture, voided ones left out, oldest first. */
export async function ruptureSessionsOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<{ sessionId: string; noteId: string; date: string }[]> {
  const rows = await db
    .selectFrom('sessions as ses')
    .innerJoin('notes as n', 'n.session_id', 'ses.id')
    .select(['ses.id as session_id', 'n.id as note_id', 'ses.session_date'])
    .where('ses.client_id', '=', clientId)
    .where(ruptureNotedOf('n'), '=', 1)
    .where('ses.id', 'not in', voidedSessionIds())
    .orderBy('ses.session_date')
    .orderBy(sql`coalesce(ses.start_time, '')`)
    .orderBy('ses.created_at')
    .execute();
  return rows.map((row) => ({ sessionId: row.session_id, noteId: row.note_id, date: row.session_date }));
}

/** A stored session with the moment it was created. */
export type SessionRecord = Session & { createdAt: string };

/** One client's sessions, or every client's when `clientId` is null, oldest first. */
export async function sessionsInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<SessionRecord[]> {
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .$if(clientId !== null, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('session_date')
    .orderBy('start_time')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ ...sessionOf(row), createdAt: row.created_at }));
}

/** A session with what a progress summary reads of its note. */
export interface SessionWithNote {
  session: Session;
  note: { id: string; status: Note['status']; template: NoteTemplate; content: NoteContent; processNote: RichTextNode | null };
}

/**
 * A client's sessions from `from` to `to` (inclusive) with their notes, oldest first, voided ones
 * included. Process notes are read only when `withProcessNotes` asks for them (null otherwise).
 */
export async function sessionsWithNotesInRange(
  db: Kysely<VaultSchema>,
  clientId: string,
  range: { from: string; to: string },
  options: { withProcessNotes: boolean },
): Promise<SessionWithNote[]> {
  const rows = await db
    .selectFrom('sessions as ses')
    .innerJoin('notes as n', 'n.session_id', 'ses.id')
    .selectAll('ses')
    .select(['n.id as note_id', 'n.status', 'n.content', 'n.template_json'])
    .$if(options.withProcessNotes, (qb) => qb.select('n.process_note'))
    .where('ses.client_id', '=', clientId)
    .where('ses.session_date', '>=', range.from)
    .where('ses.session_date', '<=', range.to)
    .orderBy('ses.session_date')
    .orderBy('ses.start_time')
    .execute();
  return rows.map((row) => ({
    session: sessionOf(row),
    note: {
      id: row.note_id,
      status: row.status,
      template: parseTemplate(row.template_json),
      content: parseContent(row.content),
      processNote: row.process_note == null ? null : parseRichText(row.process_note),
    },
  }));
}

/** The first and last day of a client's sessions, voided ones included; null when there are none. */
export async function sessionDateSpan(db: Kysely<VaultSchema>, clientId: string): Promise<{ first: string | null; last: string | null }> {
  const span = await db
    .selectFrom('sessions')
    .select((eb) => [eb.fn.min('session_date').as('first'), eb.fn.max('session_date').as('last')])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return { first: (span?.first as string | null | undefined) ?? null, last: (span?.last as string | null | undefined) ?? null };
}
