import type { Insertable, Kysely } from 'kysely';
import type { NoteContent } from '../../shared/notes';
import type { NoteTemplate } from '../../shared/note-templates';
import type { RichTextNode } from '../../shared/rich-text';
import type { MeasureResultsTable, NoteAddendaTable, NoteGoalProgressTable, NotesTable, SessionsTable, VaultSchema } from '../../electron/services/database/schema';
import { addendumHash, canonicalJson, noteHash, type Json } from '../../electron/services/notes/note-hash';
import { noteSearchParts, writeNoteIndex } from '../../electron/services/notes/note-index';
import { homeworkOf } from '../../electron/services/notes/note-rules';
import { isoInstant } from './calendar';
import { noteContent } from './note-content';
import type { PlannedSession, PracticePlan } from './plan-types';
import { doc, paragraph } from './rich-text';
import { measureDefinition } from './scores';
import { ADDENDA, PROCESS_NOTES } from './vocabulary';
import { chunks, measureRow, ROWS_PER_STATEMENT } from './write-rows';
import type { WriteProgress, WriteTotals } from './write-vault';

const SESSIONS_PER_TRANSACTION = 500;

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
  // The visit's medication review, as the note's editor would have stored it.
  if (session.medicationReview) content.medicationReview = session.medicationReview;
  // A repair worked on: the Bond section's tick, stored only when true, as the editor stores it.
  if (session.repaired && template.sections.some((section) => section.kind === 'bond')) content.rupture = { ...content.rupture, repaired: true };
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

export async function writeSessions(db: Kysely<VaultSchema>, plan: PracticePlan, totals: WriteTotals, progress: (p: WriteProgress) => void): Promise<void> {
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
