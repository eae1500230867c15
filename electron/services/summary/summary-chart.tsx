import { Circle, G, Line, Path, Svg, Text, View, Rect } from '@react-pdf/renderer';
import { format, parseISO } from 'date-fns';
import { MIN_RESULTS_FOR_PDF_CHART, measurePanels, measureSeries, type MeasurePanel } from '../../../shared/measures/series';
import type { TrendChartGeometry } from '../../../shared/measures/chart';
import { stackedPanels } from '../../../shared/measures/chart-stack';
import { markerPath, seriesStyles, styleKey, type SeriesStyle } from '../../../shared/measures/chart-style';
import type { MeasureResult } from '../../../shared/measure-records';
import type { ChartedMeasure } from './summary-data';
import { styles } from './summary-styles';

/**
 * One measure's trend as vector graphics, from the same series, panels and scales the app's charts use
 * (shared/measures): the total on its own range with its bands and cutoff, the subscales below on
 * theirs, every line in its own colour, dash and marker, ticks on session dates. A measure with fewer
 * than three results is written as numbers instead.
 */
const PALETTE = ['#212529', '#e8590c', '#1971c2', '#9c36b5', '#099268', '#c2255c', '#0c8599', '#66a80f'];
const BAND_COLORS = ['#e6fcf5', '#f4fce3', '#fff9db', '#fff4e6', '#fff5f5'];
const CUTOFF_COLOR = '#c92a2a';
const AXIS_COLOR = '#868e96';
const PANEL_HEIGHT: Record<MeasurePanel['key'], number> = { total: 132, subscales: 96 };
// Room above each panel for its title, left for the rotated y axis title, below for the date ticks.
const MARGIN = { top: 14, right: 14, bottom: 20, left: 40 };

export const colorOf = (style: SeriesStyle) => PALETTE[style.color % PALETTE.length] ?? '#000000';
export const strokeOf = (style: SeriesStyle) => (style.width === 'heavy' ? 1.6 : 1.1);
export const shortDay = (date: string) => format(parseISO(date), 'd MMM yyyy');

export function PdfMarker({ style, x, y, r = 1.9 }: { style: SeriesStyle; x: number; y: number; r?: number }) {
  if (style.marker === 'circle') return <Circle cx={x} cy={y} r={r} fill={colorOf(style)} />;
  return <Path d={markerPath(style.marker, x, y, r)} fill={colorOf(style)} />;
}

/** "GAD-7: 12 on 30 Nov 2026, 9 on 7 Dec 2026", with the subscales of each result in brackets. */
function numbersLine(shortName: string, definition: ChartedMeasure['definition'], results: readonly MeasureResult[]): string {
  const values = results.map((result) => {
    const parts = definition.subscales.map((subscale) => `${subscale.label} ${result.subscales[subscale.key] ?? '–'}`);
    return `${result.total ?? 'incomplete'} on ${shortDay(result.takenOn)}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
  });
  return `${shortName}: ${values.join('; ')}`;
}

/** How many lines a measure's chart draws: the next chart's styles start after them. */
export const chartLineCount = (measure: ChartedMeasure): number => measure.definition.subscales.length + 1 + (measure.companion && measure.companion.results.length > 0 ? 1 : 0);

export function MeasureChart({ measure, width, from, to, styleStart }: { measure: ChartedMeasure; width: number; from: string; to: string; styleStart: number }) {
  const { definition, companion } = measure;
  const most = Math.max(measure.results.length, companion?.results.length ?? 0);
  if (most < MIN_RESULTS_FOR_PDF_CHART) {
    return (
      <View wrap={false} style={styles.numbersBlock}>
        <Text style={styles.chartTitle}>{definition.name}</Text>
        {measure.results.length > 0 && <Text>{numbersLine(definition.shortName, definition, measure.results)}</Text>}
        {companion && companion.results.length > 0 && <Text>{numbersLine(companion.definition.shortName, companion.definition, companion.results)}</Text>}
      </View>
    );
  }
  const panels = measurePanels(definition, measureSeries(definition, measure.results, companion ?? undefined));
  const stack = stackedPanels({
    width,
    margin: MARGIN,
    from,
    to,
    gap: 6,
    minTickGap: 34,
    panels: panels.map((panel) => ({ ...panel, height: PANEL_HEIGHT[panel.key], yTickCount: panel.key === 'total' ? 5 : 3 })),
  });
  const lineStyles = seriesStyles(panels.flatMap((panel) => panel.series.map((line) => ({ panel: panel.key, key: line.key }))), styleStart);
  const drawn = stack.panels.map((geometry, i) => ({ key: panels[i]?.key ?? 'total', geometry }));
  const last = drawn.at(-1)?.geometry.plot;
  const height = stack.height + 12;
  const cutoff = definition.cutoff;
  const ruptures = drawn[0] ? ruptureXs(drawn[0].geometry) : [];
  return (
    <View wrap={false} style={styles.chartBlock}>
      <Svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        {drawn.map(({ key, geometry }) => (
          <PanelDrawing key={key} panelKey={key} geometry={geometry} lineStyles={lineStyles} />
        ))}
        {last && (
          <Text x={last.x + last.width / 2} y={last.y + last.height + 26} style={styles.axisTitle} textAnchor="middle">
            Session date
          </Text>
        )}
        {drawn[0] &&
          ruptures.map((x) => <Circle key={`r${x}`} cx={x} cy={drawn[0]!.geometry.plot.y + 4} r={2.6} fill="none" stroke={CUTOFF_COLOR} strokeWidth={1} />)}
      </Svg>
      <View style={styles.legend}>
        {drawn.flatMap(({ key, geometry }) =>
          geometry.lines.map((line) => {
            const style = lineStyles.get(styleKey(key, line.key));
            if (!style) return null;
            return (
              <View key={`${key}/${line.key}`} style={styles.legendItem}>
                <Svg width={18} height={6} viewBox="0 0 18 6" style={{ marginRight: 3 }}>
                  <Line x1={0} x2={18} y1={3} y2={3} stroke={colorOf(style)} strokeWidth={strokeOf(style)} strokeDasharray={style.dash ?? undefined} />
                  <PdfMarker style={style} x={9} y={3} />
                </Svg>
                <Text style={styles.legendText}>{line.label}</Text>
              </View>
            );
          }),
        )}
        {cutoff && (
          <View style={styles.legendItem}>
            <View style={[styles.legendSwatch, { backgroundColor: CUTOFF_COLOR, height: 1.5 }]} />
            <Text style={styles.legendText}>
              Cutoff {cutoff.value} on the total (concern {cutoff.concernWhen === 'above' ? `at ${cutoff.value} or above` : `below ${cutoff.value}`})
            </Text>
          </View>
        )}
        {ruptures.length > 0 && (
          <View style={styles.legendItem}>
            <Text style={[styles.legendText, { color: CUTOFF_COLOR, marginRight: 3 }]}>○</Text>
            <Text style={styles.legendText}>Rupture noted in session</Text>
          </View>
        )}
      </View>
    </View>
  );
}

/** One panel: its title, its own y axis and title, bands and cutoff where they belong, its lines. */
export function PanelDrawing({ panelKey, geometry, lineStyles }: { panelKey: string; geometry: TrendChartGeometry; lineStyles: ReadonlyMap<string, SeriesStyle> }) {
  const { plot } = geometry;
  const bottom = plot.y + plot.height;
  const middle = plot.y + plot.height / 2;
  return (
    <G>
      <Text x={plot.x} y={plot.y - 4} style={styles.panelTitle}>
        {geometry.title}
      </Text>
      <Text x={9} y={middle} style={styles.axisTitle} textAnchor="middle" transform={`rotate(-90, 9, ${middle})`}>
        {geometry.yTitle}
      </Text>
      {geometry.bandRects.map((band) => (
        <Rect key={band.label} x={plot.x} y={band.y} width={plot.width} height={band.height} fill={BAND_COLORS[band.severity] ?? '#ffffff'} />
      ))}
      {geometry.yTicks.map((tick) => (
        <G key={`y${tick.label}`}>
          <Line x1={plot.x} x2={plot.x + plot.width} y1={tick.y} y2={tick.y} stroke="#dee2e6" strokeWidth={0.5} />
          <Text x={plot.x - 4} y={tick.y + 2.5} style={styles.axisText} textAnchor="end">
            {tick.label}
          </Text>
        </G>
      ))}
      {geometry.xTicks.map((tick) => (
        <G key={`x${tick.x}`}>
          <Line x1={tick.x} x2={tick.x} y1={bottom} y2={bottom + 2.5} stroke={AXIS_COLOR} strokeWidth={0.75} />
          <Text x={tick.x} y={bottom + 10} style={styles.axisText} textAnchor="middle">
            {tick.label}
          </Text>
        </G>
      ))}
      <Line x1={plot.x} x2={plot.x + plot.width} y1={bottom} y2={bottom} stroke={AXIS_COLOR} strokeWidth={0.75} />
      <Line x1={plot.x} x2={plot.x} y1={plot.y} y2={bottom} stroke={AXIS_COLOR} strokeWidth={0.75} />
      {geometry.cutoffY !== null && (
        <Line x1={plot.x} x2={plot.x + plot.width} y1={geometry.cutoffY} y2={geometry.cutoffY} stroke={CUTOFF_COLOR} strokeWidth={1} strokeDasharray="4 3" />
      )}
      {geometry.lines.map((line) => {
        const style = lineStyles.get(styleKey(panelKey, line.key));
        if (!style) return null;
        return (
          <G key={line.key}>
            {line.path !== '' && <Path d={line.path} fill="none" stroke={colorOf(style)} strokeWidth={strokeOf(style)} strokeDasharray={style.dash ?? undefined} />}
            {line.points.map((point) => (point.y === null ? null : <PdfMarker key={`${point.sessionId}${point.date}`} style={style} x={point.x} y={point.y} />))}
          </G>
        );
      })}
    </G>
  );
}

function ruptureXs(geometry: TrendChartGeometry): number[] {
  const xs = new Set<number>();
  for (const line of geometry.lines) for (const point of line.points) if (point.rupture) xs.add(point.x);
  return [...xs];
}
