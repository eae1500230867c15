import type { GoalStatus } from '../../shared/clients';
import { addDays, instant, MINUTE } from './calendar';
import { seededUuid } from './ids';
import type { PlannedClient, PlannedGoal } from './plan-types';
import { PROFILES } from './profiles';

/** Goals set at intake; some achieved, some revised (replaced by a reworded one), some closed at discharge. */
export function planGoals(client: PlannedClient): void {
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
