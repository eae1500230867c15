import type { ChartBand, ChartSeriesInput } from './chart';
import type { MeasureDefinition } from './definition';

/** What a chart needs of a stored result (the contract's MeasureResult has all of it). */
export interface ResultForChart {
  id: string;
  measureId: string;
  takenOn: string;
  total: number | null;
  subscales: Record<string, number | null>;
  sessionId: string | null;
  noteId: string | null;
  ruptureNoted: boolean;
}

const pointsOf = (results: readonly ResultForChart[], value: (result: ResultForChart) => number | null) =>
  results.map((result) => ({
    date: result.takenOn,
    value: value(result),
    sessionId: result.sessionId ?? result.id,
    noteId: result.noteId,
    rupture: result.ruptureNoted,
  }));

/**
 * The lines of one measure's chart, as the app and the PDF draw them: each subscale (Goals, Tasks, Bond
 * for the Session Alliance Check) and the total, all on the measure's own scale; then the total of a
 * companion measure (the other rater's view) when there are results for it.
 */
export function measureSeries(
  definition: MeasureDefinition,
  results: readonly ResultForChart[],
  companion?: { definition: MeasureDefinition; results: readonly ResultForChart[] },
): ChartSeriesInput[] {
  const own = results.filter((result) => result.measureId === definition.id);
  const series: ChartSeriesInput[] = definition.subscales.map((subscale) => ({
    key: subscale.key,
    label: subscale.label,
    points: pointsOf(own, (result) => result.subscales[subscale.key] ?? null),
  }));
  series.push({ key: 'total', label: `Total (${definition.shortName})`, points: pointsOf(own, (result) => result.total) });
  const other = companion?.results.filter((result) => result.measureId === companion.definition.id) ?? [];
  if (companion && other.length > 0) {
    series.push({ key: 'companion-total', label: `Total (${companion.definition.shortName})`, points: pointsOf(other, (result) => result.total) });
  }
  return series;
}

/** The y axis of a measure: its whole possible range, so a chart never exaggerates a small change. */
export const measureDomain = (definition: MeasureDefinition): readonly [number, number] => [definition.range.min, definition.range.max];

export const measureBands = (definition: MeasureDefinition): ChartBand[] => definition.bands.map((band) => ({ ...band }));

/** Alliance measures chart with their other-rater twin (client-rated beside clinician-rated). */
export const COMPANION_MEASURES: Readonly<Record<string, string>> = { 'sac-client': 'sac-clinician', 'sac-clinician': 'sac-client' };
