import { randomUUID } from 'node:crypto';
import type { NoteTemplate } from '../../../shared/note-templates';
import { sessionDateProblem } from '../../../shared/date-rules';
import { AppError } from '../../../shared/errors';
import {
  emptyNoteContent,
  type Note,
  type NoteContent,
  type SearchInput,
  type SearchResult,
  type SessionApproachRow,
  type SessionFields,
  type SessionSummary,
  type UnsignedNote,
} from '../../../shared/notes';
import { isRichTextEmpty, type RichTextNode } from '../../../shared/rich-text';
import { appendActivity } from '../activity/activity-log';
import { clientRowOrThrow } from '../clients/client-store';
import { refreshClientAlerts } from '../measures/client-alerts';
import { appointmentRow, linkAppointmentSession } from '../engagement/appointments.repository';
import { refreshEngagement } from '../engagement/engagement-events';
import { invalid, ServiceContext, type ServiceClock } from '../clients/service-context';
import { writeGoalProgress } from './goal-progress.repository';
import { addAddendum, signNote, voidNote } from './note-signing';
import { deleteNoteIndex, medicationNamesOf, noteSearchParts, writeNoteIndex } from './note-index';
import { checkedContent, homeworkOf } from './note-rules';
import { parseTemplate, sessionFieldsOf, signedConflict, staleConflict } from './note-store';
import { insertNote, loadNote, newNoteKey, noteRowOrThrow, updateDraft } from './notes.repository';
import { searchVault } from './search.repository';
import { approachesOfClient } from './session-approaches.repository';
import { deleteSession, insertSession, listSessionsOfClient, listUnsigned, previousNote, sessionRow, updateSessionFields } from './sessions.repository';
import { latestTemplate, listTemplates, saveTemplate } from './templates.repository';

/** The stored note's rupture flag, read without validating the whole note (autosave is frequent). */
const ruptureNoted = (json: string): boolean => (JSON.parse(json) as { rupture?: { noted?: boolean } }).rupture?.noted === true;

/** What the engagement flag reads of a note: the homework ticks and the rupture's repair. */
const engagementSignature = (content: Pick<NoteContent, 'homeworkReview' | 'rupture'>): string =>
  JSON.stringify([content.homeworkReview.map((item) => item.done), content.rupture.repaired === true]);

/** Sessions and their notes: drafts that autosave, signing, addenda, templates and full-text search. */
export class NotesService {
  private readonly ctx: ServiceContext;

  constructor(options: ServiceClock) {
    this.ctx = new ServiceContext(options);
  }

  /** Built-in templates, then the latest version of each custom one. */
  listTemplates(): Promise<NoteTemplate[]> {
    return listTemplates(this.ctx.db());
  }

  /** A copy (id null) or the next version of a custom template; built-ins are FORBIDDEN. */
  saveTemplate(input: { id: string | null; name: string; sections: NoteTemplate['sections'] }): Promise<NoteTemplate> {
    return saveTemplate(this.ctx.db(), input, this.ctx.now());
  }

  /** Records a session and starts its draft note, with last session's homework to review. */
  async createSession(input: { clientId: string; session: SessionFields; templateId: string; appointmentId?: string | null }): Promise<Note> {
    const db = this.ctx.db();
    const client = await clientRowOrThrow(db, input.clientId);
    this.checkSessionDate(input.session.date, client.date_of_birth);
    const template = await latestTemplate(db, input.templateId);
    if (!template) throw invalid({ templateId: 'That template is no longer available. Choose another one.' });
    const appointment = input.appointmentId ? await appointmentRow(db, input.appointmentId) : null;
    if (input.appointmentId && (!appointment || appointment.clientId !== input.clientId)) throw new AppError('NOT_FOUND', 'That appointment was removed.');
    if (appointment && (appointment.sessionId || appointment.attendanceId)) throw new AppError('CONFLICT', 'That appointment already has a session or a missed-session record.');
    const previous = await previousNote(db, input.clientId, input.session.date);
    const content: NoteContent = {
      ...emptyNoteContent(template.sections.map((section) => section.key)),
      homeworkReview: previous ? homeworkOf(previous.template, previous.content) : [],
    };
    const sessionId = randomUUID();
    const noteId = randomUUID();
    const at = this.ctx.now().toISOString();
    await this.ctx.transaction(async (trx) => {
      await insertSession(trx, { id: sessionId, clientId: input.clientId, createdAt: at, fields: input.session });
      const noteKey = await newNoteKey(trx);
      await insertNote(trx, {
        id: noteId,
        session_id: sessionId,
        client_id: input.clientId,
        template_id: template.id,
        template_version: template.version,
        template_json: JSON.stringify(template),
        status: 'draft',
        content: JSON.stringify(content),
        process_note: null,
        revision: 0,
        saved_at: at,
        search_rowid: noteKey,
        created_at: at,
      });
      await writeNoteIndex(trx, { noteKey, noteId, clientId: input.clientId, parts: noteSearchParts(template, content, [], 'draft') });
      if (appointment) await linkAppointmentSession(trx, appointment.id, sessionId);
      // An attended session ends a run of missed ones and a gap; a missed one recorded as a session adds to them.
      await refreshEngagement(trx, input.clientId, new Date(at));
      await appendActivity(
        trx,
        { action: 'create', recordType: 'session', recordId: sessionId, clientId: input.clientId, fields: [], detail: { sessionDate: input.session.date } },
        new Date(at),
      );
    });
    return loadNote(db, noteId);
  }

  /** Corrects the session details of a draft; a signed note's session is part of what was signed. */
  async updateSession(input: { noteId: string; session: SessionFields }): Promise<Note> {
    const db = this.ctx.db();
    const note = await noteRowOrThrow(db, input.noteId);
    if (note.status === 'signed') throw new AppError('CONFLICT', 'This note is signed, so its session details cannot be changed.');
    const row = await sessionRow(db, note.session_id);
    const before = sessionFieldsOf(row);
    const changed = (Object.keys(before) as (keyof SessionFields)[]).filter((key) => before[key] !== input.session[key]);
    if (changed.length === 0) return loadNote(db, input.noteId);
    this.checkSessionDate(input.session.date, (await clientRowOrThrow(db, note.client_id)).date_of_birth);
    const at = this.ctx.now();
    await this.ctx.transaction(async (trx) => {
      // Re-checked inside the transaction: the note may have been signed since it was read.
      const current = await noteRowOrThrow(trx, input.noteId);
      if (current.status === 'signed') throw signedConflict();
      await updateSessionFields(trx, note.session_id, input.session);
      // A rupture alert is dated by its session.
      if (changed.includes('date') || changed.includes('attendance')) await refreshClientAlerts(trx, note.client_id, at);
      await appendActivity(
        trx,
        { action: 'update', recordType: 'session', recordId: note.session_id, clientId: note.client_id, fields: changed, detail: { sessionDate: input.session.date } },
        at,
      );
    });
    return loadNote(db, input.noteId);
  }

  /** The client timeline: every session with its note's status, newest first. */
  async listSessions(clientId: string): Promise<SessionSummary[]> {
    await clientRowOrThrow(this.ctx.db(), clientId);
    return listSessionsOfClient(this.ctx.db(), clientId);
  }

  /** The approach of each session, oldest first: the strip under the client's alliance chart. */
  async listApproaches(clientId: string): Promise<SessionApproachRow[]> {
    await clientRowOrThrow(this.ctx.db(), clientId);
    return approachesOfClient(this.ctx.db(), clientId);
  }

  /** The whole note, with its template as it was written and its addenda. */
  getNote(noteId: string): Promise<Note> {
    return loadNote(this.ctx.db(), noteId);
  }

  /**
   * Autosave: stores the draft, its goal-progress rows and its search row in one transaction.
   * Deliberately not written to the activity log: autosave runs about once a second while typing, and a
   * hash-chained, append-only log filled with those entries would bury the events worth auditing
   * (creation, signing, addenda, erasure) and grow without bound. `savedAt` records the last edit.
   */
  async saveDraft(input: { noteId: string; baseRevision: number; content: NoteContent; processNote: RichTextNode | null }): Promise<{ revision: number; savedAt: string }> {
    const savedAt = this.ctx.now().toISOString();
    return this.ctx.transaction(async (trx) => {
      const row = await noteRowOrThrow(trx, input.noteId);
      if (row.status === 'signed') throw signedConflict();
      if (row.revision !== input.baseRevision) throw staleConflict();
      const template = parseTemplate(row.template_json);
      const content = await checkedContent(trx, template, row.client_id, input.content);
      const revision = row.revision + 1;
      const saved = await updateDraft(trx, input.noteId, input.baseRevision, {
        content: JSON.stringify(content),
        process_note: input.processNote === null || isRichTextEmpty(input.processNote) ? null : JSON.stringify(input.processNote),
        revision,
        saved_at: savedAt,
      });
      if (!saved) throw staleConflict();
      // Autosave runs about once a second: the alerts are recomputed only when the rupture flag changed.
      if (ruptureNoted(row.content) !== content.rupture.noted) await refreshClientAlerts(trx, row.client_id, new Date(savedAt));
      else if (engagementSignature(JSON.parse(row.content) as NoteContent) !== engagementSignature(content)) await refreshEngagement(trx, row.client_id, new Date(savedAt));
      await writeGoalProgress(trx, input.noteId, content);
      // Only the parts whose text changed are rewritten: usually the one section being typed in.
      const parts = noteSearchParts(template, content, [], 'draft', await medicationNamesOf(trx, row.client_id, content));
      await writeNoteIndex(trx, { noteKey: row.search_rowid, noteId: row.id, clientId: row.client_id, parts });
      return { revision, savedAt };
    });
  }

  /** Signs with the name and credentials from Settings and stores the SHA-256 of the canonical content. */
  sign(input: { noteId: string; baseRevision: number }): Promise<Note> {
    return signNote(this.ctx, input);
  }

  /** Appends a dated, signed correction to a signed note; the note itself and its hash never change. */
  addAddendum(input: { noteId: string; text: RichTextNode }): Promise<Note> {
    return addAddendum(this.ctx, input);
  }

  /** Deletes a session created by mistake, with its draft note and any results; a signed one is voided instead. */
  async deleteDraftSession(input: { noteId: string }): Promise<void> {
    const at = this.ctx.now();
    await this.ctx.transaction(async (trx) => {
      const row = await noteRowOrThrow(trx, input.noteId);
      if (row.status === 'signed') throw new AppError('CONFLICT', 'This note is signed, so its session cannot be deleted. Void the note with a reason instead.');
      const session = await sessionRow(trx, row.session_id);
      await deleteNoteIndex(trx, row.search_rowid);
      await deleteSession(trx, row.session_id);
      await refreshClientAlerts(trx, row.client_id, at);
      await appendActivity(
        trx,
        { action: 'delete', recordType: 'session', recordId: row.session_id, clientId: row.client_id, fields: [], detail: { sessionDate: session.session_date } },
        at,
      );
    });
  }

  /** Voids a signed note with a reason: kept and shown struck through, left out of charts, alerts and counts. */
  voidNote(input: { noteId: string; reason: string }): Promise<Note> {
    return voidNote(this.ctx, input);
  }

  /** Drafts older than NEEDS_SIGNING_AFTER_DAYS days, oldest first, for the Dashboard. */
  listUnsigned(): Promise<UnsignedNote[]> {
    return listUnsigned(this.ctx.db(), this.ctx.today());
  }

  /** The date rules the form shows too, against the service's own clock; keyed as the contract names the field. */
  private checkSessionDate(date: string, dateOfBirth: string | null): void {
    const problem = sessionDateProblem(date, this.ctx.today(), dateOfBirth);
    if (problem) throw invalid({ 'session.date': problem });
  }

  /** Full-text search with snippets and filters. */
  search(input: SearchInput): Promise<SearchResult[]> {
    return searchVault(this.ctx.db(), input);
  }
}
