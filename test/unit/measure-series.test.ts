import { describe, expect, it } from 'vitest';
import { builtInMeasure, latestMeasureOfKind, measurePanels, measureSeries, ratedBy, setAsideSeries, stackedPanels, subscaleDomain, type ResultForChart } from '../../shared/measures';
import { seriesStyles, styleKey } from '../../shared/measures/chart-style';

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
    expect(total.label).toBe('Total, SAC client-rated');
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

describe('charts on their true axes', () => {
  const wai = builtInMeasure('wai-sr')!;
  const phq = builtInMeasure('phq-9')!;
  const ors = builtInMeasure('ors')!;
  const results = [result('a', '2026-11-23', 26, { subscales: { goals: 9, tasks: 8, bond: 9 } }), result('b', '2026-11-30', 13, { subscales: { goals: 6, tasks: 4, bond: 3 } })];
  const clinicianResults = [result('c', '2026-11-30', 24, { measureId: 'sac-clinician' })];

  it('names every line by measure and rater', () => {
    expect([sac, clinician, wai, phq, ors].map(ratedBy)).toEqual(['SAC client-rated', 'SAC clinician-rated', 'WAI-SR client-rated', 'PHQ-9 client-rated', 'ORS client-rated']);
    const series = measureSeries(sac, [...results, ...clinicianResults], { definition: clinician, results: clinicianResults });
    expect(series.map((line) => line.label)).toEqual(['Goals, SAC client-rated', 'Tasks, SAC client-rated', 'Bond, SAC client-rated', 'Total, SAC client-rated', 'Total, SAC clinician-rated']);
  });

  it('gives subscales their own panel and scale, and bands and cutoff only to the total', () => {
    const [total, subscales] = measurePanels(sac, measureSeries(sac, [...results, ...clinicianResults], { definition: clinician, results: clinicianResults }));
    expect(total).toMatchObject({ key: 'total', yDomain: [0, 30], cutoff: 24, yTitle: 'Total (0–30)' });
    expect(total!.bands).toHaveLength(3);
    expect(total!.series.map((line) => line.key)).toEqual(['total', 'companion-total']);
    expect(subscales).toMatchObject({ key: 'subscales', yDomain: [0, 10], cutoff: null, bands: [], yTitle: 'Subscale (0–10)' });
    expect(subscales!.series.map((line) => line.key)).toEqual(['goals', 'tasks', 'bond']);
    expect(subscales!.yDomain).not.toEqual(total!.yDomain);
  });

  it('puts excellent subscale scores at the top of their own panel, not in the total\'s concern band', () => {
    const panels = measurePanels(sac, measureSeries(sac, results));
    const drawn = stackedPanels({ width: 600, margin: { top: 20, right: 10, bottom: 20, left: 40 }, from: '2026-11-01', to: '2026-12-07', gap: 10, panels: panels.map((panel) => ({ ...panel, height: 200 })) });
    const [totalPanel, subscalePanel] = drawn.panels;
    const goals = subscalePanel!.lines.find((line) => line.key === 'goals')!.points[0]!;
    const { plot } = subscalePanel!;
    // Goals 9 of 10: 90% of the way up the subscale plot, inside it.
    expect(goals.y).toBe(plot.y + plot.height * 0.1);
    expect(subscalePanel!.bandRects).toEqual([]);
    expect(subscalePanel!.cutoffY).toBeNull();
    expect(totalPanel!.bandRects.length).toBe(3);
  });

  it('draws the WAI-SR subscales (4–20) on their own axis, inside the plot, under the 12–60 total', () => {
    expect(subscaleDomain(wai)).toEqual([4, 20]);
    const waiResult = result('w', '2026-11-30', 36, { measureId: 'wai-sr', subscales: { task: 12, bond: 4, goal: 20 } });
    const panels = measurePanels(wai, measureSeries(wai, [waiResult]));
    expect(panels.map((panel) => panel.yDomain)).toEqual([
      [12, 60],
      [4, 20],
    ]);
    const drawn = stackedPanels({ width: 600, margin: { top: 20, right: 10, bottom: 20, left: 40 }, from: '2026-11-01', to: '2026-12-07', gap: 10, panels: panels.map((panel) => ({ ...panel, height: 200 })) });
    for (const panel of drawn.panels) {
      for (const point of panel.lines.flatMap((line) => line.points)) {
        expect(point.y).toBeGreaterThanOrEqual(panel.plot.y);
        expect(point.y).toBeLessThanOrEqual(panel.plot.y + panel.plot.height);
      }
    }
  });

  it('draws a measure without subscales in one panel', () => {
    expect(subscaleDomain(phq)).toBeNull();
    expect(measurePanels(phq, measureSeries(phq, [])).map((panel) => panel.key)).toEqual(['total']);
  });

  it('styles every line shown together differently: no two totals alike', () => {
    const lines = [
      { panel: 'alliance-total', key: 'total' },
      { panel: 'alliance-total', key: 'companion-total' },
      { panel: 'alliance-subscales', key: 'goals' },
      { panel: 'alliance-subscales', key: 'tasks' },
      { panel: 'alliance-subscales', key: 'bond' },
      { panel: 'outcome-total', key: 'total' },
    ];
    const styles = lines.map((line) => seriesStyles(lines).get(styleKey(line.panel, line.key))!);
    expect(new Set(styles.map((style) => style.color)).size).toBe(lines.length);
    // Told apart without colour too: no two lines share both dash and marker.
    expect(new Set(styles.map((style) => `${style.dash}|${style.marker}`)).size).toBe(lines.length);
  });

  it('defaults to the measure of a kind most recently recorded, not counting struck-out results', () => {
    const measures = [sac, phq, builtInMeasure('gad-7')!];
    const outcomes = [
      result('p', '2026-11-23', 12, { measureId: 'phq-9' }),
      result('g', '2026-11-30', 9, { measureId: 'gad-7' }),
      result('p2', '2026-11-30', 10, { measureId: 'phq-9', createdAt: '2026-11-30T09:00:00.000Z' }),
      result('x', '2026-12-07', 10, { measureId: 'phq-9', struckOut: { reason: 'Wrong client' } }),
    ];
    expect(latestMeasureOfKind(outcomes, measures, 'outcome')).toBe('gad-7');
    expect(latestMeasureOfKind(outcomes, measures, 'alliance')).toBeNull();
  });
});
