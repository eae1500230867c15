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
  /** Shifts everything down, to stack charts in one drawing (see stackedPanels). */
  offsetY?: number;
  /** At most this many x ticks; by default as many as fit. */
  xTickCount?: number;
  yTickCount?: number;
  /**
   * The session dates the x axis ticks on, shared by stacked panels so they tick alike; by default the
   * dates of this chart's own points.
   */
  tickDates?: readonly string[];
  /** The least room between two x tick labels, in the drawing's units. */
  minTickGap?: number;
  /** Named for readers (the panel's title and its y axis); carried through to the geometry untouched. */
  title?: string;
  yTitle?: string;
}

export interface ChartPoint extends ChartPointInput {
  lateEntry: string | null;
  x: number;
  /** null where the value is missing: no marker, but a rupture can still be marked at x. */
  y: number | null;
}

export interface TrendChartGeometry {
  title: string;
  yTitle: string;
  plot: { x: number; y: number; width: number; height: number };
  /** The calendar days at the plot's left and right edges (wider than the range around a single date). */
  xDomain: { from: string; to: string };
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

const isoOfUtc = (date: Date): string => date.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;
/** Around a single session the axis spans two weeks each side, so its marker sits mid-plot. */
const SINGLE_DATE_HALF_SPAN_DAYS = 14;

/** The session dates a chart ticks on: its points' dates within the range, each once, in order. */
export function sessionDates(series: readonly ChartSeriesInput[], from: string, to: string): string[] {
  const dates = new Set<string>();
  for (const line of series) for (const point of line.points) if (point.date >= from && point.date <= to) dates.add(point.date);
  return [...dates].sort();
}

/**
 * The x domain. One session date (or a zero-width range) would put its marker on the y axis, or the
 * whole axis on one day: the domain then centres on that date instead.
 */
export function timeDomain(from: string, to: string, dates: readonly string[]): { from: Date; to: Date } {
  const only = dates.length === 1 ? dates[0] : from === to ? from : undefined;
  if (only !== undefined) {
    const centre = utcDay(only).getTime();
    return { from: new Date(centre - SINGLE_DATE_HALF_SPAN_DAYS * DAY_MS), to: new Date(centre + SINGLE_DATE_HALF_SPAN_DAYS * DAY_MS) };
  }
  return { from: utcDay(from), to: utcDay(to) };
}

/**
 * Ticks on session dates, thinned evenly by session (first and last kept) to the most that leave `gap`
 * between neighbours, so labels never overlap, even where sessions cluster.
 */
function thinTicks(dates: readonly string[], xOf: (date: string) => number, max: number, gap: number): string[] {
  const n = dates.length;
  const evenly = (count: number): string[] =>
    count >= n ? [...dates] : [...new Set(Array.from({ length: count }, (_, i) => dates[Math.round((i * (n - 1)) / Math.max(1, count - 1))] ?? ''))];
  const roomy = (ticks: readonly string[]) => ticks.every((date, i) => i === 0 || xOf(date) - xOf(ticks[i - 1] ?? date) >= gap);
  for (let count = Math.min(n, max); count > 1; count -= 1) {
    const ticks = evenly(count);
    if (roomy(ticks)) return ticks;
  }
  return dates.slice(0, 1);
}

/** "30 Nov"; the year is added where it changes when the ticks span more than one. */
function tickLabels(dates: readonly string[]): string[] {
  const years = new Set(dates.map((date) => date.slice(0, 4)));
  return dates.map((date, i) => {
    const withYear = years.size > 1 && (i === 0 || dates[i - 1]?.slice(0, 4) !== date.slice(0, 4));
    return formatUtcDay(utcDay(date), withYear ? 'd MMM yyyy' : 'd MMM');
  });
}

export function trendChartGeometry(input: TrendChartInput): TrendChartGeometry {
  const { margin } = input;
  const plot = {
    x: margin.left,
    y: (input.offsetY ?? 0) + margin.top,
    width: Math.max(0, input.width - margin.left - margin.right),
    height: Math.max(0, input.height - margin.top - margin.bottom),
  };
  const dates = input.tickDates ? [...input.tickDates] : sessionDates(input.series, input.from, input.to);
  const domain = timeDomain(input.from, input.to, dates);
  // Inset from both axes, so a session on the range's first or last day is not drawn on an axis line.
  const inset = Math.min(12, plot.width / 8);
  const x = scaleUtc().domain([domain.from, domain.to]).range([plot.x + inset, plot.x + plot.width - inset]);
  const y = scaleLinear().domain([input.yDomain[0], input.yDomain[1]]).range([plot.y + plot.height, plot.y]);

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

  const gap = input.minTickGap ?? 44;
  const tickDates = thinTicks(dates, xOf, input.xTickCount ?? Math.max(2, Math.floor(plot.width / gap)), gap);
  const labels = tickLabels(tickDates);
  const xTicks = tickDates.map((date, i) => ({ x: round2(xOf(date)), label: labels[i] ?? '' }));
  const yTicks = y.ticks(input.yTickCount ?? Math.max(2, Math.floor(plot.height / 40))).map((tick) => ({ y: round2(y(tick)), label: String(tick) }));

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
    title: input.title ?? '',
    yTitle: input.yTitle ?? '',
    plot,
    xDomain: { from: isoOfUtc(domain.from), to: isoOfUtc(domain.to) },
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

export type ChartPanelInput = Pick<TrendChartInput, 'yDomain' | 'series' | 'cutoff' | 'bands' | 'yTickCount' | 'title' | 'yTitle'> & { height: number };

interface StackInput {
  width: number;
  margin: Margin;
  from: string;
  to: string;
  /** Space between one panel's bottom margin and the next one's top margin. */
  gap: number;
  xTickCount?: number;
  minTickGap?: number;
  /** The dates every panel ticks on; by default those of all the panels' points. */
  tickDates?: readonly string[];
}

/**
 * Panels one above the other in one drawing: same width, margins, date domain and ticks, so a session
 * sits at the same x in each and the eye can run down from a total to its subscales, or from an
 * alliance dip to the outcome that followed. Each panel has its own y scale, bands and cutoff.
 */
export function stackedPanels(input: StackInput & { panels: readonly ChartPanelInput[] }): { width: number; height: number; panels: TrendChartGeometry[] } {
  const tickDates = input.tickDates ?? sessionDates(input.panels.flatMap((panel) => panel.series), input.from, input.to);
  const shared = { width: input.width, margin: input.margin, from: input.from, to: input.to, xTickCount: input.xTickCount, minTickGap: input.minTickGap, tickDates };
  let offsetY = 0;
  const panels = input.panels.map((panel, i) => {
    if (i > 0) offsetY += input.gap;
    const geometry = trendChartGeometry({ ...shared, ...panel, offsetY });
    offsetY += panel.height;
    return geometry;
  });
  return { width: input.width, height: offsetY, panels };
}

/** Alliance above, outcome below (the bench's picture of one client's charts). */
export function stackedTrendCharts(input: StackInput & { alliance: ChartPanelInput; outcome: ChartPanelInput | null }): {
  width: number;
  height: number;
  alliance: TrendChartGeometry;
  outcome: TrendChartGeometry | null;
} {
  const stack = stackedPanels({ ...input, panels: input.outcome ? [input.alliance, input.outcome] : [input.alliance] });
  const [alliance, outcome] = stack.panels;
  if (!alliance) throw new Error('stackedPanels returned no panel');
  return { width: stack.width, height: stack.height, alliance, outcome: outcome ?? null };
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
