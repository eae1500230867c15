import type { Kysely } from 'kysely';
import type { Settings } from '../../../shared/contract';
import type { Client, Goal } from '../../../shared/clients';
import { countsInSignal, type MeasureResult } from '../../../shared/measure-records';
import { APPROACH_LABELS, RISK_LABELS } from '../../../shared/note-labels';
import type { ChartSeriesInput } from '../../../shared/measures/chart';
import type { MeasureDefinition } from '../../../shared/measures/definition';
import { adherenceSeries, allergiesOnRecord, medicationChangesIn, medicationsTakenOn, type ListedMedication, type MedicationChange } from '../../../shared/medication-summary';
import type { Allergy } from '../../../shared/medications';
import type { Contact } from '../../../shared/engagement';
import { COMPANION_MEASURES } from '../../../shared/measures/series';
import type { Addendum, GoalProgressMark, Session } from '../../../shared/notes';
import type { ProgressSummaryOptions } from '../../../shared/progress-summary';
import { richTextToPlain } from '../../../shared/rich-text';
import { excerptBlocks, type ExcerptBlock } from './excerpt-blocks';
import type { VaultSchema } from '../database/schema';
import { loadClient } from '../clients/client-store';
import { attendanceRecordsInScope } from '../engagement/attendance-records.repository';
import { contactsInScope } from '../engagement/contacts.repository';
import { resultsOfClient } from '../measures/measure-results.repository';
import { listMeasures } from '../measures/measure-definitions.repository';
import { allergiesInScope } from '../medications/allergies.repository';
import { medicationsInScope } from '../medications/medication-list';
import { addendaOf } from '../notes/addenda.repository';
import { lastSessionDate, sessionsWithNotesInRange, type SessionWithNote as StoredSessionWithNote } from '../notes/sessions.repository';
import { voidsOfClient } from '../notes/voids.repository';
import { nameRedactor } from './redact-names';

/**
 * Everything one progress summary prints, gathered from the vault and already cut down to what the
 * practitioner chose: a part left unticked is absent here, so the document cannot print it by mistake.
 * With "client code only", nothing that names the client is loaded into this object at all, and
 * excerpts have the client's names replaced.
 */
export interface SummaryData {
  paperSize: Settings['paperSize'];
  practice: { practiceName: string; practitionerName: string; credentials: string; licenceNumber: string; contact: string[] };
  /** When the summary was made (the export date in the footer). */
  madeAt: Date;
  range: { from: string; to: string };
  client: {
    code: string;
    /** Present only when the practitioner chose to identify the client. */
    identity: { legalName: string; preferredName: string; pronouns: string; dateOfBirth: string | null; address: string } | null;
    intakeDate: string | null;
    status: Client['status'];
    /** The last attended session on or before the period's end: missed ones are not seeing the client. */
    lastSeen: string | null;
  };
  diagnoses: { code: string; label: string; dateAdded: string; dateRemoved: string | null }[] | null;
  goals: SummaryGoal[] | null;
  /** Measures whose results fall in the range, with the results, for charts and the table. */
  allianceMeasures: ChartedMeasure[] | null;
  outcomeMeasures: ChartedMeasure[] | null;
  measuresTable: { date: string; measure: string; total: number | null; band: string | null; flagged: boolean; lateEntry: boolean }[] | null;
  /** Sessions and missed-session records (no-shows, late cancellations recorded without a note) together. */
  attendance: { sessions: number; attended: number; lateCancellations: number; noShows: number } | null;
  /** Contacts between sessions in the period, oldest first, their notes with the client's names redacted as chosen. */
  contacts: Pick<Contact, 'date' | 'startTime' | 'kind' | 'direction' | 'professional' | 'note'>[] | null;
  sessions: { date: string; type: Session['type']; modality: Session['modality']; attendance: Session['attendance']; durationMinutes: number | null; signed: boolean }[] | null;
  excerpts: { notes: SummaryExcerpt[]; draftsLeftOut: number } | null;
  /** Only for a prescriber who ticked it (Settings → "I prescribe"). */
  medications: SummaryMedications | null;
}

export interface SummaryMedications {
  /** Taken at the period's end. */
  current: ListedMedication[];
  changes: MedicationChange[];
  allergies: Pick<Allergy, 'substance' | 'reaction' | 'kind' | 'recordedOn'>[];
  /** Share of doses taken (percent) per medication, from the signed visits' reviews in the period. */
  adherence: ChartSeriesInput[];
}

export interface SummaryGoal {
  text: string;
  objective: string;
  status: Goal['status'];
  dateSet: string;
  marks: { date: string; progress: GoalProgressMark }[];
}

export interface ChartedMeasure {
  definition: MeasureDefinition;
  results: MeasureResult[];
  /** The other rater's twin (clinician beside client), drawn as a dashed line on the same chart. */
  companion: { definition: MeasureDefinition; results: MeasureResult[] } | null;
}

export interface SummaryExcerpt {
  date: string;
  /** `text` is the section as plain text; `blocks` the same with its tables kept as tables, for the PDF. */
  parts: { label: string; text: string; blocks: ExcerptBlock[]; private: boolean }[];
  /** Every signed correction, printed after its note so the recipient never reads an uncorrected note. */
  addenda: { signedAt: string; signer: string; hash: string; text: string; blocks: ExcerptBlock[] }[];
}

const want = (options: ProgressSummaryOptions, key: ProgressSummaryOptions['sections'][number]) => options.sections.includes(key);

export async function loadSummaryData(
  db: Kysely<VaultSchema>,
  options: ProgressSummaryOptions,
  settings: Settings,
  now: Date,
  today: string,
): Promise<SummaryData> {
  const client = await loadClient(db, options.clientId, today);
  const redact = options.identity === 'codeOnly' ? nameRedactor(client) : (text: string) => text;
  const inRange = (date: string) => date >= options.from && date <= options.to;

  // Process notes are not even read unless the practitioner chose to include them.
  const stored = await sessionsWithNotesInRange(db, options.clientId, options, { withProcessNotes: options.includeProcessNotes });
  // A voided session never happened as recorded: it is left out of every part of a summary.
  const voids = await voidsOfClient(db, options.clientId);
  const sessions = await Promise.all(
    stored
      .filter(({ note }) => !voids.has(note.id))
      .map(async ({ session, note }) => ({ session, note, addenda: note.status === 'signed' ? await addendaOf(db, note.id) : [] })),
  );

  const measures = await measureData(db, options, inRange);

  return {
    paperSize: settings.paperSize,
    practice: {
      practiceName: settings.practiceName,
      practitionerName: settings.practitionerName,
      credentials: settings.credentials,
      licenceNumber: settings.licenceNumber,
      contact: settings.practiceContact.split('\n').map((line) => line.trim()).filter((line) => line !== ''),
    },
    madeAt: now,
    range: { from: options.from, to: options.to },
    client: {
      code: client.code,
      identity:
        options.identity === 'full'
          ? { legalName: client.legalName, preferredName: client.preferredName, pronouns: client.pronouns, dateOfBirth: client.dateOfBirth, address: client.address }
          : null,
      intakeDate: client.intakeDate,
      status: client.status,
      lastSeen: await lastSessionDate(db, options.clientId, options.to),
    },
    diagnoses: want(options, 'diagnoses')
      ? client.diagnoses
          .filter((d) => d.dateAdded <= options.to && (d.dateRemoved === null || d.dateRemoved >= options.from))
          .map(({ code, label, dateAdded, dateRemoved }) => ({ code, label, dateAdded, dateRemoved }))
      : null,
    goals: want(options, 'goals') ? goalsWithMarks(client.goals, sessions, options, redact) : null,
    allianceMeasures: want(options, 'allianceChart') ? measures.charted('alliance') : null,
    outcomeMeasures: want(options, 'outcomeChart') ? measures.charted('outcome') : null,
    measuresTable: want(options, 'measuresTable') ? measures.table() : null,
    attendance: want(options, 'attendance') ? await attendanceOf(db, sessions, options) : null,
    contacts: want(options, 'contacts') ? await contactsOf(db, options, redact) : null,
    sessions: want(options, 'sessionList')
      ? sessions.map(({ session, note }) => ({
          date: session.date,
          type: session.type,
          modality: session.modality,
          attendance: session.attendance,
          durationMinutes: session.durationMinutes,
          signed: note.status === 'signed',
        }))
      : null,
    excerpts: want(options, 'noteExcerpts') ? excerptsOf(sessions, options, redact) : null,
    medications: want(options, 'medications') && settings.prescriber ? await medicationsOf(db, sessions, options, redact) : null,
  };
}

async function medicationsOf(db: Kysely<VaultSchema>, sessions: SessionWithNote[], options: ProgressSummaryOptions, redact: (text: string) => string): Promise<SummaryMedications> {
  const [medications, allergies] = await Promise.all([medicationsInScope(db, options.clientId), allergiesInScope(db, options.clientId)]);
  // Adherence as reported in signed visits only: a draft's answers may still change.
  const visits = sessions.flatMap(({ session, note }) =>
    note.status === 'signed' && note.content.medicationReview ? [{ date: session.date, sessionId: session.id, noteId: note.id, review: note.content.medicationReview }] : [],
  );
  const redactRegimen = <T extends { regimen: ListedMedication['regimen'] }>(item: T): T => ({
    ...item,
    regimen: { ...item.regimen, indication: redact(item.regimen.indication) },
  });
  return {
    current: medicationsTakenOn(medications, options.to).map(redactRegimen),
    changes: medicationChangesIn(medications, options).map((change) => ({ ...redactRegimen(change), reason: redact(change.reason) })),
    allergies: allergiesOnRecord(allergies, options.to).map(({ substance, reaction, kind, recordedOn }) => ({ substance, reaction: redact(reaction), kind, recordedOn })),
    adherence: adherenceSeries(medications, visits, options),
  };
}

type SessionWithNote = StoredSessionWithNote & { addenda: Addendum[] };

function goalsWithMarks(goals: Goal[], sessions: SessionWithNote[], options: ProgressSummaryOptions, redact: (text: string) => string): SummaryGoal[] {
  const marks = new Map<string, { date: string; progress: GoalProgressMark }[]>();
  for (const { session, note } of sessions) {
    for (const mark of note.content.goalProgress) {
      const list = marks.get(mark.goalId) ?? [];
      list.push({ date: session.date, progress: mark.progress });
      marks.set(mark.goalId, list);
    }
  }
  // Goals set after the period, or closed before it, were not part of the work it covers.
  return goals
    .filter((goal) => goal.dateSet <= options.to && (goal.status === 'active' || (goal.history.at(-1)?.date ?? goal.dateSet) >= options.from))
    .map((goal) => ({
      text: redact(goal.text),
      objective: redact(goal.objective),
      status: goal.status,
      dateSet: goal.dateSet,
      marks: marks.get(goal.id) ?? [],
    }));
}

/** Sessions held or missed, and the missed-session records of the period, which are no less booked sessions. */
async function attendanceOf(db: Kysely<VaultSchema>, sessions: SessionWithNote[], options: ProgressSummaryOptions): Promise<NonNullable<SummaryData['attendance']>> {
  const kinds: Session['attendance'][] = [
    ...sessions.map(({ session }) => session.attendance),
    ...(await attendanceRecordsInScope(db, options.clientId)).filter((record) => record.date >= options.from && record.date <= options.to).map((record) => record.kind),
  ];
  const count = (attendance: Session['attendance']) => kinds.filter((kind) => kind === attendance).length;
  return { sessions: kinds.length, attended: count('attended'), lateCancellations: count('late_cancellation'), noShows: count('no_show') };
}

async function contactsOf(db: Kysely<VaultSchema>, options: ProgressSummaryOptions, redact: (text: string) => string): Promise<NonNullable<SummaryData['contacts']>> {
  return (await contactsInScope(db, options.clientId))
    .filter((contact) => contact.date >= options.from && contact.date <= options.to)
    .map(({ date, startTime, kind, direction, professional, note }) => ({ date, startTime, kind, direction, professional: redact(professional), note: redact(note) }));
}

/**
 * Only signed notes are quoted: a draft may still change, and a summary sent to another clinician
 * must match the record. The document says how many drafts were left out.
 */
function excerptsOf(sessions: SessionWithNote[], options: ProgressSummaryOptions, redact: (text: string) => string): NonNullable<SummaryData['excerpts']> {
  const notes: SummaryExcerpt[] = [];
  let draftsLeftOut = 0;
  for (const { session, note, addenda } of sessions) {
    if (note.status !== 'signed') {
      draftsLeftOut += 1;
      continue;
    }
    const { template, content } = note;
    const parts: SummaryExcerpt['parts'] = [];
    for (const section of template.sections) {
      if (!options.excerptSections.includes(section.key)) continue;
      const doc = content.sections[section.key] ?? null;
      const text = richTextToPlain(doc);
      if (text !== '') parts.push({ label: section.label, text: redact(text), blocks: excerptBlocks(doc, redact), private: false });
      // The approach goes with the Tasks section it was recorded in: how the session was run.
      if (section.kind === 'tasks' && (content.approaches ?? []).length > 0) {
        parts.push(plainPart('Approach', (content.approaches ?? []).map((approach) => APPROACH_LABELS[approach]).join(', ')));
      }
      // The bond section's own rupture flag and a repair worked on, as the note records them.
      if (section.kind === 'bond') {
        if (content.rupture.noted) parts.push(plainPart('Rupture noted', redact(content.rupture.description.trim()) || 'Yes'));
        if (content.rupture.repaired === true) parts.push(plainPart('Repair worked on', 'Yes, in this session'));
      }
      // The risk section's level and action taken are what a receiving clinician needs most.
      if (section.kind === 'risk') {
        if (content.risk.level !== null) parts.push(plainPart('Risk level', RISK_LABELS[content.risk.level]));
        const action = redact(content.risk.action.trim());
        if (action !== '') parts.push(plainPart('Action taken', action));
      }
    }
    if (options.includeProcessNotes && note.processNote !== null) {
      const doc = note.processNote;
      const text = richTextToPlain(doc);
      if (text !== '') parts.push({ label: 'Process note (private)', text: redact(text), blocks: excerptBlocks(doc, redact), private: true });
    }
    const printedAddenda = addenda.map((addendum) => ({
      signedAt: addendum.signedAt,
      signer: [addendum.signedBy.name, addendum.signedBy.credentials].filter((part) => part !== '').join(', '),
      hash: addendum.hash,
      text: redact(richTextToPlain(addendum.text)),
      blocks: excerptBlocks(addendum.text, redact),
    }));
    if (parts.length > 0 || printedAddenda.length > 0) notes.push({ date: session.date, parts, addenda: printedAddenda });
  }
  return { notes, draftsLeftOut };
}

const plainPart = (label: string, text: string): SummaryExcerpt['parts'][number] => ({ label, text, blocks: [{ kind: 'text', text }], private: false });

async function measureData(db: Kysely<VaultSchema>, options: ProgressSummaryOptions, inRange: (date: string) => boolean) {
  const needed = want(options, 'allianceChart') || want(options, 'outcomeChart') || want(options, 'measuresTable');
  // Struck-out results and those of voided sessions are kept in the record, never in a summary.
  const results = needed ? (await resultsOfClient(db, options.clientId)).filter((result) => inRange(result.takenOn) && countsInSignal(result)) : [];
  // Charts and bands use each measure's current definition, as the app's charts do.
  const definitions = needed ? new Map((await listMeasures(db)).map((definition) => [definition.id, definition])) : new Map<string, MeasureDefinition>();
  const resultsOf = (measureId: string) => results.filter((result) => result.measureId === measureId);
  const used = [...new Set(results.map((result) => result.measureId))]
    .map((id) => definitions.get(id))
    .filter((definition): definition is MeasureDefinition => definition !== undefined);

  return {
    charted(kind: MeasureDefinition['kind']): ChartedMeasure[] {
      const ofKind = used.filter((definition) => definition.kind === kind);
      const charted: ChartedMeasure[] = [];
      for (const definition of ofKind) {
        // A clinician-rated twin rides on its client-rated measure's chart rather than getting its own.
        if (charted.some((chart) => chart.companion?.definition.id === definition.id)) continue;
        const twin = ofKind.find((other) => other.id !== definition.id && COMPANION_MEASURES[definition.id] === other.id);
        charted.push({
          definition,
          results: resultsOf(definition.id),
          companion: twin ? { definition: twin, results: resultsOf(twin.id) } : null,
        });
      }
      return charted;
    },
    table(): NonNullable<SummaryData['measuresTable']> {
      return results.map((result) => {
        const definition = definitions.get(result.measureId);
        // Bands are written with whole-number ends (5–9, 10–14); a prorated 9.5 belongs to the lower one.
        const total = result.total;
        const band = total === null ? undefined : definition?.bands.filter((b) => total >= b.from).sort((a, b) => b.from - a.from)[0];
        return {
          date: result.takenOn,
          measure: definition?.shortName ?? result.measureId,
          total: result.total,
          band: band?.label ?? null,
          flagged: result.flags.length > 0,
          lateEntry: result.lateEntry,
        };
      });
    },
  };
}

