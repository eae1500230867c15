import { describe, expect, it } from 'vitest';
import { alertKey, builtInMeasure, latestAlerts, type MeasureDefinition, type MeasurePoint } from '../../shared/measures';

const measure = (id: string): MeasureDefinition => {
  const found = builtInMeasure(id);
  if (!found) throw new Error(`no built-in ${id}`);
  return found;
};

const sac = measure('sac-client');
const phq = measure('phq-9');
const ors = measure('ors');
const wai = measure('wai-sr');

let sessionCounter = 0;
const point = (date: string, total: number | null, subscales: Record<string, number | null> = {}, extra: Partial<MeasurePoint> = {}): MeasurePoint => ({
  sessionId: `s-${date}-${++sessionCounter}`,
  noteId: null,
  date,
  total,
  subscales,
  ruptureNoted: false,
  flags: [],
  ...extra,
});

/** A Session Alliance Check point from its three items. */
const sacPoint = (date: string, goals: number, tasks: number, bond: number, extra: Partial<MeasurePoint> = {}) =>
  point(date, goals + tasks + bond, { goals, tasks, bond }, extra);

const kinds = (definition: MeasureDefinition, points: MeasurePoint[]) => latestAlerts(definition, points).map((alert) => alert.kind);

describe('alliance alerts', () => {
  it('raise nothing for a steady, good alliance', () => {
    expect(latestAlerts(sac, [sacPoint('2026-03-05', 9, 9, 9), sacPoint('2026-03-12', 9, 9, 9)])).toEqual([]);
    expect(latestAlerts(sac, [])).toEqual([]);
  });

  it('fire when the total is below the cutoff, not when it is exactly at it', () => {
    expect(kinds(sac, [sacPoint('2026-03-12', 8, 8, 8)])).toEqual([]);
    const [alert, ...rest] = latestAlerts(sac, [sacPoint('2026-03-12', 8, 8, 7)]);
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({
      kind: 'cutoff',
      measureId: 'sac-client',
      measureKind: 'alliance',
      severity: 'warning',
      date: '2026-03-12',
      reason: 'SAC client total was 23 on 12 March 2026, below the cutoff of 24.',
    });
  });

  it('fire when the total drops by exactly the reliable change (3), not by 2', () => {
    const before = sacPoint('2026-03-12', 9, 10, 9);
    const dropOf3 = sacPoint('2026-03-19', 8, 9, 8);
    const alerts = latestAlerts(sac, [before, dropOf3]);
    expect(alerts).toEqual([
      {
        kind: 'total-drop',
        measureId: 'sac-client',
        measureKind: 'alliance',
        reason: 'SAC client total fell from 28 to 25 since 12 March 2026.',
        sessionIds: [before.sessionId, dropOf3.sessionId],
        date: '2026-03-19',
        severity: 'warning',
        subject: null,
      },
    ]);
    expect(kinds(sac, [before, sacPoint('2026-03-19', 9, 9, 8)])).toEqual([]);
  });

  it('do not fire when the total rises', () => {
    expect(kinds(sac, [sacPoint('2026-03-12', 8, 8, 8), sacPoint('2026-03-19', 10, 10, 10)])).toEqual([]);
  });

  it('fire when one subscale drops by 2, not by 1', () => {
    const before = sacPoint('2026-03-12', 9, 10, 9);
    const bondDown2 = sacPoint('2026-03-19', 9, 10, 7);
    expect(latestAlerts(sac, [before, bondDown2])).toEqual([
      expect.objectContaining({
        kind: 'subscale-drop',
        reason: 'Bond fell from 9 to 7 since 12 March 2026.',
        sessionIds: [before.sessionId, bondDown2.sessionId],
        subject: 'bond',
        severity: 'notice',
      }),
    ]);
    expect(kinds(sac, [before, sacPoint('2026-03-19', 9, 10, 8)])).toEqual([]);
  });

  it('raise every rule that applies, one alert per subscale', () => {
    const alerts = latestAlerts(sac, [sacPoint('2026-03-12', 9, 9, 9), sacPoint('2026-03-19', 6, 9, 6, { ruptureNoted: true })]);
    expect(alerts.map((alert) => [alert.kind, alert.subject])).toEqual([
      ['cutoff', null],
      ['total-drop', null],
      ['subscale-drop', 'goals'],
      ['subscale-drop', 'bond'],
      ['rupture', null],
    ]);
  });

  it('fire when the latest note flagged a rupture, not an earlier one', () => {
    const latest = sacPoint('2026-03-19', 9, 9, 9, { ruptureNoted: true });
    expect(latestAlerts(sac, [sacPoint('2026-03-12', 9, 9, 9), latest])).toEqual([
      expect.objectContaining({ kind: 'rupture', reason: 'A rupture was noted in the session on 19 March 2026.', sessionIds: [latest.sessionId] }),
    ]);
    expect(kinds(sac, [sacPoint('2026-03-12', 9, 9, 9, { ruptureNoted: true }), sacPoint('2026-03-19', 9, 9, 9)])).toEqual([]);
  });

  it('compare with the last scored session, skipping one without a total', () => {
    const scored = sacPoint('2026-03-05', 10, 10, 10);
    const blank = point('2026-03-12', null, { goals: null, tasks: null, bond: null });
    const latest = sacPoint('2026-03-19', 9, 9, 9);
    expect(latestAlerts(sac, [scored, blank, latest])).toEqual([
      expect.objectContaining({ kind: 'total-drop', reason: 'SAC client total fell from 30 to 27 since 5 March 2026.', sessionIds: [scored.sessionId, latest.sessionId] }),
    ]);
  });

  it('read points in date order whatever order they come in', () => {
    expect(kinds(sac, [sacPoint('2026-03-19', 9, 9, 9), sacPoint('2026-03-12', 10, 10, 10)])).toEqual(['total-drop']);
  });

  it('without a reliable change or cutoff (WAI-SR), use only the subscale rule', () => {
    const before = point('2026-03-12', 50, { task: 16, bond: 18, goal: 16 });
    const after = point('2026-03-19', 40, { task: 13, bond: 14, goal: 13 });
    expect(latestAlerts(wai, [before, after]).map((alert) => alert.reason)).toEqual([
      'Task fell from 16 to 13 since 12 March 2026.',
      'Bond fell from 18 to 14 since 12 March 2026.',
      'Goal fell from 16 to 13 since 12 March 2026.',
    ]);
  });
});

describe('outcome alerts', () => {
  it('fire when a concern-above measure rises by exactly the reliable change (PHQ-9: 6), not 5', () => {
    const before = point('2026-03-12', 8);
    const worse = point('2026-03-26', 14);
    expect(latestAlerts(phq, [before, worse])).toEqual([
      {
        kind: 'worsened',
        measureId: 'phq-9',
        measureKind: 'outcome',
        reason: 'PHQ-9 rose from 8 to 14 since 12 March 2026, a reliable worsening.',
        sessionIds: [before.sessionId, worse.sessionId],
        date: '2026-03-26',
        severity: 'warning',
        subject: null,
      },
    ]);
    expect(kinds(phq, [before, point('2026-03-26', 13)])).toEqual([]);
  });

  it('do not fire on an improvement or on the level alone', () => {
    expect(kinds(phq, [point('2026-03-12', 20), point('2026-03-26', 8)])).toEqual([]);
    expect(kinds(phq, [point('2026-03-26', 22)])).toEqual([]);
  });

  it('fire when a concern-below measure falls by the reliable change (ORS: 5), not 4.9', () => {
    expect(latestAlerts(ors, [point('2026-03-12', 30), point('2026-03-26', 25)]).map((alert) => alert.reason)).toEqual([
      'ORS fell from 30 to 25 since 12 March 2026, a reliable worsening.',
    ]);
    expect(kinds(ors, [point('2026-03-12', 30), point('2026-03-26', 25.1)])).toEqual([]);
    expect(kinds(ors, [point('2026-03-12', 20), point('2026-03-26', 30)])).toEqual([]);
  });

  it('fire urgently for a flag item on the latest result only', () => {
    const message = 'Item 9 answered above "Not at all": review risk.';
    const latest = point('2026-03-26', 4, {}, { flags: [message] });
    expect(latestAlerts(phq, [point('2026-03-12', 5), latest])).toEqual([
      expect.objectContaining({ kind: 'flag', severity: 'urgent', subject: message, reason: `${message} (PHQ-9, 26 March 2026)`, sessionIds: [latest.sessionId] }),
    ]);
    expect(kinds(phq, [point('2026-03-12', 5, {}, { flags: [message] }), point('2026-03-26', 4)])).toEqual([]);
  });

  it('ignore rupture notes and subscales, which are alliance rules', () => {
    expect(kinds(phq, [point('2026-03-12', 5), point('2026-03-26', 5, {}, { ruptureNoted: true })])).toEqual([]);
  });
});

describe('alert keys', () => {
  const before = sacPoint('2026-03-12', 9, 9, 9);
  const latest = sacPoint('2026-03-19', 6, 9, 6);

  it('are the same when alerts are recomputed, even against a different earlier session', () => {
    const keys = latestAlerts(sac, [before, latest]).map(alertKey);
    expect(latestAlerts(sac, [before, latest]).map(alertKey)).toEqual(keys);
    const inserted = sacPoint('2026-03-15', 10, 9, 10);
    expect(latestAlerts(sac, [before, inserted, latest]).map(alertKey)).toEqual(keys);
  });

  it('differ per rule, per subscale, per measure and per latest session', () => {
    const keys = latestAlerts(sac, [before, latest]).map(alertKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain(`sac-client|subscale-drop|${latest.sessionId}|bond`);
    const clinicianKeys = latestAlerts(measure('sac-clinician'), [before, latest]).map(alertKey);
    expect(clinicianKeys.some((key) => keys.includes(key))).toBe(false);
    const later = sacPoint('2026-03-26', 6, 9, 6);
    expect(latestAlerts(sac, [before, later]).map(alertKey).some((key) => keys.includes(key))).toBe(false);
  });
});
