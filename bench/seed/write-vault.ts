import { createHash } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { AlertEvent } from '../../shared/measures';
import { settingsSchema } from '../../shared/contract';
import type { NoteContent } from '../../shared/notes';
import type { NoteTemplate } from '../../shared/note-templates';
import type { RichTextNode } from '../../shared/rich-text';
import { fieldsToColumns } from '../../electron/services/clients/client-row';
import { replaceTags } from '../../electron/services/clients/client-tags.repository';
import { reindexClient } from '../../electron/services/clients/search-index';
import type { MeasureResultsTable, NoteAddendaTable, NoteGoalProgressTable, NotesTable, SessionsTable, VaultSchema } from '../../electron/services/database/schema';
import { addendumHash, canonicalJson, noteHash, type Json } from '../../electron/services/notes/note-hash';
import { noteSearchParts, writeNoteIndex } from '../../electron/services/notes/note-index';
import { homeworkOf } from '../../electron/services/notes/note-rules';
import { refreshAllClientAlerts } from '../../electron/services/measures/client-alerts';
import { activityEntries, chainedRows } from './activity';
import { HISTORY_END, isoInstant } from './calendar';
import { noteContent } from './note-content';
import type { PlannedMeasure, PlannedSession, PracticePlan } from './practice-plan';
import { doc, paragraph } from './rich-text';
import { measureDefinition } from './scores';
import { ADDENDA, PROCESS_NOTES } from './vocabulary';

/**
 * Writes a planned practice into an open vault. Rows are written the way the services write them and
 * with their own helpers (client columns and tags, the client/goal search rows, note hashes, the
 * note search index, the chained activity log), but in a few large transactions instead of one
 * service call (and one fsync) per record, which would take many minutes for 20,000 sessions.
 */
export interface WriteProgress {
  phase: 'clients' | 'sessions' | 'activity log';
  done: number;
  total: number;
}

export interface WriteTotals {
  clients: number;
  goals: number;
  diagnoses: number;
  sessions: number;
  attended: number;
  notes: number;
  signed: number;
  drafts: number;
  measureResults: number;
  addenda: number;
  activityEntries: number;
  /** Characters of searchable note text, over all notes. */
  noteTextChars: number;
}

const SESSIONS_PER_TRANSACTION = 500;
const ROWS_PER_STATEMENT = 200;

function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

const measureRow = (measure: PlannedMeasure, clientId: string): Insertable<MeasureResultsTable> => {
  const definition = measureDefinition(measure.measureId);
  // As the service stores them: every item of the definition, blank ones as null.
  const responses = Object.fromEntries(definition.items.map((item) => [item.key, measure.score.items[item.key]?.value ?? null]));
  return {
    id: measure.id,
    client_id: clientId,
    session_id: measure.sessionId,
    measure_id: measure.measureId,
    measure_version: measure.measureVersion,
    taken_on: measure.takenOn,
    responses: JSON.stringify(responses),
    total: measure.score.total,
    subscales: JSON.stringify(measure.score.subscales),
    flags: JSON.stringify(measure.score.flags),
    created_at: isoInstant(measure.createdAt),
  };
};

/** "Measures today: SAC client 25/30 (goals 8, tasks 8, bond 9); PHQ-9 11 (Moderate)." */
function measureLine(session: PlannedSession): string {
  if (session.measures.length === 0) return '';
  const parts = session.measures.map((measure) => {
    const definition = measureDefinition(measure.measureId);
    const subscales = definition.subscales.length > 0 && definition.subscales.length <= 3 ? ` (${definition.subscales.map((s) => `${s.label.toLowerCase()} ${measure.score.subscales[s.key]}`).join(', ')})` : '';
    const band = measure.score.band ? ` (${measure.score.band.label})` : '';
    return `${definition.shortName} ${measure.score.total}/${definition.range.max}${subscales || band}`;
  });
  return `Measures today: ${parts.join('; ')}.`;
}

/** Settings as Settings → Practice would hold them, so notes can be signed and summaries printed. */
async function writeSettings(trx: Kysely<VaultSchema>, plan: PracticePlan, at: string): Promise<void> {
  const values = settingsSchema.partial().parse({ practitionerName: plan.signer.name, credentials: plan.signer.credentials, ...plan.practice });
  for (const [key, value] of Object.entries(values)) {
    await trx.insertInto('settings').values({ key, value: JSON.stringify(value), updated_at: at }).execute();
  }
}

async function writeClients(db: Kysely<VaultSchema>, plan: PracticePlan, progress: (p: WriteProgress) => void): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await writeSettings(trx, plan, isoInstant(plan.clients[0]!.createdAt - 86_400_000));
    let done = 0;
    for (const client of plan.clients) {
      await trx
        .insertInto('clients')
        .values({ ...fieldsToColumns(client.fields), id: client.id, code: client.code, created_at: isoInstant(client.createdAt), updated_at: isoInstant(client.updatedAt) })
        .execute();
      await replaceTags(trx, client.id, client.fields.tags);
      for (const d of client.diagnoses) {
        await trx
          .insertInto('diagnoses')
          .values({ id: d.id, client_id: client.id, code: d.code, label: d.label, date_added: d.dateAdded, date_removed: d.dateRemoved, created_at: isoInstant(d.createdAt) })
          .execute();
      }
      if (client.goals.length > 0) {
        await trx
          .insertInto('goals')
          .values(
            client.goals.map((g) => ({
              id: g.id,
              client_id: client.id,
              text: g.text,
              objective: g.objective,
              status: g.status,
              date_set: g.dateSet,
              target_date: g.targetDate,
              position: g.position,
              created_at: isoInstant(g.createdAt),
              updated_at: isoInstant(g.updatedAt),
            })),
          )
          .execute();
      }
      await reindexClient(trx, client.id);
      if (client.intakeMeasures.length > 0) await trx.insertInto('measure_results').values(client.intakeMeasures.map((m) => measureRow(m, client.id))).execute();
      progress({ phase: 'clients', done: ++done, total: plan.clients.length });
    }
    // Status histories in the order they were recorded, as the service would have numbered them.
    const changes = plan.clients
      .flatMap((client) => client.goals.flatMap((goal) => goal.history.map((change) => ({ goal, change }))))
      .sort((a, b) => a.change.at - b.change.at);
    for (const part of chunks(changes, ROWS_PER_STATEMENT)) {
      await trx
        .insertInto('goal_status_changes')
        .values(part.map(({ goal, change }) => ({ goal_id: goal.id, from_status: change.from, to_status: change.to, effective_date: change.date, recorded_at: isoInstant(change.at) })))
        .execute();
    }
  });
}

interface SessionRows {
  sessions: Insertable<SessionsTable>[];
  notes: Insertable<NotesTable>[];
  progress: Insertable<NoteGoalProgressTable>[];
  measures: Insertable<MeasureResultsTable>[];
  addenda: Insertable<NoteAddendaTable>[];
  index: { noteKey: number; noteId: string; clientId: string; parts: Map<number, string> }[];
}

/** One session's rows, its note written from the plan; `previous` is the client's last note (for homework). */
function sessionRows(plan: PracticePlan, session: PlannedSession, previous: { template: NoteTemplate; content: NoteContent } | undefined, rows: SessionRows): { template: NoteTemplate; content: NoteContent } {
  const { client, template, rng } = session;
  const content = noteContent({
    rng,
    template,
    profile: client.profile,
    clientName: client.fields.preferredName || client.name.given,
    pronoun: client.pronoun,
    attendance: session.fields.attendance,
    sessionNumber: session.index + 1,
    cadence: client.rhythm.word,
    nextAppointment: session.nextAppointment,
    goalMarks: session.goalMarks,
    homeworkReview: previous ? homeworkOf(previous.template, previous.content) : [],
    rupture: session.rupture,
    risk: session.risk,
    measureLine: measureLine(session),
    outcomeName: measureDefinition(client.profile.outcomes[0]!).shortName,
    trend: client.outcome.trend,
    targetChars: session.index === 0 ? rng.int(2200, 2800) : rng.int(1700, 2300),
    unfinished: session.unfinished,
  });
  const signed = session.status === 'signed';
  const signedAt = session.signedAt === null ? null : isoInstant(session.signedAt);
  const hash = signedAt
    ? noteHash({ noteId: session.noteId, clientId: client.id, session: session.fields, template: { id: template.id, version: template.version }, content, signedAt, signer: plan.signer })
    : null;
  const created = isoInstant(session.createdAt);
  rows.sessions.push({
    id: session.id,
    client_id: client.id,
    session_date: session.fields.date,
    created_at: created,
    start_time: session.fields.startTime,
    duration_minutes: session.fields.durationMinutes,
    modality: session.fields.modality,
    type: session.fields.type,
    attendance: session.fields.attendance,
    service_code: session.fields.serviceCode,
  });
  rows.notes.push({
    id: session.noteId,
    session_id: session.id,
    client_id: client.id,
    template_id: template.id,
    template_version: template.version,
    template_json: JSON.stringify(template),
    status: session.status,
    // As signing stores it: canonical JSON for a signed note (see note-signing.ts).
    content: signed ? canonicalJson(content as unknown as Json) : JSON.stringify(content),
    process_note: session.processNote ? JSON.stringify(doc([paragraph(rng.pick(PROCESS_NOTES))])) : null,
    revision: session.revision,
    saved_at: isoInstant(session.savedAt),
    signed_at: signedAt,
    signer_name: signed ? plan.signer.name : null,
    signer_credentials: signed ? plan.signer.credentials : null,
    content_hash: hash,
    search_rowid: session.noteKey,
    created_at: created,
  });
  rows.progress.push(...content.goalProgress.map((mark) => ({ note_id: session.noteId, goal_id: mark.goalId, progress: mark.progress })));
  rows.measures.push(...session.measures.map((measure) => measureRow(measure, client.id)));
  const addenda: RichTextNode[] = [];
  if (session.addendum && hash) {
    const text = doc([paragraph(rng.pick(ADDENDA))]);
    const at = isoInstant(session.addendum.at);
    addenda.push(text);
    rows.addenda.push({
      id: session.addendum.id,
      note_id: session.noteId,
      text: JSON.stringify(text),
      signed_at: at,
      signer_name: plan.signer.name,
      signer_credentials: plan.signer.credentials,
      hash: addendumHash({ addendumId: session.addendum.id, noteId: session.noteId, noteHash: hash, text, signedAt: at, signer: plan.signer }),
    });
  }
  rows.index.push({ noteKey: session.noteKey, noteId: session.noteId, clientId: client.id, parts: noteSearchParts(template, content, addenda, session.status) });
  return { template, content };
}

async function writeSessions(db: Kysely<VaultSchema>, plan: PracticePlan, totals: WriteTotals, progress: (p: WriteProgress) => void): Promise<void> {
  const lastNote = new Map<string, { template: NoteTemplate; content: NoteContent }>();
  let done = 0;
  for (const batch of chunks(plan.sessions, SESSIONS_PER_TRANSACTION)) {
    const rows: SessionRows = { sessions: [], notes: [], progress: [], measures: [], addenda: [], index: [] };
    for (const session of batch) lastNote.set(session.client.id, sessionRows(plan, session, lastNote.get(session.client.id), rows));
    await db.transaction().execute(async (trx) => {
      for (const part of chunks(rows.sessions, ROWS_PER_STATEMENT)) await trx.insertInto('sessions').values(part).execute();
      // As in the app, goal marks and results are written while the note is a draft, then it is
      // signed: the database refuses them for a signed session (migration 0008).
      const drafts = rows.notes.map((note) => ({ ...note, status: 'draft' as const }));
      for (const part of chunks(drafts, ROWS_PER_STATEMENT / 2)) await trx.insertInto('notes').values(part).execute();
      for (const part of chunks(rows.progress, ROWS_PER_STATEMENT)) await trx.insertInto('note_goal_progress').values(part).execute();
      for (const part of chunks(rows.measures, ROWS_PER_STATEMENT)) await trx.insertInto('measure_results').values(part).execute();
      const signed = rows.notes.filter((note) => note.status === 'signed').map((note) => note.id);
      for (const part of chunks(signed, ROWS_PER_STATEMENT)) await trx.updateTable('notes').set({ status: 'signed' }).where('id', 'in', part).execute();
      for (const part of chunks(rows.addenda, ROWS_PER_STATEMENT)) await trx.insertInto('note_addenda').values(part).execute();
      // The service's own index writer, so the rows are exactly what a save or a signature leaves.
      for (const note of rows.index) await writeNoteIndex(trx, note);
    });
    for (const session of batch) {
      totals.sessions += 1;
      totals.notes += 1;
      if (session.fields.attendance === 'attended') totals.attended += 1;
      if (session.status === 'signed') totals.signed += 1;
      else totals.drafts += 1;
      totals.measureResults += session.measures.length;
      if (session.addendum && session.status === 'signed') totals.addenda += 1;
    }
    for (const note of rows.index) for (const part of note.parts.values()) totals.noteTextChars += part.length;
    done += batch.length;
    progress({ phase: 'sessions', done, total: plan.sessions.length });
  }
}

async function writeActivity(db: Kysely<VaultSchema>, plan: PracticePlan, totals: WriteTotals, progress: (p: WriteProgress) => void): Promise<void> {
  const rows = chainedRows(activityEntries(plan));
  await db.transaction().execute(async (trx) => {
    let done = 0;
    for (const part of chunks(rows, 500)) {
      await trx.insertInto('activity_log').values(part).execute();
      done += part.length;
      if (done % 10_000 < 500 || done === rows.length) progress({ phase: 'activity log', done, total: rows.length });
    }
  });
  totals.activityEntries = rows.length;
}

/**
 * The alert events the seeded history raised, derived as the services derive them (one call per
 * client, as after each recorded result). Named from client and key and dated at the end of the
 * history's day, so the same seed gives the same rows.
 */
async function writeAlertEvents(db: Kysely<VaultSchema>): Promise<void> {
  const newId = (clientId: string, event: AlertEvent): string => {
    const hex = createHash('sha256').update(`${clientId}|${event.key}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  const raisedAt = (event: AlertEvent): string => `${event.date}T18:00:00.000Z`;
  await db.transaction().execute((trx) => refreshAllClientAlerts(trx, new Date(`${HISTORY_END}T18:00:00.000Z`), { newId, raisedAt }));
}

/** How long the seeded practitioner takes to look at an alert and acknowledge it. */
const REVIEWED_AFTER_DAYS = 42;

/**
 * A practice in use has acknowledged most of its history's alerts: the seeded practitioner has
 * acknowledged every alert raised more than six weeks before the client's last session, and left the
 * recent ones open, so the Dashboard (and its bench row) shows what a working caseload shows rather
 * than years of unread alerts. Ids and times come from the event, so the same seed gives the same rows.
 */
async function acknowledgeReviewedAlerts(db: Kysely<VaultSchema>): Promise<void> {
  const lastSessions = await db.selectFrom('sessions').select(['client_id', (eb) => eb.fn.max('session_date').as('last')]).groupBy('client_id').execute();
  const lastOf = new Map(lastSessions.map((row) => [row.client_id, row.last]));
  const events = await db.selectFrom('alert_events').select(['client_id', 'alert_key', 'event_date']).orderBy('id').execute();
  const dayMs = 24 * 60 * 60 * 1000;
  const reviewed = events.filter((event) => {
    const last = lastOf.get(event.client_id);
    return last !== undefined && Date.parse(`${last}T00:00:00Z`) - Date.parse(`${event.event_date}T00:00:00Z`) > REVIEWED_AFTER_DAYS * dayMs;
  });
  const rows = reviewed.map((event) => {
    const hex = createHash('sha256').update(`ack|${event.client_id}|${event.alert_key}`).digest('hex');
    return {
      id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
      client_id: event.client_id,
      alert_key: event.alert_key,
      note: 'Reviewed with the client at the next session.',
      acknowledged_at: new Date(Date.parse(`${event.event_date}T18:00:00Z`) + 7 * dayMs).toISOString(),
    };
  });
  await db.transaction().execute(async (trx) => {
    for (const part of chunks(rows, 500)) await trx.insertInto('alert_acknowledgements').values(part).execute();
  });
}

/** Writes `plan` into the (new, empty) vault behind `db`. */
export async function writePractice(db: Kysely<VaultSchema>, plan: PracticePlan, progress: (p: WriteProgress) => void = () => undefined): Promise<WriteTotals> {
  const totals: WriteTotals = {
    clients: plan.clients.length,
    goals: plan.clients.reduce((sum, c) => sum + c.goals.length, 0),
    diagnoses: plan.clients.reduce((sum, c) => sum + c.diagnoses.length, 0),
    sessions: 0,
    attended: 0,
    notes: 0,
    signed: 0,
    drafts: 0,
    measureResults: plan.clients.reduce((sum, c) => sum + c.intakeMeasures.length, 0),
    addenda: 0,
    activityEntries: 0,
    noteTextChars: 0,
  };
  await writeClients(db, plan, progress);
  await writeSessions(db, plan, totals, progress);
  await writeAlertEvents(db);
  await acknowledgeReviewedAlerts(db);
  await writeActivity(db, plan, totals, progress);
  return totals;
}
