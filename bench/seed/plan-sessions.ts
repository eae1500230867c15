import type { GoalProgressMark, RiskLevel } from '../../shared/notes';
import { addDays, HISTORY_END, HOUR, instant, MINUTE, timeOfDay } from './calendar';
import { seededUuid } from './ids';
import type { PlannedClient, PlannedMeasure } from './plan-types';
import type { Rng } from './prng';
import { AllianceCourse, analogueAnswers, frequencyAnswers, MEASURES, scored, waiAnswers } from './scores';

const END_OF_HISTORY = instant(HISTORY_END, '23:59');

const progressMark = (rng: Rng, fraction: number): GoalProgressMark =>
  fraction < 0.3 ? rng.weighted([['no_change', 50], ['some_progress', 35], ['worse', 15]] as const) : rng.weighted([['some_progress', 60], ['no_change', 30], ['worse', 10]] as const);

function measureOf(rng: Rng, definitionId: keyof typeof MEASURES, responses: Record<string, number>, takenOn: string, createdAt: number, sessionId: string | null): PlannedMeasure {
  const definition = MEASURES[definitionId];
  return { id: seededUuid(rng), measureId: definition.id, measureVersion: definition.version, takenOn, responses, score: scored(definition, responses), createdAt, sessionId };
}

const outcomeKey = (id: 'phq-9' | 'gad-7') => (id === 'phq-9' ? 'phq9' : 'gad7');
const outcomeTotal = (id: 'phq-9' | 'gad-7', phqScale: number) => (id === 'phq-9' ? phqScale : (phqScale * 21) / 27);

/** Per session: rupture, risk, goal marks, measures and the note's status and times. */
export function planSessions(client: PlannedClient): void {
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
