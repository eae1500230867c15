import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { round2 } from './numbers';
import { isoOfUtc, sessionDates, thinTicks, tickLabels, timeDomain, utcDay } from './chart-time-axis';

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

/** Where calendar days fall across a plot: the same for a chart's points and anything marked on it later. */
export function dateScale(plot: TrendChartGeometry['plot'], domain: { from: Date; to: Date }) {
  // Inset from both axes, so a session on the range's first or last day is not drawn on an axis line.
  const inset = Math.min(12, plot.width / 8);
  return scaleUtc().domain([domain.from, domain.to]).range([plot.x + inset, plot.x + plot.width - inset]);
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
  const x = dateScale(plot, domain);
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
