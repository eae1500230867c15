import { dateScale, type TrendChartGeometry } from './chart';
import { utcDay } from './chart-time-axis';
import { round2 } from './numbers';

/**
 * Vertical marks at dates on a chart drawn already (a medication started, changed or stopped), placed
 * by the chart's own date scale so they line up with its sessions. Marks on one day share one line.
 */
export interface ChartMarkInput {
  date: string;
  text: string;
}

export interface ChartMarkColumn {
  x: number;
  date: string;
  /** Every mark of that day, in the order given. */
  texts: string[];
}

/** The marks within the chart's date domain, one column per day, left to right. */
export function markColumns(geometry: Pick<TrendChartGeometry, 'plot' | 'xDomain'>, marks: readonly ChartMarkInput[]): ChartMarkColumn[] {
  const { from, to } = geometry.xDomain;
  const x = dateScale(geometry.plot, { from: utcDay(from), to: utcDay(to) });
  const byDate = new Map<string, ChartMarkColumn>();
  for (const mark of marks) {
    if (mark.date < from || mark.date > to) continue;
    const column = byDate.get(mark.date);
    if (column) column.texts.push(mark.text);
    else byDate.set(mark.date, { x: round2(x(utcDay(mark.date))), date: mark.date, texts: [mark.text] });
  }
  return [...byDate.values()].sort((a, b) => a.x - b.x);
}
