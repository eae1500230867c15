import { sessionDates } from './chart-time-axis';
import { trendChartGeometry, type Margin, type TrendChartGeometry, type TrendChartInput } from './chart';

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
