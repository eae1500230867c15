import { clientFieldsSchema } from '../../shared/clients';
import { BUILT_IN_TEMPLATES } from '../../shared/note-templates';
import type { SessionFields } from '../../shared/notes';
import { addDays, dayNumber, HISTORY_END, instant, spokenDay, TELEHEALTH_FROM, timeOfDay } from './calendar';
import { seededUuid } from './ids';
import { personName } from './names';
import { contactOf, dateOfBirth, dischargeReason, presentingConcerns, pronounOf, statusOf, tagsOf, type Ending } from './people';
import type { PlannedClient, PlannedSession } from './plan-types';
import type { Rng } from './prng';
import { PROFILES } from './profiles';
import { rhythmOf, sessionDates, usualSlot, type ClientRole } from './schedule';
import { OutcomeCourseModel } from './scores';

const TEMPLATE = (id: string) => BUILT_IN_TEMPLATES.find((template) => template.id === id)!;

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
export function planClient(root: Rng, index: number, role: ClientRole, ending: Ending, sessionCount: number): PlannedClient {
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
    medications: [],
    allergies: [],
    engagement: { plan: null, appointments: [], missed: [], contacts: [] },
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
      repaired: false,
      risk: 'none',
      measures: [],
      goalMarks: [],
      addendum: null,
      processNote: false,
      nextAppointment: null,
      medicationReview: null,
      rng: srng.fork('note'),
    } satisfies PlannedSession;
  });
  client.sessions.forEach((session, i) => {
    const next = client.sessions[i + 1];
    session.nextAppointment = next ? `${spokenDay(next.fields.date)} at ${next.fields.startTime}` : null;
  });

  return client;
}
