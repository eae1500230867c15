import { afterEach, describe, expect, it } from 'vitest';
import { dateRangeFor, formatDay, sparklinePath, stackedPanels, stackedTrendCharts, trendChartGeometry, type ChartPointInput, type TrendChartInput } from '../../shared/measures';

const at = (date: string, value: number | null, rupture = false): ChartPointInput => ({ date, value, sessionId: `s-${date}`, noteId: `n-${date}`, rupture });

const sacBands = [
  { from: 0, to: 17, label: 'Weak alliance', severity: 3 },
  { from: 18, to: 23, label: 'Some strain', severity: 2 },
  { from: 24, to: 30, label: 'Good alliance', severity: 0 },
];

/**
 * Plot 440 × 260 at (40, 10); dates are drawn 12 px in from each axis, so x runs 52–468 over 59 days
 * (1 Jan – 1 Mar 2026), and y over 0–30. So a day is 416/59 px and a point 260/30 px: 15 Jan is
 * 52 + 14 × 416/59 = 150.71; 24 is 270 − 24 × 260/30 = 62.
 */
const input = (): TrendChartInput => ({
  width: 500,
  height: 300,
  margin: { top: 10, right: 20, bottom: 30, left: 40 },
  from: '2026-01-01',
  to: '2026-03-01',
  yDomain: [0, 30],
  cutoff: 24,
  bands: sacBands,
  series: [
    {
      key: 'total',
      label: 'Total',
      points: [at('2025-12-20', 12), at('2026-01-01', 30), at('2026-01-15', 15), at('2026-01-29', null, true), at('2026-02-12', 0), at('2026-03-01', 24), at('2026-03-05', 3)],
    },
  ],
});

describe('trend chart geometry', () => {
  const geometry = trendChartGeometry(input());

  it('places the plot inside the margins', () => {
    expect(geometry.plot).toEqual({ x: 40, y: 10, width: 440, height: 260 });
  });

  it('places each session by its date and score, keeping its ids and rupture mark', () => {
    const [line] = geometry.lines;
    expect(line?.points.map(({ x, y, date }) => [date, x, y])).toEqual([
      ['2026-01-01', 52, 10],
      ['2026-01-15', 150.71, 140],
      ['2026-01-29', 249.42, null],
      ['2026-02-12', 348.14, 270],
      ['2026-03-01', 468, 62],
    ]);
    expect(line?.points[2]).toMatchObject({ sessionId: 's-2026-01-29', noteId: 'n-2026-01-29', rupture: true, value: null });
  });

  it('draws the line with a gap where a score is missing, leaving out dates outside the range', () => {
    expect(geometry.lines[0]).toMatchObject({ key: 'total', label: 'Total', path: 'M52,10L150.71,140M348.14,270L468,62' });
  });

  it('puts the cutoff line at its score', () => {
    expect(geometry.cutoffY).toBe(62);
    expect(trendChartGeometry({ ...input(), cutoff: null }).cutoffY).toBeNull();
  });

  it('ticks x on the session dates, not on calendar weeks, and round scores along y', () => {
    // Sessions every other Thursday; d3's default ticks would fall on Sundays or month starts.
    expect(geometry.xTicks).toEqual([
      { x: 52, label: '1 Jan' },
      { x: 150.71, label: '15 Jan' },
      { x: 249.42, label: '29 Jan' },
      { x: 348.14, label: '12 Feb' },
      { x: 468, label: '1 Mar' },
    ]);
    expect(geometry.yTicks.map((tick) => tick.label)).toEqual(['0', '5', '10', '15', '20', '25', '30']);
    expect(geometry.yTicks[0]).toEqual({ y: 270, label: '0' });
    expect(geometry.yTicks[6]).toEqual({ y: 10, label: '30' });
  });

  it('thins many session dates evenly, keeping the first and the last, with room for every label', () => {
    const weekly = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2025, 8, 1 + 7 * i)).toISOString().slice(0, 10));
    const many = trendChartGeometry({ ...input(), from: weekly[0]!, to: weekly.at(-1)!, series: [{ key: 'total', label: 'Total', points: weekly.map((date) => at(date, 20)) }] });
    const sessionXs = new Map(many.lines[0]!.points.map((point) => [point.x, point.date]));
    expect(many.xTicks.length).toBeGreaterThan(4);
    expect(many.xTicks.length).toBeLessThanOrEqual(10);
    for (const tick of many.xTicks) expect(sessionXs.has(tick.x)).toBe(true);
    expect(many.xTicks[0]).toEqual({ x: 52, label: '1 Sep 2025' });
    expect(many.xTicks.at(-1)).toEqual({ x: 468, label: '1 Jun' });
    // The year is named where it changes, and the steps between ticks are even to within a session.
    expect(many.xTicks.filter((tick) => /20\d\d/.test(tick.label))).toHaveLength(2);
    const steps = many.xTicks.slice(1).map((tick, i) => tick.x - many.xTicks[i]!.x);
    expect(Math.max(...steps) - Math.min(...steps)).toBeLessThan(416 / 39 + 0.01);
    expect(Math.min(...steps)).toBeGreaterThanOrEqual(44);
  });

  it('drops a tick too close to the one before, so clustered sessions keep readable labels', () => {
    const close = trendChartGeometry({ ...input(), series: [{ key: 'total', label: 'Total', points: [at('2026-01-05', 10), at('2026-01-06', 12), at('2026-02-20', 14)] }] });
    expect(close.xTicks.map((tick) => tick.label)).toEqual(['5 Jan', '20 Feb']);
  });

  it('draws a single result mid-plot, off the y axis, on an axis padded two weeks each side', () => {
    const single = trendChartGeometry({ ...input(), series: [{ key: 'total', label: 'GAD-7', points: [at('2026-01-01', 12)] }] });
    const point = single.lines[0]!.points[0]!;
    expect(point.x).toBe(260);
    expect(point.x).toBeGreaterThan(single.plot.x + 100);
    expect(single.xDomain).toEqual({ from: '2025-12-18', to: '2026-01-15' });
    expect(single.xTicks).toEqual([{ x: 260, label: '1 Jan' }]);
    // With more than one date the domain is the chosen range.
    expect(geometry.xDomain).toEqual({ from: '2026-01-01', to: '2026-03-01' });
  });

  it('tiles the bands with no gaps, each running up to where the next begins', () => {
    expect(geometry.bandRects).toEqual([
      { y: 114, height: 156, label: 'Weak alliance', severity: 3 },
      { y: 62, height: 52, label: 'Some strain', severity: 2 },
      { y: 10, height: 52, label: 'Good alliance', severity: 0 },
    ]);
  });

  it('clips bands to the y domain', () => {
    // 20–30 over 260 px is 26 px a point: strain shows 20–24, good 24–30; weak is off the chart.
    const zoomed = trendChartGeometry({ ...input(), yDomain: [20, 30] });
    expect(zoomed.bandRects.map((rect) => [rect.label, rect.y, rect.height])).toEqual([
      ['Some strain', 166, 104],
      ['Good alliance', 10, 156],
    ]);
  });
});

describe('stacked alliance and outcome charts', () => {
  const panel = (height: number, domain: [number, number]) => ({ height, yDomain: domain, cutoff: null, bands: [], series: [{ key: 'total', label: 'Total', points: [at('2026-01-15', domain[1])] }] });
  const stacked = stackedTrendCharts({
    width: 500,
    margin: { top: 10, right: 20, bottom: 30, left: 40 },
    from: '2026-01-01',
    to: '2026-03-01',
    gap: 20,
    alliance: panel(300, [0, 30]),
    outcome: panel(200, [0, 27]),
  });

  it('share the x axis, so one session sits at the same x in both', () => {
    expect(stacked.outcome?.xTicks).toEqual(stacked.alliance.xTicks);
    expect(stacked.outcome?.lines[0]?.points[0]?.x).toBe(260);
    expect(stacked.alliance.lines[0]?.points[0]?.x).toBe(260);
  });

  it('tick every panel on the dates of all of them, each panel on its own y scale', () => {
    const three = stackedPanels({
      width: 500,
      margin: { top: 10, right: 20, bottom: 30, left: 40 },
      from: '2026-01-01',
      to: '2026-03-01',
      gap: 20,
      panels: [
        { height: 300, yDomain: [0, 30], cutoff: 24, bands: sacBands, series: [{ key: 'total', label: 'Total', points: [at('2026-01-15', 27), at('2026-02-12', 13)] }] },
        { height: 200, yDomain: [0, 10], cutoff: null, bands: [], series: [{ key: 'bond', label: 'Bond', points: [at('2026-01-15', 9), at('2026-02-12', 3)] }] },
        { height: 200, yDomain: [0, 27], cutoff: 10, bands: [], series: [{ key: 'total', label: 'PHQ-9', points: [at('2026-02-26', 12)] }] },
      ],
    });
    const [total, bond, outcome] = three.panels;
    expect(three.height).toBe(740);
    for (const panel of three.panels) expect(panel.xTicks.map((tick) => tick.label)).toEqual(['15 Jan', '12 Feb', '26 Feb']);
    // A bond of 9 sits 90% up its own panel, not 30% up the total's.
    expect(bond!.lines[0]!.points[0]!.y).toBe(bond!.plot.y + 0.1 * bond!.plot.height);
    expect(total!.lines[0]!.points[0]!.x).toBe(bond!.lines[0]!.points[0]!.x);
    expect(outcome!.plot.y).toBe(550);
  });

  it('put the outcome chart below the alliance chart', () => {
    expect(stacked.height).toBe(520);
    expect(stacked.alliance.plot).toEqual({ x: 40, y: 10, width: 440, height: 260 });
    expect(stacked.outcome?.plot).toEqual({ x: 40, y: 330, width: 440, height: 160 });
    expect(stacked.outcome?.lines[0]?.points[0]?.y).toBe(330);
    expect(stacked.alliance.lines[0]?.points[0]?.y).toBe(10);
  });

  it('draw the alliance chart alone when there is no outcome measure', () => {
    const alone = stackedTrendCharts({ width: 500, margin: { top: 10, right: 20, bottom: 30, left: 40 }, from: '2026-01-01', to: '2026-03-01', gap: 20, alliance: panel(300, [0, 30]), outcome: null });
    expect(alone).toMatchObject({ height: 300, outcome: null });
  });
});

describe('date ranges', () => {
  it('go back whole months from today', () => {
    expect(dateRangeFor('3m', '2026-05-15', '2020-01-01')).toEqual({ from: '2026-02-15', to: '2026-05-15' });
    expect(dateRangeFor('6m', '2026-05-15', null)).toEqual({ from: '2025-11-15', to: '2026-05-15' });
    expect(dateRangeFor('12m', '2026-05-15', null)).toEqual({ from: '2025-05-15', to: '2026-05-15' });
  });

  it('clamp to the end of a shorter month', () => {
    expect(dateRangeFor('3m', '2026-05-31', null)).toEqual({ from: '2026-02-28', to: '2026-05-31' });
  });

  it("start 'all' at the first result, spanning at least a month", () => {
    expect(dateRangeFor('all', '2026-05-15', '2024-09-03')).toEqual({ from: '2024-09-03', to: '2026-05-15' });
    expect(dateRangeFor('all', '2026-05-15', '2026-05-10')).toEqual({ from: '2026-04-15', to: '2026-05-15' });
    expect(dateRangeFor('all', '2026-05-15', null)).toEqual({ from: '2026-04-15', to: '2026-05-15' });
  });
});

describe('sparklines', () => {
  it('space values evenly, with gaps for blanks', () => {
    // x: 0, 33.33, 66.67, 100; y on 0–4 over 20 px: 1 → 15, 3 → 5, 4 → 0.
    expect(sparklinePath([1, null, 3, 4], 100, 20, [0, 4])).toBe('M0,15ZM66.67,5L100,0');
  });

  it('centre a single value and draw nothing for none', () => {
    expect(sparklinePath([2], 100, 20, [0, 4])).toBe('M50,10Z');
    expect(sparklinePath([], 100, 20, [0, 4])).toBe('');
    expect(sparklinePath([null, null], 100, 20, [0, 4])).toBe('');
  });
});

describe('time zones', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it('give the same geometry, ranges and day names in every zone', () => {
    const inZone = (zone: string) => {
      process.env.TZ = zone;
      return {
        offset: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(),
        geometry: trendChartGeometry(input()),
        range: dateRangeFor('3m', '2026-03-29', null),
        day: formatDay('2026-03-12'),
      };
    };
    const east = inZone('Pacific/Kiritimati');
    const west = inZone('Pacific/Pago_Pago');
    const london = inZone('Europe/London');
    expect(east.offset).not.toBe(west.offset);
    expect(east.geometry).toEqual(west.geometry);
    expect(london.geometry).toEqual(west.geometry);
    expect([east.range, west.range]).toEqual([london.range, london.range]);
    expect([east.day, west.day, london.day]).toEqual(['12 March 2026', '12 March 2026', '12 March 2026']);
  });
});
