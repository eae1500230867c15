import { describe, expect, it } from 'vitest';
import { caseloadOutcomes, classifyChange, periodProblems, type CaseloadFacts } from '../../shared/caseload-rules';
import { builtInMeasure, type MeasureDefinition } from '../../shared/measures';

/**
 * Reliable change against hand calculations. PHQ-9: higher is worse, reliable change 6, concern at 10 or
 * more. ORS: higher is better, reliable change 5, concern below 25, totals to a tenth. Each threshold is
 * shown met exactly and missed by the smallest step, in both directions.
 */
const phq9 = builtInMeasure('phq-9')!;
const ors = builtInMeasure('ors')!;
const waiSr = builtInMeasure('wai-sr')!;
const sacClient = builtInMeasure('sac-client')!;
/** A custom outcome measure with a reliable change and no cutoff: higher counts as worse. */
const noCutoff: MeasureDefinition = { ...phq9, id: 'custom-sleep', name: 'Sleep problems', cutoff: null, reliableChange: 3 };

describe('classifyChange', () => {
  it.each([
    // first, latest, class, the hand calculation
    [20, 14, 'improved', '20 - 14 = 6 ≥ 6 better; 14 is still ≥ 10'],
    [20, 15, 'unchanged', '20 - 15 = 5 < 6'],
    [15, 9, 'recovered', '15 - 9 = 6 ≥ 6 better; 15 ≥ 10 and 9 < 10: crossed'],
    [16, 10, 'improved', '16 - 10 = 6 better; 10 is still on the concerning side (10 or more)'],
    [9, 3, 'improved', '9 - 3 = 6 better; 9 was never in the concerning range'],
    [15, 10, 'unchanged', '15 - 10 = 5 < 6, though it moved towards the cutoff'],
    [4, 10, 'deteriorated', '10 - 4 = 6 ≥ 6 worse'],
    [4, 9, 'unchanged', '9 - 4 = 5 < 6 worse'],
    [12, 12, 'unchanged', 'no change'],
  ] as const)('PHQ-9 %d → %d is %s (%s)', (first, latest, expected, why) => {
    expect(classifyChange(phq9, first, latest), why).toBe(expected);
  });

  it.each([
    [18, 23, 'improved', '23 - 18 = 5 ≥ 5 better; 23 is still below 25'],
    [12.4, 17.4, 'improved', '17.4 - 12.4 = 5.0 (4.999… in floating point) better'],
    [22.1, 27, 'unchanged', '27 - 22.1 = 4.9 < 5'],
    [20.4, 25.4, 'recovered', '5.0 better; 20.4 < 25 and 25.4 is not: crossed'],
    [24.9, 29.9, 'recovered', '5.0 better, from just below the cutoff to above it'],
    [25, 30, 'improved', '5 better, but 25 was already not below 25'],
    [30, 25, 'deteriorated', '30 - 25 = 5 ≥ 5 worse'],
    [30, 25.1, 'unchanged', '4.9 < 5 worse'],
    [26, 20, 'deteriorated', 'worse by 6, and into the concerning range: still only deteriorated'],
  ] as const)('ORS %d → %d is %s (%s)', (first, latest, expected, why) => {
    expect(classifyChange(ors, first, latest), why).toBe(expected);
  });

  it('a measure without a cutoff can improve or deteriorate but never recover', () => {
    expect(classifyChange(noCutoff, 10, 7)).toBe('improved');
    expect(classifyChange(noCutoff, 10, 8)).toBe('unchanged');
    expect(classifyChange(noCutoff, 7, 10)).toBe('deteriorated');
  });

  it('a measure without an established reliable change is not classified', () => {
    expect(classifyChange(waiSr, 20, 50)).toBeNull();
  });
});

describe('caseloadOutcomes', () => {
  const period = { from: '2026-01-01', to: '2026-03-31' };
  const ref = (code: string) => ({ clientId: `00000000-0000-4000-8000-0000000000${code.slice(-2)}`, code });
  const empty: CaseloadFacts = { attended: [], missed: [], discharged: [], outcomePairs: [], thirdSessionAlliance: [] };

  it('counts a recovered client as improved too, and leaves out measures without a reliable change', () => {
    const facts: CaseloadFacts = {
      ...empty,
      outcomePairs: [
        { ...ref('C-02'), measureId: 'phq-9', first: 15, latest: 9 },
        { ...ref('C-01'), measureId: 'phq-9', first: 20, latest: 14 },
        { ...ref('C-03'), measureId: 'phq-9', first: 4, latest: 10 },
        { ...ref('C-01'), measureId: 'wai-sr', first: 20, latest: 50 },
      ],
    };
    const [measure, ...others] = caseloadOutcomes(period, facts, [phq9, waiSr]).measures;
    expect(others).toEqual([]);
    expect(measure).toMatchObject({ measureId: 'phq-9', reliableChange: 6, cutoff: 10 });
    expect(measure!.clients.map((client) => client.code)).toEqual(['C-01', 'C-02', 'C-03']);
    expect(measure!.recovered.map((client) => client.code)).toEqual(['C-02']);
    expect(measure!.improved.map((client) => client.code)).toEqual(['C-01', 'C-02']);
    expect(measure!.unchanged).toEqual([]);
    expect(measure!.deteriorated.map((client) => client.code)).toEqual(['C-03']);
  });

  it('compares the mean session-3 alliance of clients who improved on any measure with the rest', () => {
    const facts: CaseloadFacts = {
      ...empty,
      outcomePairs: [
        { ...ref('C-01'), measureId: 'phq-9', first: 20, latest: 14 },
        { ...ref('C-02'), measureId: 'phq-9', first: 20, latest: 19 },
        { ...ref('C-02'), measureId: 'ors', first: 18, latest: 24 },
        { ...ref('C-03'), measureId: 'phq-9', first: 12, latest: 12 },
      ],
      thirdSessionAlliance: [
        { ...ref('C-01'), measureId: 'sac-client', total: 27 },
        { ...ref('C-01'), measureId: 'sac-client', total: 10 },
        { ...ref('C-02'), measureId: 'sac-client', total: 24 },
        { ...ref('C-03'), measureId: 'sac-client', total: 18 },
        // Not measured in the period: left out of both groups.
        { ...ref('C-04'), measureId: 'sac-client', total: 5 },
      ],
    };
    const [alliance] = caseloadOutcomes(period, facts, [sacClient, phq9, ors]).earlyAlliance;
    // Improved: C-01 (PHQ-9) and C-02 (ORS); C-01's first entry at session 3 counts. (27 + 24) / 2.
    expect(alliance!.improved).toEqual({ mean: 25.5, clients: [ref('C-01'), ref('C-02')] });
    expect(alliance!.notImproved).toEqual({ mean: 18, clients: [ref('C-03')] });
  });

  it('has no early alliance mean for a group without clients, and no attendance rate when nothing was booked', () => {
    const facts: CaseloadFacts = {
      ...empty,
      outcomePairs: [{ ...ref('C-03'), measureId: 'phq-9', first: 12, latest: 12 }],
      thirdSessionAlliance: [{ ...ref('C-03'), measureId: 'sac-client', total: 18 }],
    };
    const outcomes = caseloadOutcomes(period, facts, [sacClient, phq9]);
    expect(outcomes.earlyAlliance[0]!.improved).toEqual({ mean: null, clients: [] });
    expect(outcomes.attendance).toEqual({ attended: 0, missed: 0, rate: null, missedClients: [] });
  });

  it('reads attendance as attended over attended and missed, and sorts endings by how they were recorded', () => {
    const facts: CaseloadFacts = {
      ...empty,
      attended: [{ ...ref('C-02'), count: 5 }, { ...ref('C-01'), count: 4 }],
      missed: [{ ...ref('C-02'), count: 3 }],
      discharged: [{ ...ref('C-05'), kind: 'unplanned' }, { ...ref('C-06'), kind: 'planned' }, { ...ref('C-07'), kind: null }],
    };
    const outcomes = caseloadOutcomes(period, facts, []);
    expect(outcomes.activeClients).toEqual([ref('C-01'), ref('C-02')]);
    expect(outcomes.sessionsHeld).toEqual({ count: 9, clients: [ref('C-01'), ref('C-02')] });
    expect(outcomes.attendance).toEqual({ attended: 9, missed: 3, rate: 0.75, missedClients: [ref('C-02')] });
    expect(outcomes.dropOuts).toEqual([ref('C-05')]);
    expect(outcomes.plannedEndings).toEqual([ref('C-06')]);
    expect(outcomes.endingsNotRecorded).toEqual([ref('C-07')]);
  });
});

describe('periodProblems', () => {
  it('names the end date when it is before the start, and accepts a one-day period', () => {
    expect(periodProblems({ from: '2026-03-02', to: '2026-03-01' })).toEqual({ to: expect.stringContaining('before its start') });
    expect(periodProblems({ from: '2026-03-01', to: '2026-03-01' })).toEqual({});
  });
});
