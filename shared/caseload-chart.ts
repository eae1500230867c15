import { scaleBand, scaleLinear } from 'd3-scale';
import type { CaseloadMeasure, ChangeClass } from './caseload';

/**
 * The caseload view's bar chart, as geometry: per outcome measure a group of four bars, the share of
 * its measured clients who reliably improved, recovered, stayed unchanged or deteriorated. Recovered
 * clients are improved too, so the bars are side by side, never stacked. Pure, like the trend charts.
 */

/** The order the bars, the legend and the table read in. */
export const CHANGE_ORDER: readonly ChangeClass[] = ['improved', 'recovered', 'unchanged', 'deteriorated'];

export const CHANGE_LABELS: Record<ChangeClass, string> = {
  improved: 'Reliably improved',
  recovered: 'Recovered',
  unchanged: 'No reliable change',
  deteriorated: 'Deteriorated',
};

export interface OutcomeBar {
  measureId: string;
  change: ChangeClass;
  count: number;
  /** Of the measure's measured clients, 0 to 1. */
  share: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OutcomeChartGeometry {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  groups: { measureId: string; name: string; clients: number; x: number; width: number }[];
  bars: OutcomeBar[];
  /** Gridlines at 0, 25, 50, 75 and 100 %. */
  ticks: { share: number; y: number }[];
}

export interface OutcomeChartSize {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export function outcomeChart(measures: readonly CaseloadMeasure[], { width, height, margin }: OutcomeChartSize): OutcomeChartGeometry {
  const plot = { x: margin.left, y: margin.top, width: Math.max(0, width - margin.left - margin.right), height: Math.max(0, height - margin.top - margin.bottom) };
  const outer = scaleBand<string>()
    .domain(measures.map((measure) => measure.measureId))
    .range([plot.x, plot.x + plot.width])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const inner = scaleBand<ChangeClass>().domain(CHANGE_ORDER).range([0, outer.bandwidth()]).padding(0.12);
  const y = scaleLinear().domain([0, 1]).range([plot.y + plot.height, plot.y]);
  const bars: OutcomeBar[] = [];
  for (const measure of measures) {
    const left = outer(measure.measureId) ?? plot.x;
    for (const change of CHANGE_ORDER) {
      const count = measure[change].length;
      const share = measure.clients.length === 0 ? 0 : count / measure.clients.length;
      const top = y(share);
      bars.push({ measureId: measure.measureId, change, count, share, x: left + (inner(change) ?? 0), y: top, width: inner.bandwidth(), height: plot.y + plot.height - top });
    }
  }
  return {
    width,
    height,
    plot,
    groups: measures.map((measure) => ({ measureId: measure.measureId, name: measure.name, clients: measure.clients.length, x: outer(measure.measureId) ?? plot.x, width: outer.bandwidth() })),
    bars,
    ticks: [0, 0.25, 0.5, 0.75, 1].map((share) => ({ share, y: y(share) })),
  };
}

/** "42%": shares are shown rounded to whole percent; the counts beside them are exact. */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** What the chart shows, in words, for its accessible name. */
export function outcomeChartDescription(measures: readonly CaseloadMeasure[]): string {
  return measures
    .map((measure) => {
      const n = measure.clients.length;
      const parts = CHANGE_ORDER.map((change) => `${CHANGE_LABELS[change].toLowerCase()} ${measure[change].length} (${percent(n === 0 ? 0 : measure[change].length / n)})`);
      return `${measure.name}, ${n} ${n === 1 ? 'client' : 'clients'}: ${parts.join(', ')}`;
    })
    .join('. ');
}
