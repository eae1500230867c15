import { z } from 'zod';
import { clientStatusSchema, dischargeKindSchema, goalStatusSchema, idSchema, isoDateSchema } from './clients';
import { contactDirections, contactKinds, frequencies, missedKinds, places } from './engagement';
import { alertKinds, alertSeverities } from './measure-records';
import { measureDefinitionSchema, raters } from './measures/definition';
import { medicationReviewSchema } from './medication-review';
import { medicationEventKinds, prescriberKinds } from './medications';
import { noteTemplateSchema, sectionKinds } from './note-templates';
import { addendumKinds, attendances, goalProgressMarks, modalities, noteStatuses, riskLevels, sessionApproaches, sessionTypes } from './notes';
import { richTextDocSchema } from './rich-text';

/**
 * The documented shape of `data.json` in an open-format export (docs/backups-and-export.md: "Export in open formats").
 * It is a published file format, not an internal type: other programs read it after the app is gone,
 * so a field is never renamed or given a new meaning within a format version. Adding a field is
 * allowed; anything else raises DATA_EXPORT_FORMAT_VERSION.
 *
 * Layout: one flat array per kind of record, linked by ids (`clientId`, `sessionId`, `noteId`,
 * `goalId`), the same tables the CSV files hold. Names are camelCase, dates `YYYY-MM-DD`, moments
 * ISO 8601 in UTC. Rich text is the editor's own JSON document (lossless) next to a Markdown
 * rendering of it (readable anywhere): `presentingConcerns` + `presentingConcernsMarkdown`, etc.
 */
export const DATA_EXPORT_FORMAT = 'alliance-notes-export';
export const DATA_EXPORT_FORMAT_VERSION = 2;

const timestamp = z.iso.datetime();
const signerSchema = z.strictObject({ name: z.string(), credentials: z.string() });

export const exportedPracticeSchema = z.strictObject({
  practitionerName: z.string(),
  credentials: z.string(),
  practiceName: z.string(),
  licenceNumber: z.string(),
  practiceContact: z.string(),
});

/** The session frequency agreed with a client (at most one per client, so it sits on the client). */
export const exportedFollowUpPlanSchema = z.strictObject({
  frequency: z.enum(frequencies),
  /** Only for 'every_n_days'; null otherwise. */
  everyDays: z.number().int().nullable(),
  /** The day it was agreed with the client. */
  agreedOn: isoDateSchema,
  updatedAt: timestamp,
});

export const exportedClientSchema = z.strictObject({
  id: idSchema,
  code: z.string(),
  legalName: z.string(),
  preferredName: z.string(),
  pronouns: z.string(),
  dateOfBirth: isoDateSchema.nullable(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  emergencyContact: z.strictObject({ name: z.string(), relation: z.string(), phone: z.string() }),
  intakeDate: isoDateSchema.nullable(),
  referralSource: z.string(),
  status: clientStatusSchema,
  dischargeDate: isoDateSchema.nullable(),
  dischargeReason: z.string(),
  /** 'planned' (ended as agreed) or 'unplanned' (a drop-out) for a discharged client; null when not said or not discharged. */
  dischargeKind: dischargeKindSchema.nullable(),
  presentingConcerns: richTextDocSchema.nullable(),
  presentingConcernsMarkdown: z.string(),
  tags: z.array(z.string()),
  /** The practitioner's own reminders about the client, as typed on the client form. */
  privateRemarks: z.string(),
  reviewDate: isoDateSchema.nullable(),
  /** The session frequency agreed with the client; null when none was set. */
  followUpPlan: exportedFollowUpPlanSchema.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const exportedDiagnosisSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  code: z.string(),
  label: z.string(),
  dateAdded: isoDateSchema,
  /** Set when the diagnosis stopped being current; it stays part of the record. */
  dateRemoved: isoDateSchema.nullable(),
  createdAt: timestamp,
});

export const exportedGoalSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  text: z.string(),
  objective: z.string(),
  status: goalStatusSchema,
  dateSet: isoDateSchema,
  targetDate: isoDateSchema.nullable(),
  /** Order within the client's treatment plan, from 0. */
  position: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const exportedGoalStatusChangeSchema = z.strictObject({
  goalId: idSchema,
  /** null for the goal being set. */
  fromStatus: goalStatusSchema.nullable(),
  toStatus: goalStatusSchema,
  /** The day the change took effect, as entered. */
  effectiveDate: isoDateSchema,
  recordedAt: timestamp,
});

export const exportedSessionSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  date: isoDateSchema,
  /** `HH:MM`, local time of the practice. */
  startTime: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  modality: z.enum(modalities),
  type: z.enum(sessionTypes),
  attendance: z.enum(attendances),
  serviceCode: z.string(),
  createdAt: timestamp,
});

export const exportedNoteSectionSchema = z.strictObject({
  key: z.string(),
  label: z.string(),
  kind: z.enum(sectionKinds),
  /** null when the section was left empty. */
  content: richTextDocSchema.nullable(),
  markdown: z.string(),
});

export const exportedNoteSchema = z.strictObject({
  id: idSchema,
  sessionId: idSchema,
  clientId: idSchema,
  status: z.enum(noteStatuses),
  /** The template version the note was written with; its sections are in `templates`. */
  template: z.strictObject({ id: z.string(), version: z.number().int().positive(), name: z.string() }),
  /** In the template's order. */
  sections: z.array(exportedNoteSectionSchema),
  goalProgress: z.array(z.strictObject({ goalId: idSchema, progress: z.enum(goalProgressMarks) })),
  homeworkReview: z.array(z.strictObject({ text: z.string(), done: z.boolean() })),
  /** The approach(es) recorded in the Tasks section; empty when none was recorded. */
  approaches: z.array(z.enum(sessionApproaches)),
  /** `repaired` is present, and true, only when a repair of a rupture was worked on in the session. */
  rupture: z.strictObject({ noted: z.boolean(), description: z.string(), repaired: z.literal(true).optional() }),
  risk: z.strictObject({ level: z.enum(riskLevels).nullable(), action: z.string() }),
  /**
   * The medication review of a note written with a medication section, as the note holds it: per
   * medication (`medicationId`, see `medications`) adherence, doses missed in the last 7 days, rated
   * side effects, how well it works, the shared decision; and `changes` decided in the visit (applied
   * to the medication list when the note was signed). Absent when the note has none.
   */
  medicationReview: medicationReviewSchema.optional(),
  /**
   * The private process note. Both fields are absent (not null) when the export left process notes
   * out, so a reader can tell "none written" from "not exported" (see `scope.includesProcessNotes`).
   */
  processNote: richTextDocSchema.nullable().optional(),
  processNoteMarkdown: z.string().optional(),
  revision: z.number().int().nonnegative(),
  savedAt: timestamp,
  signedAt: timestamp.nullable(),
  signedBy: signerSchema.nullable(),
  /** SHA-256 (hex) over the note's canonical content at signing, as shown on the signed note. */
  contentHash: z.string().nullable(),
  createdAt: timestamp,
  /** Set when the signed note was voided (created by mistake): when, and why. Its addendum of kind 'void' signs it. */
  voided: z.strictObject({ at: timestamp, reason: z.string() }).nullable(),
});

export const exportedAddendumSchema = z.strictObject({
  id: idSchema,
  noteId: idSchema,
  /** 'void' for the addendum that voided its note (its text is the reason). */
  kind: z.enum(addendumKinds),
  text: richTextDocSchema,
  textMarkdown: z.string(),
  signedAt: timestamp,
  signedBy: signerSchema,
  hash: z.string(),
});

export const exportedMeasureResultSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  /** null for a measure recorded on its own (an intake questionnaire). */
  sessionId: idSchema.nullable(),
  /** With `measureVersion`, names an entry of `measureDefinitions`. */
  measureId: z.string(),
  measureVersion: z.number().int(),
  takenOn: isoDateSchema,
  /** Item key → answer as given (null when left blank). */
  responses: z.record(z.string(), z.number().nullable()),
  total: z.number().nullable(),
  subscales: z.record(z.string(), z.number().nullable()),
  /** Messages of item flags the answers raised. */
  flags: z.array(z.string()),
  createdAt: timestamp,
  /** A late entry: the addendum it was entered with, after its session's note was signed (createdAt is when). */
  lateEntryAddendumId: idSchema.nullable(),
  /** Struck out as recorded in error, by the named addendum: kept in the record, left out of charts and summaries. */
  struckOut: z.strictObject({ addendumId: idSchema, reason: z.string() }).nullable(),
});

export const exportedAlertAcknowledgementSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  alertKey: z.string(),
  note: z.string(),
  acknowledgedAt: timestamp,
});

/**
 * An alert the app raised from the client's results or a note's rupture flag, derived again from
 * those records whenever they change; open while no acknowledgement has its `alertKey`.
 */
export const exportedAlertEventSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  alertKey: z.string(),
  kind: z.enum(alertKinds),
  /** The measure it is about, or 'note' for a rupture flagged in a session note. */
  measureId: z.string(),
  measureName: z.string(),
  rater: z.enum(raters),
  severity: z.enum(alertSeverities),
  reason: z.string(),
  /** The day of the result or session the alert is about. */
  date: isoDateSchema,
  /** The sessions involved, the one the alert is about last (a result without a session gives its own id). */
  sessionIds: z.array(z.string()),
  /** A subscale key, a flag message, 'gap' or 'widening'; null for the total. */
  subject: z.string().nullable(),
  raisedAt: timestamp,
});

/** The regimen from an event's date on: what was taken, how, and who prescribed it. */
export const exportedRegimenSchema = z.strictObject({
  dose: z.string(),
  formRoute: z.string(),
  schedule: z.string(),
  asNeeded: z.boolean(),
  /** Doses a day for a regular schedule (what adherence is a share of); null when as needed or irregular. */
  dosesPerDay: z.number().int().nullable(),
  /** 'me' (the practitioner) or 'other', named in `prescriberName`. */
  prescriber: z.enum(prescriberKinds),
  prescriberName: z.string(),
  indication: z.string(),
});

/** One dated change of a medication; events are never changed afterwards. */
export const exportedMedicationEventSchema = z.strictObject({
  id: idSchema,
  medicationId: idSchema,
  kind: z.enum(medicationEventKinds),
  date: isoDateSchema,
  reason: z.string(),
  /** The whole regimen from this date on; a stop keeps the regimen that was stopped. */
  regimen: exportedRegimenSchema,
  /** The session the change was decided in and the note that applied it when signed; null when entered on the list. */
  sessionId: idSchema.nullable(),
  noteId: idSchema.nullable(),
  recordedAt: timestamp,
});

/** A medication a client has been on, with its whole history (oldest first; the last event is the current state). */
export const exportedMedicationSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  name: z.string(),
  /** True unless the last event is a stop. */
  current: z.boolean(),
  history: z.array(exportedMedicationEventSchema),
});

/** An allergy or adverse reaction; a removed one stays, with the date and reason it was removed. */
export const exportedAllergySchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  substance: z.string(),
  reaction: z.string(),
  kind: z.enum(['allergy', 'adverse_reaction']),
  recordedOn: isoDateSchema,
  removedOn: isoDateSchema.nullable(),
  removedReason: z.string().nullable(),
});

/** A booked appointment, with the session it became or the missed-session record made from it. */
export const exportedAppointmentSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  date: isoDateSchema,
  /** `HH:MM`, local time of the practice. */
  startTime: z.string(),
  durationMinutes: z.number().int(),
  place: z.enum(places),
  /** Shared by the appointments of one repeating booking; null for a single one. */
  seriesId: idSchema.nullable(),
  sessionId: idSchema.nullable(),
  missedSessionId: idSchema.nullable(),
  createdAt: timestamp,
});

/** A no-show or late cancellation: an attendance record, not a session, with no note. */
export const exportedMissedSessionSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  date: isoDateSchema,
  startTime: z.string().nullable(),
  kind: z.enum(missedKinds),
  remark: z.string(),
  createdAt: timestamp,
});

/** A contact between sessions: a call, message, letter or email with the client, or with another professional about them. */
export const exportedContactSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  date: isoDateSchema,
  startTime: z.string().nullable(),
  kind: z.enum(contactKinds),
  direction: z.enum(contactDirections),
  /** The other professional, for direction 'with_professional'; empty otherwise. */
  professional: z.string(),
  note: z.string(),
  createdAt: timestamp,
});

export const exportedActivitySchema = z.strictObject({
  seq: z.number().int().positive(),
  at: timestamp,
  action: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  /** Still set after a client was permanently deleted, so it may name no client in the export. */
  clientId: z.string().nullable(),
  /** Names of the fields that changed, never their contents. */
  fields: z.array(z.string()),
});

export const dataExportSchema = z.strictObject({
  format: z.literal(DATA_EXPORT_FORMAT),
  formatVersion: z.literal(DATA_EXPORT_FORMAT_VERSION),
  exportedAt: timestamp,
  appVersion: z.string(),
  scope: z.strictObject({
    /** The one client exported, or null for the whole practice. */
    clientId: idSchema.nullable(),
    includesProcessNotes: z.boolean(),
  }),
  practice: exportedPracticeSchema,
  clients: z.array(exportedClientSchema),
  diagnoses: z.array(exportedDiagnosisSchema),
  goals: z.array(exportedGoalSchema),
  goalStatusChanges: z.array(exportedGoalStatusChangeSchema),
  sessions: z.array(exportedSessionSchema),
  notes: z.array(exportedNoteSchema),
  addenda: z.array(exportedAddendumSchema),
  measureResults: z.array(exportedMeasureResultSchema),
  /** Only the versions that results in this export were scored with, built-in ones included. */
  measureDefinitions: z.array(measureDefinitionSchema),
  /** Only the template versions that notes in this export were written with. */
  templates: z.array(noteTemplateSchema),
  alertAcknowledgements: z.array(exportedAlertAcknowledgementSchema),
  alertEvents: z.array(exportedAlertEventSchema),
  medications: z.array(exportedMedicationSchema),
  allergies: z.array(exportedAllergySchema),
  appointments: z.array(exportedAppointmentSchema),
  missedSessions: z.array(exportedMissedSessionSchema),
  contacts: z.array(exportedContactSchema),
  /** Who changed what and when (field names only); the client's entries in a one-client export. */
  activityLog: z.array(exportedActivitySchema),
});

export type DataExport = z.output<typeof dataExportSchema>;
export type ExportedClient = z.output<typeof exportedClientSchema>;
export type ExportedDiagnosis = z.output<typeof exportedDiagnosisSchema>;
export type ExportedGoal = z.output<typeof exportedGoalSchema>;
export type ExportedGoalStatusChange = z.output<typeof exportedGoalStatusChangeSchema>;
export type ExportedSession = z.output<typeof exportedSessionSchema>;
export type ExportedNote = z.output<typeof exportedNoteSchema>;
export type ExportedNoteSection = z.output<typeof exportedNoteSectionSchema>;
export type ExportedAddendum = z.output<typeof exportedAddendumSchema>;
export type ExportedMeasureResult = z.output<typeof exportedMeasureResultSchema>;
export type ExportedAlertAcknowledgement = z.output<typeof exportedAlertAcknowledgementSchema>;
export type ExportedAlertEvent = z.output<typeof exportedAlertEventSchema>;
export type ExportedMedication = z.output<typeof exportedMedicationSchema>;
export type ExportedAllergy = z.output<typeof exportedAllergySchema>;
export type ExportedFollowUpPlan = z.output<typeof exportedFollowUpPlanSchema>;
export type ExportedAppointment = z.output<typeof exportedAppointmentSchema>;
export type ExportedMissedSession = z.output<typeof exportedMissedSessionSchema>;
export type ExportedContact = z.output<typeof exportedContactSchema>;
export type ExportedActivity = z.output<typeof exportedActivitySchema>;
