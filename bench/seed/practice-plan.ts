import { clientFieldProblems, clientFieldsSchema, type ClientFields, type GoalStatus } from '../../shared/clients';
import type { MeasureScore } from '../../shared/measures';
import { BUILT_IN_TEMPLATES, type NoteTemplate } from '../../shared/note-templates';
import type { GoalProgressMark, RiskLevel, SessionFields } from '../../shared/notes';
import { addDays, dayNumber, HISTORY_END, instant, spokenDay, TELEHEALTH_FROM, timeOfDay } from './calendar';
import { seededUuid } from './ids';
import { personName, type PersonName } from './names';
import type { Pronoun } from './note-content';
import { contactOf, dateOfBirth, dischargeReason, presentingConcerns, pronounOf, statusOf, tagsOf, type Ending } from './people';
import { Rng } from './prng';
import { PROFILES, type ClinicalProfile } from './profiles';
import { allocateSessions, rhythmOf, sessionDates, usualSlot, type ClientRole, type Rhythm } from './schedule';
import { AllianceCourse, analogueAnswers, frequencyAnswers, MEASURES, OutcomeCourseModel, scored, waiAnswers } from './scores';

/**
 * The whole synthetic practice as plain data, decided before anything is written: clients with their
 * records, goals (with status history) and diagnoses; sessions with attendance, note template and
 * status, rupture and risk flags, goal-progress marks and measure results. Everything is a function
 * of the seed, and every timestamp is derived from a session or record date, so two plans from the
 * same seed are identical. The note text itself is written later, session by session (write-vault.ts).
 */
export interface PlannedGoal {
  id: string;
  text: string;
  objective: string;
  position: number;
  dateSet: string;
  targetDate: string | null;
  createdAt: number;
  status: GoalStatus;
  updatedAt: number;
  history: { from: GoalStatus | null; to: GoalStatus; date: string; at: number }[];
  /** Sessions (by index) in which a note may mark progress on it, and the session where it ended, if any. */
  firstSession: number;
  endSession: number | null;
}

export interface PlannedDiagnosis {
  id: string;
  code: string;
  label: string;
  dateAdded: string;
  dateRemoved: string | null;
  createdAt: number;
  removedAt: number | null;
}

export interface PlannedMeasure {
  id: string;
  measureId: string;
  measureVersion: number;
  takenOn: string;
  responses: Record<string, number>;
  score: MeasureScore;
  createdAt: number;
  sessionId: string | null;
}

export interface PlannedSession {
  client: PlannedClient;
  index: number;
  id: string;
  noteId: string;
  /** The note's key for life (search rows derive from it): creation order across the practice. */
  noteKey: number;
  fields: SessionFields;
  createdAt: number;
  template: NoteTemplate;
  status: 'draft' | 'signed';
  /** A draft whose later sections are still empty. */
  unfinished: boolean;
  signedAt: number | null;
  savedAt: number;
  revision: number;
  rupture: boolean;
  risk: RiskLevel;
  measures: PlannedMeasure[];
  goalMarks: { goalId: string; text: string; progress: GoalProgressMark }[];
  addendum: { id: string; at: number } | null;
  processNote: boolean;
  nextAppointment: string | null;
  /** The stream this session's note text is drawn from. */
  rng: Rng;
}

export interface PlannedClient {
  index: number;
  role: ClientRole;
  id: string;
  code: string;
  name: PersonName;
  pronoun: Pronoun;
  profile: ClinicalProfile;
  ending: Ending;
  fields: ClientFields;
  createdAt: number;
  updatedAt: number;
  /** Pause or discharge after the last session: when, and the form fields it changed. */
  statusChange: { at: number; before: ClientFields } | null;
  rhythm: Rhythm;
  template: NoteTemplate;
  goals: PlannedGoal[];
  diagnoses: PlannedDiagnosis[];
  /** Questionnaires filled in before the first session, not tied to a session. */
  intakeMeasures: PlannedMeasure[];
  sessions: PlannedSession[];
  outcome: OutcomeCourseModel;
}

export interface PracticePlan {
  seed: number;
  /** In the order they were created (codes count up in this order). */
  clients: PlannedClient[];
  /** Every session, in the order they were recorded. */
  sessions: PlannedSession[];
  signer: { name: string; credentials: string };
  practice: { practiceName: string; licenceNumber: string; practiceContact: string };
}

export const SIGNER = { name: 'Dr. Mara Quillon', credentials: 'PsyD, Clinical Psychologist' };
const PRACTICE = { practiceName: 'Quillon Psychology (synthetic practice)', licenceNumber: 'PSY-000000', practiceContact: '12 Example Lane, Tamford ZZ1 1ZZ\n07700 900000\nreception@example.org' };
const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const HOUR = 3_600_000;
const MINUTE = 60_000;
const END_OF_HISTORY = instant(HISTORY_END, '23:59');
const TEMPLATE = (id: string) => BUILT_IN_TEMPLATES.find((template) => template.id === id)!;

const endingOf = (rng: Rng, role: ClientRole): Ending =>
  role !== 'ordinary' ? 'active' : rng.weighted([['active', 74], ['paused', 4], ['planned', 14], ['dropout', 8]] as const);

const durationOf = (rng: Rng, type: SessionFields['type']): number =>
  type === 'intake' ? rng.pick([75, 90]) : type === 'group' ? 90 : type === 'individual' ? rng.weighted([[50, 7], [60, 2], [45, 1]] as const) : rng.pick([60, 80]);

const serviceCodeOf = (rng: Rng, type: SessionFields['type'], minutes: number): string => {
  if (rng.chance(0.15)) return '';
  if (type === 'intake') return '90791';
  if (type === 'group') return '90853';
  if (type === 'couple' || type === 'family') return '90847';
  return minutes >= 53 ? '90837' : '90834';
};

/** The client's basics and sessions' times and attendance; goals, marks and measures come after. */
function planClient(root: Rng, index: number, role: ClientRole, ending: Ending, sessionCount: number): PlannedClient {
  const rng = root.fork('client', index);
  const profile = role === 'ordinary' ? rng.weighted(PROFILES.map((p) => [p, p.weight] as const)) : rng.pick(PROFILES.filter((p) => p.sessionType === 'individual'));
  const name = personName(rng);
  const { pronouns, pronoun } = pronounOf(rng);
  const rhythm = rhythmOf(rng, role);
  const dates = sessionDates(rng.fork('dates'), sessionCount, rhythm, ending);
  const intake = dates[0]!;
  const slot = usualSlot(rng);
  const prefersVideo = rng.chance(0.45);
  const template = role === 'ordinary' ? TEMPLATE(rng.weighted([['alliance', 55], ['soap', 15], ['dap', 12], ['birp', 10], ['free', 8]] as const)) : TEMPLATE('alliance');
  const id = seededUuid(rng);
  const createdAt = instant(addDays(intake, -rng.int(5, 21)), timeOfDay(rng.int(9, 17), rng.int(0, 59)));
  const contact = contactOf(rng, name, index + 1);
  const lastDate = dates[dates.length - 1]!;

  // Status: paused or discharged some time after the last session.
  const status = statusOf(ending);
  let dischargeDate: string | null = null;
  let reason = '';
  let updatedAt = createdAt;
  if (ending !== 'active') {
    const after = ending === 'dropout' ? rng.int(21, 60) : ending === 'planned' ? rng.int(0, 14) : rng.int(14, 45);
    const day = addDays(lastDate, after) > HISTORY_END ? HISTORY_END : addDays(lastDate, after);
    if (ending !== 'paused') {
      dischargeDate = day;
      reason = dischargeReason(rng, ending);
    }
    updatedAt = instant(day, timeOfDay(rng.int(16, 19), rng.int(0, 59)));
  }
  const reviewDate = status === 'discharged' ? null : addDays(intake, 182 * Math.max(1, Math.ceil((dayNumber(HISTORY_END) - 45 - dayNumber(intake)) / 182)));
  const fields = clientFieldsSchema.parse({
    legalName: name.full,
    preferredName: name.latinAlias !== '' && rng.chance(0.3) ? name.latinAlias : '',
    pronouns,
    dateOfBirth: dateOfBirth(rng, intake, profile),
    code: '',
    phone: contact.phone,
    email: contact.email,
    address: contact.address,
    emergencyContact: contact.emergencyContact,
    intakeDate: intake,
    referralSource: contact.referralSource,
    status,
    dischargeDate,
    dischargeReason: reason,
    presentingConcerns: presentingConcerns(rng, profile, contact.referralSource),
    tags: tagsOf(rng, profile, { evening: Number(slot.slice(0, 2)) >= 17, video: prefersVideo && lastDate >= TELEHEALTH_FROM }),
    privateRemarks: contact.privateRemarks,
    reviewDate,
  });
  const client: PlannedClient = {
    index,
    role,
    id,
    code: '',
    name,
    pronoun,
    profile,
    ending,
    fields,
    createdAt,
    updatedAt,
    // The record was created active; a pause or discharge changed these fields later.
    statusChange: ending === 'active' ? null : { at: updatedAt, before: { ...fields, status: 'active', dischargeDate: null, dischargeReason: '' } },
    rhythm,
    template,
    goals: [],
    diagnoses: [],
    intakeMeasures: [],
    sessions: [],
    outcome: new OutcomeCourseModel(rng.fork('outcome'), profile.severity),
  };

  // Attendance: the busy client comes nearly always (its chart needs 150 measured sessions); clients who
  // drop out miss their last sessions.
  const missRate = role === 'busy' ? 0.04 : 0.1;
  const attendance = dates.map((_, i): SessionFields['attendance'] => {
    if (i === 0) return 'attended';
    const lateInDropout = ending === 'dropout' && i >= dates.length - 3 && rng.chance(0.6);
    if (lateInDropout || rng.chance(missRate)) return rng.chance(0.5) ? 'no_show' : 'late_cancellation';
    return 'attended';
  });
  if (role === 'busy') {
    // Its latest session is the draft the autosave benchmark types into.
    attendance[attendance.length - 1] = 'attended';
    for (let i = attendance.length - 1, attended = attendance.filter((a) => a === 'attended').length; i > 0 && attended < Math.min(152, attendance.length); i--) {
      if (attendance[i] !== 'attended') {
        attendance[i] = 'attended';
        attended += 1;
      }
    }
  }
  client.sessions = dates.map((date, i) => {
    const srng = rng.fork('session', i);
    const type: SessionFields['type'] =
      i === 0 ? 'intake' : profile.sessionType !== 'individual' && srng.chance(0.85) ? profile.sessionType : profile.id === 'emotion-regulation' && srng.chance(0.12) ? 'group' : 'individual';
    const modality: SessionFields['modality'] =
      date < TELEHEALTH_FROM
        ? srng.weighted([['in_person', 93], ['phone', 7]] as const)
        : srng.weighted(prefersVideo ? ([['video', 80], ['in_person', 15], ['phone', 5]] as const) : ([['in_person', 85], ['video', 12], ['phone', 3]] as const));
    const durationMinutes = durationOf(srng, type);
    const startTime = srng.chance(0.8) ? slot : usualSlot(srng);
    const sessionTemplate = role !== 'ordinary' ? template : (modality === 'phone' && srng.chance(0.5)) || srng.chance(0.03) ? TEMPLATE('free') : template;
    return {
      client,
      index: i,
      id: seededUuid(srng),
      noteId: seededUuid(srng),
      noteKey: 0,
      fields: { date, startTime, durationMinutes, modality, type, attendance: attendance[i]!, serviceCode: serviceCodeOf(srng, type, durationMinutes) },
      createdAt: instant(date, startTime, -srng.int(0, 10)),
      template: sessionTemplate,
      status: 'signed',
      unfinished: false,
      signedAt: null,
      savedAt: 0,
      revision: 0,
      rupture: false,
      risk: 'none',
      measures: [],
      goalMarks: [],
      addendum: null,
      processNote: false,
      nextAppointment: null,
      rng: srng.fork('note'),
    } satisfies PlannedSession;
  });
  client.sessions.forEach((session, i) => {
    const next = client.sessions[i + 1];
    session.nextAppointment = next ? `${spokenDay(next.fields.date)} at ${next.fields.startTime}` : null;
  });

  return client;
}

/** Goals set at intake; some achieved, some revised (replaced by a reworded one), some closed at discharge. */
function planGoals(client: PlannedClient): void {
  const rng = client.sessions[0]!.rng.fork('goals');
  const sessions = client.sessions;
  const n = sessions.length;
  const endOf = (i: number) => instant(sessions[i]!.fields.date, sessions[i]!.fields.startTime ?? '12:00', (sessions[i]!.fields.durationMinutes ?? 50) + 20);
  const goals: PlannedGoal[] = [];
  const add = (text: string, objective: string, sessionIndex: number, at: number): PlannedGoal => {
    const date = sessions[sessionIndex]!.fields.date;
    const goal: PlannedGoal = {
      id: seededUuid(rng),
      text,
      objective,
      position: goals.length + 1,
      dateSet: date,
      targetDate: rng.chance(0.5) ? addDays(date, rng.int(90, 365)) : null,
      createdAt: at,
      status: 'active',
      updatedAt: at,
      history: [{ from: null, to: 'active', date, at }],
      firstSession: sessionIndex + 1,
      endSession: null,
    };
    goals.push(goal);
    return goal;
  };
  const change = (goal: PlannedGoal, to: GoalStatus, date: string, at: number, sessionIndex: number | null) => {
    goal.history.push({ from: goal.status, to, date, at });
    goal.status = to;
    goal.updatedAt = at;
    goal.endSession = sessionIndex;
  };
  const intakeEnd = endOf(0);
  const picks = rng.sample(client.profile.goals, rng.int(2, 4));
  const initial = picks.map((goal, i) => add(goal.text, goal.objective, 0, intakeEnd + i * MINUTE));
  const achieveRate = client.ending === 'planned' ? 0.55 : client.ending === 'dropout' ? 0.1 : 0.35;
  for (const goal of initial) {
    if (n < 6) continue;
    const roll = rng.next();
    if (roll < achieveRate) {
      const at = rng.int(Math.ceil(0.4 * n), n - 1);
      change(goal, 'achieved', sessions[at]!.fields.date, endOf(at) + 5 * MINUTE, at);
    } else if (roll < achieveRate + 0.12) {
      const at = rng.int(Math.max(1, Math.floor(0.2 * n)), Math.max(1, Math.floor(0.7 * n)));
      change(goal, 'revised', sessions[at]!.fields.date, endOf(at) + 5 * MINUTE, at);
      const reworded = add(`${goal.text}, one step at a time`, goal.objective, at, endOf(at) + 6 * MINUTE);
      if (at + 2 < n && rng.chance(0.3)) {
        const done = rng.int(at + 2, n - 1);
        change(reworded, 'achieved', sessions[done]!.fields.date, endOf(done) + 5 * MINUTE, done);
      }
    }
  }
  const closing = client.statusChange;
  if (closing && client.ending !== 'paused') {
    const date = client.fields.dischargeDate!;
    for (const goal of goals) {
      if (goal.status !== 'active') continue;
      const to = client.ending === 'dropout' ? (rng.chance(0.5) ? 'discontinued' : null) : rng.weighted([['achieved', 50], ['discontinued', 15], [null, 35]] as const);
      if (to) change(goal, to, date, closing.at - MINUTE, null);
    }
  }
  client.goals = goals;
  const diagnosisCount = rng.weighted([[0, 1], [1, 7], [2, 2]] as const);
  const candidates = [...client.profile.diagnoses, ...rng.pick(PROFILES.filter((p) => p !== client.profile)).diagnoses];
  client.diagnoses = candidates.slice(0, diagnosisCount).map((diagnosis, i) => {
    const removed = client.ending === 'planned' && rng.chance(0.5);
    return {
      id: seededUuid(rng),
      code: diagnosis.code,
      label: diagnosis.label,
      dateAdded: sessions[0]!.fields.date,
      dateRemoved: removed ? client.fields.dischargeDate : null,
      createdAt: intakeEnd + (5 + i) * MINUTE,
      removedAt: removed ? closing!.at - 2 * MINUTE : null,
    };
  });
}

const progressMark = (rng: Rng, fraction: number): GoalProgressMark =>
  fraction < 0.3 ? rng.weighted([['no_change', 50], ['some_progress', 35], ['worse', 15]] as const) : rng.weighted([['some_progress', 60], ['no_change', 30], ['worse', 10]] as const);

function measureOf(rng: Rng, definitionId: keyof typeof MEASURES, responses: Record<string, number>, takenOn: string, createdAt: number, sessionId: string | null): PlannedMeasure {
  const definition = MEASURES[definitionId];
  return { id: seededUuid(rng), measureId: definition.id, measureVersion: definition.version, takenOn, responses, score: scored(definition, responses), createdAt, sessionId };
}

const outcomeKey = (id: 'phq-9' | 'gad-7') => (id === 'phq-9' ? 'phq9' : 'gad7');
const outcomeTotal = (id: 'phq-9' | 'gad-7', phqScale: number) => (id === 'phq-9' ? phqScale : (phqScale * 21) / 27);

/** Per session: rupture, risk, goal marks, measures and the note's status and times. */
function planSessions(client: PlannedClient): void {
  const rng = client.sessions[0]!.rng.fork('course');
  const alliance = new AllianceCourse(rng.fork('alliance'));
  const { profile, role, ending } = client;
  const sessions = client.sessions;
  const n = sessions.length;
  const attendedTotal = sessions.filter((s) => s.fields.attendance === 'attended').length;
  const sacRate = role === 'ordinary' ? rng.real(0.7, 0.95) : 1;
  const clinicianRater = rng.chance(0.3);
  const fit = role === 'ordinary' && rng.chance(0.04);
  const wai = role === 'ordinary' && rng.chance(0.05);
  const outcomeEvery = role === 'ordinary' ? rng.int(3, 5) : 2;
  const declineMax = ending === 'dropout' ? rng.real(1.5, 3) : 0;
  const riskWeights: readonly (readonly [RiskLevel, number])[] =
    profile.id === 'emotion-regulation' ? [['none', 60], ['low', 25], ['moderate', 11], ['high', 4]] : profile.id === 'depression' || profile.id === 'trauma' ? [['none', 78], ['low', 16], ['moderate', 5], ['high', 1]] : [['none', 88], ['low', 10], ['moderate', 2], ['high', 0.5]];
  const recentCutoff = addDays(HISTORY_END, -10);
  const oldDraftCutoff = addDays(HISTORY_END, -730);

  if (rng.chance(0.2)) {
    // Questionnaires sent with the welcome letter and returned before the first session.
    const takenOn = addDays(sessions[0]!.fields.date, -rng.int(1, 4));
    const at = instant(takenOn, timeOfDay(rng.int(10, 20), rng.int(0, 59)));
    client.intakeMeasures = profile.outcomes.map((id, i) =>
      measureOf(rng, outcomeKey(id), frequencyAnswers(rng, MEASURES[outcomeKey(id)], outcomeTotal(id, client.outcome.totalAt(0, attendedTotal)), false), takenOn, at + i * MINUTE, null),
    );
  }

  let attended = 0;
  sessions.forEach((session, i) => {
    const srng = rng.fork('session', i);
    const { date, startTime, durationMinutes } = session.fields;
    const start = instant(date, startTime ?? '12:00');
    const end = start + (durationMinutes ?? 50) * MINUTE;
    const isAlliance = session.template.id === 'alliance';
    const fraction = i / Math.max(1, n - 1);
    const last = i === n - 1;
    if (session.fields.attendance === 'attended') {
      const k = attended++;
      const ruptureRate = Math.max(role === 'busy' ? 0.05 : 0, profile.ruptureRate * (ending === 'dropout' && fraction > 0.7 ? 2.5 : 1));
      session.rupture = k > 0 && srng.chance(ruptureRate);
      const decline = declineMax * Math.max(0, (fraction - 0.7) / 0.3);
      const scores = alliance.next(k, { rupture: session.rupture, decline });
      let riskItem = false;
      if (srng.chance(sacRate * (fit ? 0.45 : 1))) session.measures.push(measureOf(srng, 'sacClient', scores.client, date, end + srng.int(1, 6) * MINUTE, session.id));
      if (clinicianRater && srng.chance(0.7)) session.measures.push(measureOf(srng, 'sacClinician', scores.clinician, date, end + srng.int(8, 20) * MINUTE, session.id));
      if (k % outcomeEvery === 0) {
        const phqScale = client.outcome.totalAt(k, attendedTotal) + (session.rupture ? 1 : 0);
        profile.outcomes.forEach((id, j) => {
          if (j > 0 && !srng.chance(0.7)) return;
          riskItem = id === 'phq-9' && ((phqScale >= 14 && srng.chance(0.25)) || (profile.id === 'emotion-regulation' && srng.chance(0.2)));
          const key = outcomeKey(id);
          session.measures.push(measureOf(srng, key, frequencyAnswers(srng, MEASURES[key], outcomeTotal(id, phqScale), riskItem), date, start - (2 - j) * MINUTE, session.id));
        });
      }
      if (wai && k % 6 === 3) session.measures.push(measureOf(srng, 'waiSr', waiAnswers(srng, 3.2 + scores.client.bond! / 6), date, end + 3 * MINUTE, session.id));
      if (fit && srng.chance(0.9)) {
        const orsLevel = 10 - (client.outcome.totalAt(k, attendedTotal) / 27) * 7;
        session.measures.push(measureOf(srng, 'ors', analogueAnswers(srng, MEASURES.ors, orsLevel), date, start - 3 * MINUTE, session.id));
        session.measures.push(measureOf(srng, 'srs', analogueAnswers(srng, MEASURES.srs, session.rupture ? 7 : 9), date, end + 2 * MINUTE, session.id));
      }
      if (isAlliance) {
        let risk = srng.weighted(riskWeights);
        if (riskItem && risk === 'none') risk = 'low';
        session.risk = risk;
        const marks = client.goals
          .filter((goal) => goal.firstSession <= i && (goal.endSession === null || goal.endSession >= i) && goal.history.some((h) => h.to === 'active' && h.date < date))
          .filter((goal, _, all) => all.length === 1 || srng.chance(0.75));
        session.goalMarks = marks.map((goal) => ({
          goalId: goal.id,
          text: goal.text,
          progress: goal.endSession === i && goal.status === 'achieved' ? 'achieved' : progressMark(srng, fraction),
        }));
      }
      session.processNote = srng.chance(0.12);
    }

    // Drafts: the latest sessions of current clients, and now and then one forgotten for months.
    const draft =
      (role === 'busy' && last) ||
      (ending === 'active' && role !== 'busy' && ((date >= recentCutoff && srng.chance(0.65)) || (date >= oldDraftCutoff && srng.chance(0.002))));
    if (draft) {
      session.status = 'draft';
      session.unfinished = role !== 'busy' && srng.chance(0.35);
      session.savedAt = end + srng.int(10, 120) * MINUTE;
      session.revision = srng.int(2, 40);
    } else {
      const sameDay = srng.chance(0.85) || date === HISTORY_END;
      let signedAt = sameDay ? end + srng.int(15, 240) * MINUTE : instant(addDays(date, srng.int(1, 3)), timeOfDay(srng.int(19, 21), srng.int(0, 59)));
      signedAt = Math.min(signedAt, Math.max(END_OF_HISTORY, end + 15 * MINUTE));
      session.signedAt = signedAt;
      session.savedAt = signedAt - srng.int(1, 15) * MINUTE;
      session.revision = srng.int(4, 60);
      if (srng.chance(0.006)) {
        const at = instant(addDays(date, srng.int(1, 20)), timeOfDay(srng.int(9, 17), srng.int(0, 59)));
        if (at <= END_OF_HISTORY) session.addendum = { id: seededUuid(srng), at };
      }
    }
    if (session.savedAt < session.createdAt) session.savedAt = session.createdAt + HOUR;
  });
}

/** Clients are created a week or three before their intake; codes count up in that order. */
function assignCodes(root: Rng, clients: PlannedClient[]): PlannedClient[] {
  const rng = root.fork('codes');
  const ordered = [...clients].sort((a, b) => a.createdAt - b.createdAt || a.index - b.index);
  ordered.forEach((client, i) => {
    client.code = `${rng.pick([...CODE_LETTERS])}${rng.pick([...CODE_LETTERS])}-${String(i + 1).padStart(4, '0')}`;
    client.fields = { ...client.fields, code: client.code };
    if (client.statusChange) client.statusChange.before = { ...client.statusChange.before, code: client.code };
    const problems = clientFieldProblems(client.fields, HISTORY_END);
    if (Object.keys(problems).length > 0) throw new Error(`seed made an invalid client record: ${JSON.stringify(problems)}`);
  });
  return ordered;
}

/** The practice for `seed`, with `clientCount` clients and `sessionCount` sessions in all. */
export function planPractice(options: { seed: number; clients: number; sessions: number }): PracticePlan {
  const root = new Rng(`alliance-notes-practice/${options.seed}`);
  const roles: ClientRole[] = Array.from({ length: options.clients }, (_, i) => (i === 0 ? 'busy' : i === 1 ? 'pdf' : 'ordinary'));
  const endings = roles.map((role, i) => endingOf(root.fork('ending', i), role));
  const counts = allocateSessions(root.fork('counts'), options.sessions, endings.slice(2));
  const clients = roles.map((role, i) => {
    const count = role === 'busy' ? counts.busy : role === 'pdf' ? counts.pdf : counts.others[i - 2]!;
    const client = planClient(root, i, role, endings[i]!, count);
    planGoals(client);
    planSessions(client);
    return client;
  });
  const sessions = clients.flatMap((client) => client.sessions).sort((a, b) => a.createdAt - b.createdAt || a.client.index - b.client.index || a.index - b.index);
  sessions.forEach((session, i) => {
    session.noteKey = i + 1;
  });
  return { seed: options.seed, clients: assignCodes(root, clients), sessions, signer: SIGNER, practice: PRACTICE };
}
