import Papa from 'papaparse';
import type { DataExport } from '../../../shared/data-export';

/**
 * The export's data as CSV, one file per table (`csv/clients.csv`, `csv/sessions.csv`, …), built from
 * the same gathered object as data.json so the two can never disagree. Columns follow the JSON field
 * names; rich text is its Markdown; lists of names (tags, fields) are joined with "; "; nested values
 * with no natural column form (measure responses, definitions, template sections) are JSON text.
 */
export type CsvCell = string | number | boolean | null;

interface CsvTable {
  name: string;
  columns: readonly string[];
  rows: CsvCell[][];
}

/**
 * Spreadsheet programs treat a cell that begins with =, +, - or @ (and tab or carriage return) as a
 * formula, so a client's name or a note line typed as "=HYPERLINK(…)" would run when the practitioner
 * opens the file (CSV injection). Papa Parse prefixes such text cells with an apostrophe, which the
 * spreadsheet hides and shows the rest as text; numbers are left as they are. A phone number such as
 * "+44…" or a Markdown bullet "- item" gets the apostrophe too: data.json has the exact values.
 */
const UNPARSE_CONFIG = { escapeFormulae: true, newline: '\r\n', header: true } as const;

/**
 * A UTF-8 byte-order mark: without it Excel reads a CSV in the machine's legacy code page, and names
 * such as "Zoë Ødegaard", "王小明" or "محمد" open as mojibake. Other readers skip it.
 */
const BOM = '\uFEFF';

/** RFC 4180 text (CRLF line ends, quotes doubled, header row), UTF-8 with a BOM. */
export function toCsv(columns: readonly string[], rows: readonly CsvCell[][]): Uint8Array {
  const text = Papa.unparse({ fields: [...columns], data: rows.map((row) => [...row]) }, UNPARSE_CONFIG);
  // Papa Parse ends only a header-only table with a line break; every file ends with one here.
  return new TextEncoder().encode(`${BOM}${text.endsWith('\r\n') ? text : `${text}\r\n`}`);
}

const names = (values: readonly string[]): string => values.join('; ');
const json = (value: unknown): string => JSON.stringify(value);

function tables(data: DataExport): CsvTable[] {
  const codeOf = new Map(data.clients.map((client) => [client.id, client.code]));
  const sessionOf = new Map(data.sessions.map((session) => [session.id, session]));
  const withProcessNotes = data.scope.includesProcessNotes;
  const medicationNameOf = new Map(data.medications.map((medication) => [medication.id, medication.name]));
  const table = <T>(name: string, columns: readonly string[], items: readonly T[], row: (item: T) => CsvCell[]): CsvTable => ({
    name,
    columns,
    rows: items.map(row),
  });

  return [
    table(
      'practice',
      ['practitionerName', 'credentials', 'practiceName', 'licenceNumber', 'practiceContact'],
      [data.practice],
      (p) => [p.practitionerName, p.credentials, p.practiceName, p.licenceNumber, p.practiceContact],
    ),
    table(
      'clients',
      [
        'id', 'code', 'legalName', 'preferredName', 'pronouns', 'dateOfBirth', 'phone', 'email', 'address',
        'emergencyContactName', 'emergencyContactRelation', 'emergencyContactPhone', 'intakeDate', 'referralSource',
        'status', 'dischargeDate', 'dischargeReason', 'dischargeKind', 'presentingConcerns', 'tags', 'privateRemarks', 'reviewDate',
        'createdAt', 'updatedAt',
      ],
      data.clients,
      (c) => [
        c.id, c.code, c.legalName, c.preferredName, c.pronouns, c.dateOfBirth, c.phone, c.email, c.address,
        c.emergencyContact.name, c.emergencyContact.relation, c.emergencyContact.phone, c.intakeDate, c.referralSource,
        c.status, c.dischargeDate, c.dischargeReason, c.dischargeKind, c.presentingConcernsMarkdown, names(c.tags), c.privateRemarks, c.reviewDate,
        c.createdAt, c.updatedAt,
      ],
    ),
    table(
      'diagnoses',
      ['id', 'clientId', 'clientCode', 'code', 'label', 'dateAdded', 'dateRemoved', 'createdAt'],
      data.diagnoses,
      (d) => [d.id, d.clientId, codeOf.get(d.clientId) ?? '', d.code, d.label, d.dateAdded, d.dateRemoved, d.createdAt],
    ),
    table(
      'goals',
      ['id', 'clientId', 'clientCode', 'position', 'text', 'objective', 'status', 'dateSet', 'targetDate', 'createdAt', 'updatedAt'],
      data.goals,
      (g) => [g.id, g.clientId, codeOf.get(g.clientId) ?? '', g.position, g.text, g.objective, g.status, g.dateSet, g.targetDate, g.createdAt, g.updatedAt],
    ),
    table(
      'goal_status_changes',
      ['goalId', 'fromStatus', 'toStatus', 'effectiveDate', 'recordedAt'],
      data.goalStatusChanges,
      (s) => [s.goalId, s.fromStatus, s.toStatus, s.effectiveDate, s.recordedAt],
    ),
    table(
      'sessions',
      ['id', 'clientId', 'clientCode', 'date', 'startTime', 'durationMinutes', 'modality', 'type', 'attendance', 'serviceCode', 'createdAt'],
      data.sessions,
      (s) => [s.id, s.clientId, codeOf.get(s.clientId) ?? '', s.date, s.startTime, s.durationMinutes, s.modality, s.type, s.attendance, s.serviceCode, s.createdAt],
    ),
    table(
      'notes',
      [
        'id', 'sessionId', 'clientId', 'clientCode', 'sessionDate', 'status', 'templateId', 'templateVersion', 'templateName',
        'ruptureNoted', 'ruptureDescription', 'ruptureRepaired', 'riskLevel', 'riskAction', 'approaches', 'revision', 'savedAt', 'signedAt', 'signerName',
        'signerCredentials', 'contentHash', 'createdAt', 'voidedAt', 'voidReason', ...(withProcessNotes ? ['processNote'] : []),
      ],
      data.notes,
      (n) => [
        n.id, n.sessionId, n.clientId, codeOf.get(n.clientId) ?? '', sessionOf.get(n.sessionId)?.date ?? '', n.status, n.template.id,
        n.template.version, n.template.name, n.rupture.noted, n.rupture.description, n.rupture.repaired === true, n.risk.level, n.risk.action, n.approaches.join(';'), n.revision, n.savedAt,
        n.signedAt, n.signedBy?.name ?? null, n.signedBy?.credentials ?? null, n.contentHash, n.createdAt, n.voided?.at ?? null,
        n.voided?.reason ?? null, ...(withProcessNotes ? [n.processNoteMarkdown ?? ''] : []),
      ],
    ),
    table(
      'note_sections',
      ['noteId', 'position', 'key', 'label', 'kind', 'text'],
      data.notes.flatMap((n) => n.sections.map((section, position) => ({ noteId: n.id, position, section }))),
      ({ noteId, position, section }) => [noteId, position, section.key, section.label, section.kind, section.markdown],
    ),
    table(
      'note_goal_progress',
      ['noteId', 'goalId', 'progress'],
      data.notes.flatMap((n) => n.goalProgress.map((mark) => ({ noteId: n.id, mark }))),
      ({ noteId, mark }) => [noteId, mark.goalId, mark.progress],
    ),
    table(
      'note_homework_review',
      ['noteId', 'position', 'text', 'done'],
      data.notes.flatMap((n) => n.homeworkReview.map((task, position) => ({ noteId: n.id, position, task }))),
      ({ noteId, position, task }) => [noteId, position, task.text, task.done],
    ),
    table(
      'addenda',
      ['id', 'noteId', 'kind', 'signedAt', 'signerName', 'signerCredentials', 'hash', 'text'],
      data.addenda,
      (a) => [a.id, a.noteId, a.kind, a.signedAt, a.signedBy.name, a.signedBy.credentials, a.hash, a.textMarkdown],
    ),
    table(
      'measure_results',
      [
        'id', 'clientId', 'clientCode', 'sessionId', 'measureId', 'measureVersion', 'takenOn', 'total', 'responses', 'subscales', 'flags', 'createdAt',
        'lateEntryAddendumId', 'struckOutAddendumId', 'struckOutReason',
      ],
      data.measureResults,
      (r) => [
        r.id, r.clientId, codeOf.get(r.clientId) ?? '', r.sessionId, r.measureId, r.measureVersion, r.takenOn, r.total,
        json(r.responses), json(r.subscales), json(r.flags), r.createdAt, r.lateEntryAddendumId, r.struckOut?.addendumId ?? null,
        r.struckOut?.reason ?? null,
      ],
    ),
    table(
      'measure_definitions',
      ['id', 'version', 'name', 'shortName', 'kind', 'rater', 'builtIn', 'definition'],
      data.measureDefinitions,
      (m) => [m.id, m.version, m.name, m.shortName, m.kind, m.rater, m.builtIn, json(m)],
    ),
    table(
      'templates',
      ['id', 'version', 'name', 'builtIn', 'sections'],
      data.templates,
      (t) => [t.id, t.version, t.name, t.builtIn, json(t.sections)],
    ),
    table(
      'alert_acknowledgements',
      ['id', 'clientId', 'clientCode', 'alertKey', 'note', 'acknowledgedAt'],
      data.alertAcknowledgements,
      (a) => [a.id, a.clientId, codeOf.get(a.clientId) ?? '', a.alertKey, a.note, a.acknowledgedAt],
    ),
    table(
      'alert_events',
      ['id', 'clientId', 'clientCode', 'alertKey', 'kind', 'measureId', 'measureName', 'rater', 'severity', 'reason', 'date', 'sessionIds', 'subject', 'raisedAt'],
      data.alertEvents,
      (e) => [e.id, e.clientId, codeOf.get(e.clientId) ?? '', e.alertKey, e.kind, e.measureId, e.measureName, e.rater, e.severity, e.reason, e.date, names(e.sessionIds), e.subject, e.raisedAt],
    ),
    table(
      'note_medication_review',
      ['noteId', 'medicationId', 'medicationName', 'adherence', 'missedDoses', 'sideEffects', 'sideEffectNotes', 'working', 'options', 'preference', 'decision'],
      data.notes.flatMap((n) => (n.medicationReview?.items ?? []).map((item) => ({ noteId: n.id, item }))),
      ({ noteId, item }) => [
        noteId, item.medicationId, medicationNameOf.get(item.medicationId) ?? '', item.adherence, item.missedDoses,
        names(item.sideEffects.map((entry) => `${entry.effect}: ${entry.severity}`)), item.sideEffectNotes, item.working, item.options, item.preference, item.decision,
      ],
    ),
    table(
      'medications',
      ['id', 'clientId', 'clientCode', 'name', 'current', 'startDate', 'lastChangeDate'],
      data.medications,
      (m) => [m.id, m.clientId, codeOf.get(m.clientId) ?? '', m.name, m.current, m.history[0]?.date ?? null, m.history.at(-1)?.date ?? null],
    ),
    table(
      'medication_events',
      [
        'id', 'medicationId', 'clientId', 'clientCode', 'medicationName', 'kind', 'date', 'reason', 'dose', 'formRoute', 'schedule', 'asNeeded',
        'dosesPerDay', 'prescriber', 'prescriberName', 'indication', 'sessionId', 'noteId', 'recordedAt',
      ],
      data.medications.flatMap((m) => m.history.map((event) => ({ m, event }))),
      ({ m, event: e }) => [
        e.id, m.id, m.clientId, codeOf.get(m.clientId) ?? '', m.name, e.kind, e.date, e.reason, e.regimen.dose, e.regimen.formRoute, e.regimen.schedule,
        e.regimen.asNeeded, e.regimen.dosesPerDay, e.regimen.prescriber, e.regimen.prescriberName, e.regimen.indication, e.sessionId, e.noteId, e.recordedAt,
      ],
    ),
    table(
      'allergies',
      ['id', 'clientId', 'clientCode', 'substance', 'reaction', 'kind', 'recordedOn', 'removedOn', 'removedReason'],
      data.allergies,
      (a) => [a.id, a.clientId, codeOf.get(a.clientId) ?? '', a.substance, a.reaction, a.kind, a.recordedOn, a.removedOn, a.removedReason],
    ),
    table(
      'follow_up_plans',
      ['clientId', 'clientCode', 'frequency', 'everyDays', 'agreedOn', 'updatedAt'],
      data.clients.flatMap((c) => (c.followUpPlan === null ? [] : [{ c, plan: c.followUpPlan }])),
      ({ c, plan }) => [c.id, c.code, plan.frequency, plan.everyDays, plan.agreedOn, plan.updatedAt],
    ),
    table(
      'appointments',
      ['id', 'clientId', 'clientCode', 'date', 'startTime', 'durationMinutes', 'place', 'seriesId', 'sessionId', 'missedSessionId', 'createdAt'],
      data.appointments,
      (a) => [a.id, a.clientId, codeOf.get(a.clientId) ?? '', a.date, a.startTime, a.durationMinutes, a.place, a.seriesId, a.sessionId, a.missedSessionId, a.createdAt],
    ),
    table(
      'missed_sessions',
      ['id', 'clientId', 'clientCode', 'date', 'startTime', 'kind', 'remark', 'createdAt'],
      data.missedSessions,
      (m) => [m.id, m.clientId, codeOf.get(m.clientId) ?? '', m.date, m.startTime, m.kind, m.remark, m.createdAt],
    ),
    table(
      'contacts',
      ['id', 'clientId', 'clientCode', 'date', 'startTime', 'kind', 'direction', 'professional', 'note', 'createdAt'],
      data.contacts,
      (c) => [c.id, c.clientId, codeOf.get(c.clientId) ?? '', c.date, c.startTime, c.kind, c.direction, c.professional, c.note, c.createdAt],
    ),
    table(
      'activity_log',
      ['seq', 'at', 'action', 'recordType', 'recordId', 'clientId', 'fields'],
      data.activityLog,
      (e) => [e.seq, e.at, e.action, e.recordType, e.recordId, e.clientId, names(e.fields)],
    ),
  ];
}

/** Every table as `csv/<table>.csv`, empty ones included (header only) so the set of files is fixed. */
export function csvEntries(data: DataExport): Array<{ name: string; data: Uint8Array }> {
  return tables(data).map((t) => ({ name: `csv/${t.name}.csv`, data: toCsv(t.columns, t.rows) }));
}

/** The table names, in the order they are written (for README.txt). */
export const CSV_TABLES = [
  'practice',
  'clients',
  'diagnoses',
  'goals',
  'goal_status_changes',
  'sessions',
  'notes',
  'note_sections',
  'note_goal_progress',
  'note_homework_review',
  'addenda',
  'measure_results',
  'measure_definitions',
  'templates',
  'alert_acknowledgements',
  'alert_events',
  'note_medication_review',
  'medications',
  'medication_events',
  'allergies',
  'follow_up_plans',
  'appointments',
  'missed_sessions',
  'contacts',
  'activity_log',
] as const;
