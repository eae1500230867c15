import { countsInSignal } from '../measure-records';
import type { ChartBand, ChartPointInput, ChartSeriesInput } from './chart';
import type { ChartPanelInput } from './chart-stack';
import { computedRange, type MeasureDefinition } from './definition';

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

/**
 * A measure and its rater as a legend names them: "SAC client-rated", "ORS client-rated". Short names
 * that already end in the rater ("SAC client") are not made to say it twice.
 */
export function ratedBy(definition: Pick<MeasureDefinition, 'shortName' | 'rater'>): string {
  const base = definition.shortName.replace(new RegExp(`[\\s(]*${definition.rater}[)]?$`, 'i'), '').trim() || definition.shortName;
  return `${base} ${definition.rater}-rated`;
}

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
    label: `${subscale.label}, ${ratedBy(definition)}`,
    points: own.map((result) => point(result, result.subscales[subscale.key] ?? null)),
  }));
  series.push({ key: 'total', label: `Total, ${ratedBy(definition)}`, points: own.map((result) => point(result, result.total)) });
  const other = companion?.results.filter((result) => result.measureId === companion.definition.id) ?? [];
  if (companion && other.length > 0) {
    series.push({ key: 'companion-total', label: `Total, ${ratedBy(companion.definition)}`, points: other.map((result) => point(result, result.total)) });
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

/**
 * The y axis of a measure's subscales: from the lowest any subscale can score to the highest (SAC
 * Goals, Tasks, Bond 0–10; WAI-SR Task, Bond, Goal 4–20), never the total's range. Null without subscales.
 */
export function subscaleDomain(definition: MeasureDefinition): readonly [number, number] | null {
  const byKey = new Map(definition.items.map((item) => [item.key, item]));
  const ranges = definition.subscales.map((subscale) =>
    computedRange(
      subscale.items.flatMap((key) => byKey.get(key) ?? []),
      subscale.method,
    ),
  );
  if (ranges.length === 0) return null;
  return [Math.min(...ranges.map((range) => range.min)), Math.max(...ranges.map((range) => range.max))];
}

export type MeasurePanel = Omit<ChartPanelInput, 'height'> & { key: 'total' | 'subscales'; title: string; yTitle: string };

/**
 * A measure's chart as panels on their true axes: the total (with the other rater's total) on the
 * total's range, with the bands and cutoff that describe the total; below it, when the measure has
 * subscales, the subscales on their own range with no bands or cutoff, which describe only the total.
 */
export function measurePanels(definition: MeasureDefinition, series: readonly ChartSeriesInput[]): MeasurePanel[] {
  const totals = series.filter((line) => line.key === 'total' || line.key === 'companion-total');
  const [low, high] = measureDomain(definition);
  const panels: MeasurePanel[] = [
    {
      key: 'total',
      title: `${definition.name}: total`,
      yTitle: `Total (${low}–${high})`,
      yDomain: [low, high],
      series: totals,
      cutoff: definition.cutoff?.value ?? null,
      bands: measureBands(definition),
    },
  ];
  const domain = subscaleDomain(definition);
  const subscales = series.filter((line) => !totals.includes(line));
  if (domain && subscales.length > 0) {
    panels.push({
      key: 'subscales',
      title: `${definition.name}: ${definition.subscales.map((subscale) => subscale.label).join(', ')}`,
      yTitle: `Subscale (${domain[0]}–${domain[1]})`,
      yDomain: domain,
      series: subscales,
      cutoff: null,
      bands: [],
    });
  }
  return panels;
}

/** In the PDF a measure with fewer results than this is written as numbers: a line of one or two dots says nothing a sentence cannot. */
export const MIN_RESULTS_FOR_PDF_CHART = 3;

/** Alliance measures chart with their other-rater twin (client-rated beside clinician-rated). */
export const COMPANION_MEASURES: Readonly<Record<string, string>> = { 'sac-client': 'sac-clinician', 'sac-clinician': 'sac-client' };

/**
 * The measure of a kind most recently recorded for the client (latest session date, then latest
 * entered), counting only results that count: what the practitioner most likely wants to see first.
 */
export function latestMeasureOfKind(
  results: readonly ResultForChart[],
  measures: readonly Pick<MeasureDefinition, 'id' | 'kind'>[],
  kind: MeasureDefinition['kind'],
): string | null {
  const ids = new Set(measures.filter((measure) => measure.kind === kind).map((measure) => measure.id));
  let latest: ResultForChart | null = null;
  for (const result of results) {
    if (!ids.has(result.measureId) || !countsInSignal(result)) continue;
    if (!latest || result.takenOn > latest.takenOn || (result.takenOn === latest.takenOn && result.createdAt >= latest.createdAt)) latest = result;
  }
  return latest?.measureId ?? null;
}
