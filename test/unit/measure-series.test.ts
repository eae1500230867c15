import { describe, expect, it } from 'vitest';
import { builtInMeasure, measureSeries, setAsideSeries, type ResultForChart } from '../../shared/measures';

const sac = builtInMeasure('sac-client')!;
const clinician = builtInMeasure('sac-clinician')!;

const result = (id: string, takenOn: string, total: number, extra: Partial<ResultForChart> = {}): ResultForChart => ({
  id,
  measureId: 'sac-client',
  takenOn,
  total,
  subscales: { goals: 8, tasks: 8, bond: total - 16 },
  sessionId: `s-${id}`,
  noteId: `n-${id}`,
  ruptureNoted: false,
  createdAt: `${takenOn}T10:00:00.000Z`,
  lateEntry: false,
  struckOut: null,
  sessionVoided: false,
  ...extra,
});

/** The chart and the PDF draw measureSeries; the table adds setAsideSeries struck through. */
describe('measure series with corrections', () => {
  const results = [
    result('a', '2026-01-05', 25),
    result('b', '2026-01-12', 18, { struckOut: { reason: 'Entered for the wrong client' } }),
    result('c', '2026-01-19', 22, { lateEntry: true, createdAt: '2026-01-25T09:30:00.000Z' }),
    result('d', '2026-01-26', 20, { sessionVoided: true }),
    result('e', '2026-01-26', 21, { measureId: 'sac-clinician', struckOut: { reason: 'Duplicate' } }),
  ];

  it('leaves struck-out results and voided sessions off every line, companion included', () => {
    const series = measureSeries(sac, results, { definition: clinician, results });
    const total = series.find((line) => line.key === 'total')!;
    expect(total.points.map((point) => [point.date, point.value])).toEqual([
      ['2026-01-05', 25],
      ['2026-01-19', 22],
    ]);
    expect(series.find((line) => line.key === 'bond')!.points).toHaveLength(2);
    // The clinician's only result is struck out, so there is no companion line at all.
    expect(series.map((line) => line.key)).toEqual(['goals', 'tasks', 'bond', 'total']);
  });

  it('marks a late entry with when it was entered', () => {
    const total = measureSeries(sac, results).find((line) => line.key === 'total')!;
    expect(total.points.map((point) => point.lateEntry)).toEqual([null, '2026-01-25T09:30:00.000Z']);
  });

  it('gives the left-out results, with their reasons, for the table', () => {
    const aside = setAsideSeries(sac, results, { definition: clinician, results });
    const total = aside.find((line) => line.key === 'total')!;
    expect(total.points.map((point) => [point.date, point.value, point.struckOut, point.sessionVoided])).toEqual([
      ['2026-01-12', 18, 'Entered for the wrong client', false],
      ['2026-01-26', 20, null, true],
    ]);
    expect(aside.find((line) => line.key === 'companion-total')!.points.map((point) => point.struckOut)).toEqual(['Duplicate']);
  });
});
