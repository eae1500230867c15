import { sql, type Kysely } from 'kysely';
import {
  DATA_EXPORT_FORMAT,
  DATA_EXPORT_FORMAT_VERSION,
  type DataExport,
  type ExportedNote,
  type ExportedNoteSection,
} from '../../../shared/data-export';
import type { MeasureDefinition } from '../../../shared/measures/definition';
import type { NoteTemplate } from '../../../shared/note-templates';
import { richTextDocSchema, richTextToPlain } from '../../../shared/rich-text';
import type { VaultSchema } from '../database/schema';
import { readSettings } from '../database/settings.repository';
import { clientNotFound } from '../clients/client-store';
import { allEvents } from '../measures/alert-events.repository';
import { measureVersions } from '../measures/measure-definitions.repository';
import { parseContent, parseRichText, parseTemplate } from '../notes/note-store';
import { richTextToMarkdown } from './note-markdown';

export interface GatherOptions {
  /** One client, or null for the whole practice. */
  clientId: string | null;
  includeProcessNotes: boolean;
  exportedAt: Date;
  appVersion: string;
}

/**
 * Reads everything an open-format export holds into the documented `data.json` shape
 * (shared/data-export.ts), in a stable order (clients by code, then by date) so two exports of the
 * same data compare equal line by line.
 *
 * Left out on purpose: the search index (derived from the records), backup settings and history
 * (about this machine, and the backup passphrase is a secret), migration bookkeeping, and the
 * activity log's hash chain. The log itself is included as plain entries, because who changed what
 * and when is part of a clinical record; its hashes are not, because a chain only verifies over the
 * whole unfiltered log in the app's own canonical form, which a one-client export cannot be, and a
 * vault backup is the copy to verify.
 *
 * Process notes are not even read from the database unless they were asked for, so they cannot
 * reach a file by a slip further down.
 */
export async function gatherExportData(db: Kysely<VaultSchema>, options: GatherOptions): Promise<DataExport> {
  const { clientId, includeProcessNotes } = options;
  const scoped = clientId !== null;

  const clientRows = await db
    .selectFrom('clients')
    .selectAll()
    .$if(scoped, (qb) => qb.where('id', '=', clientId as string))
    .orderBy('code')
    .execute();
  if (scoped && clientRows.length === 0) throw clientNotFound();
  const clientOrder = new Map(clientRows.map((row, index) => [row.id, index]));
  const byClient = <T>(rows: T[], clientOf: (row: T) => string): T[] =>
    rows
      .map((row, index) => ({ row, index }))
      .sort((a, b) => (clientOrder.get(clientOf(a.row)) ?? 0) - (clientOrder.get(clientOf(b.row)) ?? 0) || a.index - b.index)
      .map(({ row }) => row);

  const tagRows = await db
    .selectFrom('client_tags')
    .select(['client_id', 'tag'])
    .$if(scoped, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('tag')
    .execute();
  const tagsOf = new Map<string, string[]>();
  for (const row of tagRows) tagsOf.set(row.client_id, [...(tagsOf.get(row.client_id) ?? []), row.tag]);

  const diagnosisRows = await db
    .selectFrom('diagnoses')
    .selectAll()
    .$if(scoped, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('date_added')
    .orderBy('created_at')
    .execute();

  const goalRows = await db
    .selectFrom('goals')
    .selectAll()
    .$if(scoped, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('position')
    .execute();
  const goalOrder = new Map(byClient(goalRows, (row) => row.client_id).map((row, index) => [row.id, index]));
  const changeRows = await db
    .selectFrom('goal_status_changes as g')
    .innerJoin('goals', 'goals.id', 'g.goal_id')
    .select(['g.goal_id', 'g.from_status', 'g.to_status', 'g.effective_date', 'g.recorded_at'])
    .$if(scoped, (qb) => qb.where('goals.client_id', '=', clientId as string))
    .orderBy('g.id')
    .execute();

  const sessionRows = await db
    .selectFrom('sessions')
    .selectAll()
    .$if(scoped, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('session_date')
    .orderBy('start_time')
    .orderBy('created_at')
    .execute();
  const sessions = byClient(sessionRows, (row) => row.client_id);
  const sessionOrder = new Map(sessions.map((row, index) => [row.id, index]));

  const noteRows = await db
    .selectFrom('notes as n')
    .select([
      'n.id',
      'n.session_id',
      'n.client_id',
      'n.template_json',
      'n.status',
      'n.content',
      'n.revision',
      'n.saved_at',
      'n.signed_at',
      'n.signer_name',
      'n.signer_credentials',
      'n.content_hash',
      'n.created_at',
    ])
    .$if(includeProcessNotes, (qb) => qb.select('n.process_note'))
    .$if(scoped, (qb) => qb.where('n.client_id', '=', clientId as string))
    .execute();
  noteRows.sort((a, b) => (sessionOrder.get(a.session_id) ?? 0) - (sessionOrder.get(b.session_id) ?? 0));

  const templates = new Map<string, NoteTemplate>();
  const notes = noteRows.map((row): ExportedNote => {
    const template = parseTemplate(row.template_json);
    templates.set(`${template.id}@${template.version}`, template);
    const content = parseContent(row.content);
    const sections: ExportedNoteSection[] = template.sections.map((section) => {
      const doc = content.sections[section.key] ?? null;
      return { key: section.key, label: section.label, kind: section.kind, content: doc, markdown: richTextToMarkdown(doc) };
    });
    // A section the template no longer names would otherwise vanish from the export without a trace.
    for (const [key, doc] of Object.entries(content.sections)) {
      if (!template.sections.some((section) => section.key === key)) {
        sections.push({ key, label: key, kind: 'richText', content: doc, markdown: richTextToMarkdown(doc) });
      }
    }
    const note: ExportedNote = {
      id: row.id,
      sessionId: row.session_id,
      clientId: row.client_id,
      status: row.status,
      template: { id: template.id, version: template.version, name: template.name },
      sections,
      goalProgress: content.goalProgress,
      homeworkReview: content.homeworkReview,
      approaches: content.approaches ?? [],
      rupture: content.rupture,
      risk: content.risk,
      revision: row.revision,
      savedAt: row.saved_at,
      signedAt: row.signed_at,
      signedBy: row.signer_name === null ? null : { name: row.signer_name, credentials: row.signer_credentials ?? '' },
      contentHash: row.content_hash,
      createdAt: row.created_at,
      voided: null,
    };
    if (includeProcessNotes) {
      const processNote = row.process_note == null ? null : parseRichText(row.process_note);
      note.processNote = processNote;
      note.processNoteMarkdown = richTextToMarkdown(processNote);
    }
    return note;
  });
  const noteOrder = new Map(notes.map((note, index) => [note.id, index]));

  const addendumRows = await db
    .selectFrom('note_addenda as a')
    .innerJoin('notes as n', 'n.id', 'a.note_id')
    .selectAll('a')
    .$if(scoped, (qb) => qb.where('n.client_id', '=', clientId as string))
    .orderBy('a.signed_at')
    .orderBy(sql`a.rowid`)
    .execute();
  addendumRows.sort((a, b) => (noteOrder.get(a.note_id) ?? 0) - (noteOrder.get(b.note_id) ?? 0));
  for (const row of addendumRows) {
    const voidedNote = row.kind === 'void' ? notes[noteOrder.get(row.note_id) ?? -1] : undefined;
    if (voidedNote) voidedNote.voided = { at: row.signed_at, reason: richTextToPlain(parseRichText(row.text)).trim() };
  }

  const resultRows = await db
    .selectFrom('measure_results')
    .selectAll()
    .$if(scoped, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('taken_on')
    .orderBy('created_at')
    .execute();
  const measureResults = byClient(resultRows, (row) => row.client_id);
  const definitions = await usedMeasureDefinitions(
    db,
    measureResults.map((row) => ({ id: row.measure_id, version: row.measure_version })),
  );

  const acknowledgementRows = await db
    .selectFrom('alert_acknowledgements')
    .selectAll()
    .$if(scoped, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('acknowledged_at')
    .execute();

  const events = await allEvents(db, scoped ? (clientId as string) : null);

  const activityRows = await db
    .selectFrom('activity_log')
    .select(['seq', 'at', 'action', 'record_type', 'record_id', 'client_id', 'fields'])
    .$if(scoped, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('seq')
    .execute();

  const settings = await readSettings(db);

  return {
    format: DATA_EXPORT_FORMAT,
    formatVersion: DATA_EXPORT_FORMAT_VERSION,
    exportedAt: options.exportedAt.toISOString(),
    appVersion: options.appVersion,
    scope: { clientId, includesProcessNotes: includeProcessNotes },
    practice: {
      practitionerName: settings.practitionerName,
      credentials: settings.credentials,
      practiceName: settings.practiceName,
      licenceNumber: settings.licenceNumber,
      practiceContact: settings.practiceContact,
    },
    clients: clientRows.map((row) => {
      const presentingConcerns = row.presenting_concerns === null ? null : richTextDocSchema.parse(JSON.parse(row.presenting_concerns));
      return {
        id: row.id,
        code: row.code,
        legalName: row.legal_name,
        preferredName: row.preferred_name,
        pronouns: row.pronouns,
        dateOfBirth: row.date_of_birth,
        phone: row.phone,
        email: row.email,
        address: row.address,
        emergencyContact: { name: row.emergency_name, relation: row.emergency_relation, phone: row.emergency_phone },
        intakeDate: row.intake_date,
        referralSource: row.referral_source,
        status: row.status,
        dischargeDate: row.discharge_date,
        dischargeReason: row.discharge_reason,
        presentingConcerns,
        presentingConcernsMarkdown: richTextToMarkdown(presentingConcerns),
        tags: tagsOf.get(row.id) ?? [],
        privateRemarks: row.private_remarks,
        reviewDate: row.review_date,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    }),
    diagnoses: byClient(diagnosisRows, (row) => row.client_id).map((row) => ({
      id: row.id,
      clientId: row.client_id,
      code: row.code,
      label: row.label,
      dateAdded: row.date_added,
      dateRemoved: row.date_removed,
      createdAt: row.created_at,
    })),
    goals: byClient(goalRows, (row) => row.client_id).map((row) => ({
      id: row.id,
      clientId: row.client_id,
      text: row.text,
      objective: row.objective,
      status: row.status,
      dateSet: row.date_set,
      targetDate: row.target_date,
      position: row.position,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    })),
    goalStatusChanges: changeRows
      .map((row, index) => ({ row, index }))
      .sort((a, b) => (goalOrder.get(a.row.goal_id) ?? 0) - (goalOrder.get(b.row.goal_id) ?? 0) || a.index - b.index)
      .map(({ row }) => ({
        goalId: row.goal_id,
        fromStatus: row.from_status as DataExport['goals'][number]['status'] | null,
        toStatus: row.to_status as DataExport['goals'][number]['status'],
        effectiveDate: row.effective_date,
        recordedAt: row.recorded_at,
      })),
    sessions: sessions.map((row) => ({
      id: row.id,
      clientId: row.client_id,
      date: row.session_date,
      startTime: row.start_time,
      durationMinutes: row.duration_minutes,
      modality: row.modality,
      type: row.type,
      attendance: row.attendance,
      serviceCode: row.service_code,
      createdAt: row.created_at,
    })),
    notes,
    addenda: addendumRows.map((row) => {
      const text = parseRichText(row.text);
      return {
        id: row.id,
        noteId: row.note_id,
        kind: row.kind,
        text,
        textMarkdown: richTextToMarkdown(text),
        signedAt: row.signed_at,
        signedBy: { name: row.signer_name, credentials: row.signer_credentials },
        hash: row.hash,
      };
    }),
    measureResults: measureResults.map((row) => ({
      id: row.id,
      clientId: row.client_id,
      sessionId: row.session_id,
      measureId: row.measure_id,
      measureVersion: row.measure_version,
      takenOn: row.taken_on,
      responses: JSON.parse(row.responses) as Record<string, number | null>,
      total: row.total,
      subscales: JSON.parse(row.subscales) as Record<string, number | null>,
      flags: JSON.parse(row.flags) as string[],
      createdAt: row.created_at,
      lateEntryAddendumId: row.addendum_id,
      struckOut: row.struck_addendum_id === null ? null : { addendumId: row.struck_addendum_id, reason: row.struck_reason ?? '' },
    })),
    measureDefinitions: definitions,
    templates: [...templates.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version),
    alertAcknowledgements: byClient(acknowledgementRows, (row) => row.client_id).map((row) => ({
      id: row.id,
      clientId: row.client_id,
      alertKey: row.alert_key,
      note: row.note,
      acknowledgedAt: row.acknowledged_at,
    })),
    alertEvents: events.map((event) => ({
      id: event.id,
      clientId: event.clientId,
      alertKey: event.key,
      kind: event.kind,
      measureId: event.measureId,
      measureName: event.measureName,
      rater: event.rater,
      severity: event.severity,
      reason: event.reason,
      date: event.date,
      sessionIds: event.sessions.map((session) => session.sessionId),
      subject: event.subject,
      raisedAt: event.raisedAt,
    })),
    activityLog: activityRows.map((row) => ({
      seq: row.seq,
      at: row.at,
      action: row.action,
      recordType: row.record_type,
      recordId: row.record_id,
      clientId: row.client_id,
      fields: parseFields(row.fields),
    })),
  };
}

/** Exactly the (id, version) pairs results were scored with, built-in ones included. */
async function usedMeasureDefinitions(db: Kysely<VaultSchema>, used: readonly { id: string; version: number }[]): Promise<MeasureDefinition[]> {
  const wanted = new Map(used.map((pair) => [`${pair.id}@${pair.version}`, pair]));
  if (wanted.size === 0) return [];
  const found = await measureVersions(db, [...wanted.values()]);
  return [...wanted.keys()]
    .map((key) => found.get(key))
    .filter((definition): definition is MeasureDefinition => definition !== undefined)
    .sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}

function parseFields(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
