import type {
  ExportedAddendum,
  ExportedAllergy,
  ExportedAppointment,
  ExportedClient,
  ExportedContact,
  ExportedMeasureResult,
  ExportedMedication,
  ExportedMissedSession,
  ExportedNote,
  ExportedNoteSection,
} from '../../../shared/data-export';
import type { Appointment, AttendanceRecord, Contact, FollowUpPlan } from '../../../shared/engagement';
import type { Allergy, Medication } from '../../../shared/medications';
import type { NoteTemplate } from '../../../shared/note-templates';
import type { Addendum } from '../../../shared/notes';
import type { ClientRecord } from '../clients/clients.repository';
import type { StoredResult } from '../measures/measure-results.repository';
import type { NoteRecord } from '../notes/notes.repository';
import { richTextToMarkdown } from './note-markdown';

/*
 * The records as the published file format writes them (shared/data-export.ts), from what the
 * repositories read back. The format is fixed within a format version, so its names and the order of
 * its fields are written out here rather than following the app's own types; rich text gains its
 * Markdown rendering next to the editor's document.
 */

export function exportedClient(client: ClientRecord, plan: FollowUpPlan | null): ExportedClient {
  return {
    id: client.id,
    code: client.code,
    legalName: client.legalName,
    preferredName: client.preferredName,
    pronouns: client.pronouns,
    dateOfBirth: client.dateOfBirth,
    phone: client.phone,
    email: client.email,
    address: client.address,
    emergencyContact: { name: client.emergencyContact.name, relation: client.emergencyContact.relation, phone: client.emergencyContact.phone },
    intakeDate: client.intakeDate,
    referralSource: client.referralSource,
    status: client.status,
    dischargeDate: client.dischargeDate,
    dischargeReason: client.dischargeReason,
    dischargeKind: client.dischargeKind,
    presentingConcerns: client.presentingConcerns,
    presentingConcernsMarkdown: richTextToMarkdown(client.presentingConcerns),
    tags: client.tags,
    privateRemarks: client.privateRemarks,
    reviewDate: client.reviewDate,
    followUpPlan: plan === null ? null : { frequency: plan.frequency, everyDays: plan.everyDays, agreedOn: plan.agreedOn, updatedAt: plan.updatedAt },
    createdAt: client.createdAt,
    updatedAt: client.updatedAt,
  };
}

/** A note with its sections in its template's order; `voided` is filled in from its addenda afterwards. */
export function exportedNote(note: NoteRecord): ExportedNote {
  const { template, content } = note;
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
  const exported: ExportedNote = {
    id: note.id,
    sessionId: note.sessionId,
    clientId: note.clientId,
    status: note.status,
    template: { id: template.id, version: template.version, name: template.name },
    sections,
    goalProgress: content.goalProgress,
    homeworkReview: content.homeworkReview,
    approaches: content.approaches ?? [],
    rupture: content.rupture,
    risk: content.risk,
    ...(content.medicationReview ? { medicationReview: content.medicationReview } : {}),
    revision: note.revision,
    savedAt: note.savedAt,
    signedAt: note.signedAt,
    signedBy: note.signedBy,
    contentHash: note.contentHash,
    createdAt: note.createdAt,
    voided: null,
  };
  if (content.medicationReview) exported.medicationReview = content.medicationReview;
  // Absent, not null, when process notes were left out (see ExportedNote).
  if (note.processNote !== undefined) {
    exported.processNote = note.processNote;
    exported.processNoteMarkdown = richTextToMarkdown(note.processNote);
  }
  return exported;
}

/** The template versions the notes were written with, by id and then version. */
export function templatesOf(notes: readonly NoteRecord[]): NoteTemplate[] {
  const templates = new Map<string, NoteTemplate>();
  for (const { template } of notes) templates.set(`${template.id}@${template.version}`, template);
  return [...templates.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}

export function exportedAddendum(addendum: Addendum & { noteId: string }): ExportedAddendum {
  return {
    id: addendum.id,
    noteId: addendum.noteId,
    kind: addendum.kind,
    text: addendum.text,
    textMarkdown: richTextToMarkdown(addendum.text),
    signedAt: addendum.signedAt,
    signedBy: { name: addendum.signedBy.name, credentials: addendum.signedBy.credentials },
    hash: addendum.hash,
  };
}

export function exportedResult({ result, lateEntryAddendumId, struckOutAddendumId }: StoredResult): ExportedMeasureResult {
  return {
    id: result.id,
    clientId: result.clientId,
    sessionId: result.sessionId,
    measureId: result.measureId,
    measureVersion: result.measureVersion,
    takenOn: result.takenOn,
    responses: result.responses,
    total: result.total,
    subscales: result.subscales,
    flags: result.flags,
    createdAt: result.createdAt,
    lateEntryAddendumId,
    struckOut: result.struckOut === null || struckOutAddendumId === null ? null : { addendumId: struckOutAddendumId, reason: result.struckOut.reason },
  };
}

export function exportedMedication(medication: Medication): ExportedMedication {
  return {
    id: medication.id,
    clientId: medication.clientId,
    name: medication.name,
    current: medication.current,
    history: medication.history.map((event) => ({
      id: event.id,
      medicationId: event.medicationId,
      kind: event.kind,
      date: event.date,
      reason: event.reason,
      regimen: {
        dose: event.regimen.dose,
        formRoute: event.regimen.formRoute,
        schedule: event.regimen.schedule,
        asNeeded: event.regimen.asNeeded,
        dosesPerDay: event.regimen.dosesPerDay,
        prescriber: event.regimen.prescriber,
        prescriberName: event.regimen.prescriberName,
        indication: event.regimen.indication,
      },
      sessionId: event.sessionId,
      noteId: event.noteId,
      recordedAt: event.recordedAt,
    })),
  };
}

export function exportedAllergy(allergy: Allergy): ExportedAllergy {
  return {
    id: allergy.id,
    clientId: allergy.clientId,
    substance: allergy.substance,
    reaction: allergy.reaction,
    kind: allergy.kind,
    recordedOn: allergy.recordedOn,
    removedOn: allergy.removedOn,
    removedReason: allergy.removedReason,
  };
}

export function exportedAppointment(appointment: Appointment): ExportedAppointment {
  return {
    id: appointment.id,
    clientId: appointment.clientId,
    date: appointment.date,
    startTime: appointment.startTime,
    durationMinutes: appointment.durationMinutes,
    place: appointment.place,
    seriesId: appointment.seriesId,
    sessionId: appointment.sessionId,
    missedSessionId: appointment.attendanceId,
    createdAt: appointment.createdAt,
  };
}

export function exportedMissedSession(record: AttendanceRecord): ExportedMissedSession {
  return { id: record.id, clientId: record.clientId, date: record.date, startTime: record.startTime, kind: record.kind, remark: record.remark, createdAt: record.createdAt };
}

export function exportedContact(contact: Contact): ExportedContact {
  return {
    id: contact.id,
    clientId: contact.clientId,
    date: contact.date,
    startTime: contact.startTime,
    kind: contact.kind,
    direction: contact.direction,
    professional: contact.professional,
    note: contact.note,
    createdAt: contact.createdAt,
  };
}
