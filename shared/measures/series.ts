import { countsInSignal } from '../measure-records';
import type { ChartBand, ChartPointInput, ChartSeriesInput } from './chart';
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
  createdAt: string;
  lateEntry: boolean;
  struckOut: { reason: string } | null;
  sessionVoided: boolean;
}

/** A result kept in the record but left out of charts: struck out with its reason, or of a voided session. */
export interface SetAsidePoint extends ChartPointInput {
  struckOut: string | null;
  sessionVoided: boolean;
}

type Companion = { definition: MeasureDefinition; results: readonly ResultForChart[] };

const pointOf = (result: ResultForChart, value: number | null): ChartPointInput => ({
  date: result.takenOn,
  value,
  sessionId: result.sessionId ?? result.id,
  noteId: result.noteId,
  rupture: result.ruptureNoted,
  lateEntry: result.lateEntry ? result.createdAt : null,
});

/** The lines of a measure over the given results, each point made by `point`. */
function linesOf<Point extends ChartPointInput>(
  definition: MeasureDefinition,
  results: readonly ResultForChart[],
  companion: Companion | undefined,
  point: (result: ResultForChart, value: number | null) => Point,
): ChartSeriesInput<Point>[] {
  const own = results.filter((result) => result.measureId === definition.id);
  const series: ChartSeriesInput<Point>[] = definition.subscales.map((subscale) => ({
    key: subscale.key,
    label: subscale.label,
    points: own.map((result) => point(result, result.subscales[subscale.key] ?? null)),
  }));
  series.push({ key: 'total', label: `Total (${definition.shortName})`, points: own.map((result) => point(result, result.total)) });
  const other = companion?.results.filter((result) => result.measureId === companion.definition.id) ?? [];
  if (companion && other.length > 0) {
    series.push({ key: 'companion-total', label: `Total (${companion.definition.shortName})`, points: other.map((result) => point(result, result.total)) });
  }
  return series;
}

/**
 * The lines of one measure's chart, as the app and the PDF draw them: each subscale (Goals, Tasks, Bond
 * for the Session Alliance Check) and the total, all on the measure's own scale; then the total of a
 * companion measure (the other rater's view) when there are results for it. Struck-out results and
 * those of voided sessions are left out here, once, so every chart agrees (see countsInSignal).
 */
export function measureSeries(definition: MeasureDefinition, results: readonly ResultForChart[], companion?: Companion): ChartSeriesInput[] {
  const counted = results.filter(countsInSignal);
  return linesOf(definition, counted, companion && { definition: companion.definition, results: companion.results.filter(countsInSignal) }, pointOf);
}

/**
 * The results measureSeries leaves out, on the same lines, for the table that shows them struck
 * through: the record keeps them, and so does what the practitioner reads.
 */
export function setAsideSeries(definition: MeasureDefinition, results: readonly ResultForChart[], companion?: Companion): ChartSeriesInput<SetAsidePoint>[] {
  const leftOut = (list: readonly ResultForChart[]) => list.filter((result) => !countsInSignal(result));
  const point = (result: ResultForChart, value: number | null): SetAsidePoint => ({
    ...pointOf(result, value),
    struckOut: result.struckOut?.reason ?? null,
    sessionVoided: result.sessionVoided,
  });
  return linesOf(definition, leftOut(results), companion && { definition: companion.definition, results: leftOut(companion.results) }, point).filter(
    (line) => line.points.length > 0,
  );
}

/** The y axis of a measure: its whole possible range, so a chart never exaggerates a small change. */
export const measureDomain = (definition: MeasureDefinition): readonly [number, number] => [definition.range.min, definition.range.max];

export const measureBands = (definition: MeasureDefinition): ChartBand[] => definition.bands.map((band) => ({ ...band }));

/** Alliance measures chart with their other-rater twin (client-rated beside clinician-rated). */
export const COMPANION_MEASURES: Readonly<Record<string, string>> = { 'sac-client': 'sac-clinician', 'sac-clinician': 'sac-client' };
