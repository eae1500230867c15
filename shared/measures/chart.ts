import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { format, parseISO, subMonths } from 'date-fns';
import { round2 } from './numbers';

/**
 * Chart geometry computed once, as numbers and SVG path strings, so the renderer's SVG and the PDF
 * generator draw the same picture. Calendar days are placed at UTC midnight and ticks are UTC days,
 * so the geometry is identical in every time zone.
 */

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ChartPointInput {
  date: string;
  value: number | null;
  sessionId: string;
  noteId: string | null;
  rupture: boolean;
  /** When a result entered after its note was signed (a late entry) was entered; absent or null otherwise. */
  lateEntry?: string | null;
}

export interface ChartSeriesInput<Point extends ChartPointInput = ChartPointInput> {
  key: string;
  label: string;
  points: readonly Point[];
}

export interface ChartBand {
  from: number;
  to: number;
  label: string;
  severity: number;
}

export interface TrendChartInput {
  width: number;
  height: number;
  margin: Margin;
  /** Inclusive calendar days; points outside are left out. */
  from: string;
  to: string;
  yDomain: readonly [number, number];
  series: readonly ChartSeriesInput[];
  cutoff: number | null;
  bands: readonly ChartBand[];
  /** Shifts everything down, to stack charts in one drawing (see stackedTrendCharts). */
  offsetY?: number;
  xTickCount?: number;
  yTickCount?: number;
}

export interface ChartPoint extends ChartPointInput {
  lateEntry: string | null;
  x: number;
  /** null where the value is missing: no marker, but a rupture can still be marked at x. */
  y: number | null;
}

export interface TrendChartGeometry {
  plot: { x: number; y: number; width: number; height: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  lines: { key: string; label: string; path: string; points: ChartPoint[] }[];
  cutoffY: number | null;
  bandRects: { y: number; height: number; label: string; severity: number }[];
}


/** 'YYYY-MM-DD' → that day's UTC midnight. */
export function utcDay(isoDate: string): Date {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

// date-fns formats in local time, so a UTC day is rebuilt as the same local calendar day first.
const formatUtcDay = (date: Date, pattern: string): string =>
  format(new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()), pattern);

/** Month ticks read "Mar 2026"; finer ticks read "12 Mar". */
function tickLabels(ticks: readonly Date[]): string[] {
  const monthly = ticks.every((tick) => tick.getUTCDate() === 1);
  return ticks.map((tick) => formatUtcDay(tick, monthly ? 'MMM yyyy' : 'd MMM'));
}

export function trendChartGeometry(input: TrendChartInput): TrendChartGeometry {
  const { margin } = input;
  const plot = {
    x: margin.left,
    y: (input.offsetY ?? 0) + margin.top,
    width: Math.max(0, input.width - margin.left - margin.right),
    height: Math.max(0, input.height - margin.top - margin.bottom),
  };
  const x = scaleUtc().domain([utcDay(input.from), utcDay(input.to)]).range([plot.x, plot.x + plot.width]);
  const y = scaleLinear().domain([input.yDomain[0], input.yDomain[1]]).range([plot.y + plot.height, plot.y]);

  const xTickDates = x.ticks(input.xTickCount ?? Math.max(2, Math.floor(plot.width / 90)));
  const labels = tickLabels(xTickDates);
  const xTicks = xTickDates.map((tick, i) => ({ x: round2(x(tick)), label: labels[i] ?? '' }));
  const yTicks = y.ticks(input.yTickCount ?? Math.max(2, Math.floor(plot.height / 40))).map((tick) => ({ y: round2(y(tick)), label: String(tick) }));

  // Series share their sessions' dates, and each point is placed twice (path and marker): one parse per date.
  const xByDate = new Map<string, number>();
  const xOf = (date: string): number => {
    let at = xByDate.get(date);
    if (at === undefined) {
      at = x(utcDay(date));
      xByDate.set(date, at);
    }
    return at;
  };

  const path = line<ChartPointInput>()
    .defined((point) => point.value !== null)
    .x((point) => xOf(point.date))
    .y((point) => y(point.value ?? 0))
    .digits(2);

  const lines = input.series.map((series) => {
    const inRange = series.points.filter((point) => point.date >= input.from && point.date <= input.to);
    return {
      key: series.key,
      label: series.label,
      path: path(inRange) ?? '',
      // Fields named, not spread: V8's object spread here cost ~25 times as much and left garbage that
      // made the chart's slowest renders several times its typical one (bench: client chart series).
      points: inRange.map(
        (point): ChartPoint => ({
          date: point.date,
          value: point.value,
          sessionId: point.sessionId,
          noteId: point.noteId,
          rupture: point.rupture,
          lateEntry: point.lateEntry ?? null,
          x: round2(xOf(point.date)),
          y: point.value === null ? null : round2(y(point.value)),
        }),
      ),
    };
  });

  return {
    plot,
    xTicks,
    yTicks,
    lines,
    cutoffY: input.cutoff === null ? null : round2(y(input.cutoff)),
    bandRects: bandRects(input.bands, input.yDomain, y),
  };
}

/**
 * Bands are written with inclusive whole-score ends (PHQ-9 5–9, 10–14); drawn, each runs up to where
 * the next begins, so the rectangles tile the plot with no hairline gaps and a boundary sits exactly
 * where a cutoff line would.
 */
function bandRects(bands: readonly ChartBand[], domain: readonly [number, number], y: (value: number) => number): TrendChartGeometry['bandRects'] {
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  const [low, high] = [Math.min(domain[0], domain[1]), Math.max(domain[0], domain[1])];
  return sorted.flatMap((band, i) => {
    const next = sorted[i + 1];
    const from = Math.max(band.from, low);
    const to = Math.min(next ? next.from : band.to, high);
    if (to <= from) return [];
    const top = y(to);
    return [{ y: round2(top), height: round2(y(from) - top), label: band.label, severity: band.severity }];
  });
}

export type DateRangeChoice = '3m' | '6m' | '12m' | 'all';

const MONTHS: Record<Exclude<DateRangeChoice, 'all'>, number> = { '3m': 3, '6m': 6, '12m': 12 };
const shiftMonths = (isoDate: string, months: number): string => format(subMonths(parseISO(isoDate), months), 'yyyy-MM-dd');

/**
 * The x domain for a range choice, ending today. 'all' starts at the first result, but spans at least
 * a month so a single early result isn't drawn on a zero-width axis.
 */
export function dateRangeFor(range: DateRangeChoice, today: string, firstDate: string | null): { from: string; to: string } {
  if (range !== 'all') return { from: shiftMonths(today, MONTHS[range]), to: today };
  const oneMonthBack = shiftMonths(today, 1);
  const from = firstDate !== null && firstDate < oneMonthBack ? firstDate : oneMonthBack;
  return { from, to: today };
}

export type ChartPanelInput = Pick<TrendChartInput, 'yDomain' | 'series' | 'cutoff' | 'bands' | 'yTickCount'> & { height: number };

/**
 * Alliance above, outcome below, in one drawing: same width, margins and date domain, so a session sits
 * at the same x in both and the eye can run down from an alliance dip to the outcome that followed.
 */
export function stackedTrendCharts(input: {
  width: number;
  margin: Margin;
  from: string;
  to: string;
  /** Space between the alliance chart's bottom margin and the outcome chart's top margin. */
  gap: number;
  xTickCount?: number;
  alliance: ChartPanelInput;
  outcome: ChartPanelInput | null;
}): { width: number; height: number; alliance: TrendChartGeometry; outcome: TrendChartGeometry | null } {
  const shared = { width: input.width, margin: input.margin, from: input.from, to: input.to, xTickCount: input.xTickCount };
  const alliance = trendChartGeometry({ ...shared, ...input.alliance });
  if (!input.outcome) return { width: input.width, height: input.alliance.height, alliance, outcome: null };
  const offsetY = input.alliance.height + input.gap;
  const outcome = trendChartGeometry({ ...shared, ...input.outcome, offsetY });
  return { width: input.width, height: offsetY + input.outcome.height, alliance, outcome };
}

/**
 * A small trend line for the dashboard: values evenly spaced left to right (sessions, not dates),
 * blanks as gaps, y on the measure's own domain so sparklines of one measure compare.
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number, domain: readonly [number, number]): string {
  const y = scaleLinear().domain([domain[0], domain[1]]).range([height, 0]);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const xAt = (i: number) => (values.length > 1 ? i * step : width / 2);
  return (
    line<number | null>()
      .defined((value) => value !== null)
      .x((_, i) => xAt(i))
      .y((value) => y(value ?? 0))
      .digits(2)(values) ?? ''
  );
}
