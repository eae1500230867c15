import { Circle, G, Line, Path, Rect, Svg, Text, View } from '@react-pdf/renderer';
import { measureBands, measureDomain, measureSeries } from '../../../shared/measures/series';
import { trendChartGeometry, type TrendChartGeometry } from '../../../shared/measures/chart';
import type { ChartedMeasure } from './summary-data';
import { styles } from './summary-styles';

/**
 * One measure's trend as vector graphics, from the same series and scales the app's charts use
 * (shared/measures): subscales and total on the measure's whole range, the other rater's total
 * dashed, the severity bands tinted, the cutoff as a red dashed line and ruptures as red rings.
 */
const SERIES_COLORS: Record<string, string> = {
  goals: '#099268',
  tasks: '#1971c2',
  bond: '#9c36b5',
  total: '#343a40',
  'companion-total': '#e8590c',
};
const FALLBACK_COLORS = ['#0c8599', '#3b5bdb', '#c2255c', '#66a80f'];
const BAND_COLORS = ['#e6fcf5', '#f4fce3', '#fff9db', '#fff4e6', '#fff5f5'];
const CUTOFF_COLOR = '#c92a2a';

const colorOf = (key: string, index: number) => SERIES_COLORS[key] ?? FALLBACK_COLORS[index % FALLBACK_COLORS.length] ?? '#000000';
const MARGIN = { top: 8, right: 14, bottom: 22, left: 30 };

export function MeasureChart({ measure, width, height, from, to }: { measure: ChartedMeasure; width: number; height: number; from: string; to: string }) {
  const { definition } = measure;
  const series = measureSeries(definition, measure.results, measure.companion ?? undefined);
  const geometry = trendChartGeometry({
    width,
    height,
    margin: MARGIN,
    from,
    to,
    yDomain: measureDomain(definition),
    series,
    cutoff: definition.cutoff?.value ?? null,
    bands: measureBands(definition),
    xTickCount: Math.max(2, Math.floor(width / 80)),
    yTickCount: Math.max(2, Math.floor(height / 30)),
  });
  const ruptures = ruptureXs(geometry);
  const cutoff = definition.cutoff;
  const count = measure.results.length;
  return (
    <View wrap={false} style={styles.chartBlock}>
      <Text style={styles.chartTitle}>
        {definition.name}, {count === 1 ? '1 result' : `${count} results`}
        {measure.companion ? `, with ${measure.companion.definition.shortName} (${measure.companion.results.length})` : ''}
      </Text>
      <Svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        {geometry.bandRects.map((band) => (
          <Rect key={band.label} x={geometry.plot.x} y={band.y} width={geometry.plot.width} height={band.height} fill={BAND_COLORS[band.severity] ?? '#ffffff'} />
        ))}
        {geometry.yTicks.map((tick) => (
          <G key={`y${tick.label}`}>
            <Line x1={geometry.plot.x} x2={geometry.plot.x + geometry.plot.width} y1={tick.y} y2={tick.y} stroke="#dee2e6" strokeWidth={0.5} />
            <Text x={geometry.plot.x - 4} y={tick.y + 2.5} style={styles.axisText} textAnchor="end">
              {tick.label}
            </Text>
          </G>
        ))}
        {geometry.xTicks.map((tick) => (
          <Text key={`x${tick.x}`} x={tick.x} y={geometry.plot.y + geometry.plot.height + 12} style={styles.axisText} textAnchor="middle">
            {tick.label}
          </Text>
        ))}
        <Line
          x1={geometry.plot.x}
          x2={geometry.plot.x + geometry.plot.width}
          y1={geometry.plot.y + geometry.plot.height}
          y2={geometry.plot.y + geometry.plot.height}
          stroke="#868e96"
          strokeWidth={0.75}
        />
        <Line x1={geometry.plot.x} x2={geometry.plot.x} y1={geometry.plot.y} y2={geometry.plot.y + geometry.plot.height} stroke="#868e96" strokeWidth={0.75} />
        {geometry.cutoffY !== null && (
          <Line
            x1={geometry.plot.x}
            x2={geometry.plot.x + geometry.plot.width}
            y1={geometry.cutoffY}
            y2={geometry.cutoffY}
            stroke={CUTOFF_COLOR}
            strokeWidth={1}
            strokeDasharray="4 3"
          />
        )}
        {geometry.lines.map((line, index) => (
          <G key={line.key}>
            {line.path !== '' && (
              <Path d={line.path} fill="none" stroke={colorOf(line.key, index)} strokeWidth={line.key === 'total' ? 1.6 : 1.1} strokeDasharray={line.key === 'companion-total' ? '3 2' : undefined} />
            )}
            {line.points.map((point) =>
              point.y === null ? null : <Circle key={`${point.sessionId}${point.date}`} cx={point.x} cy={point.y} r={1.6} fill={colorOf(line.key, index)} />,
            )}
          </G>
        ))}
        {ruptures.map((x) => (
          <Circle key={`r${x}`} cx={x} cy={geometry.plot.y + 4} r={2.6} fill="none" stroke={CUTOFF_COLOR} strokeWidth={1} />
        ))}
      </Svg>
      <View style={styles.legend}>
        {geometry.lines.map((line, index) => (
          <View key={line.key} style={styles.legendItem}>
            <View style={[styles.legendSwatch, { backgroundColor: colorOf(line.key, index) }]} />
            <Text style={styles.legendText}>
              {line.label}
              {line.key === 'companion-total' ? ' (dashed)' : ''}
            </Text>
          </View>
        ))}
        {cutoff && (
          <View style={styles.legendItem}>
            <View style={[styles.legendSwatch, { backgroundColor: CUTOFF_COLOR, height: 1.5 }]} />
            <Text style={styles.legendText}>
              Cutoff {cutoff.value} (concern {cutoff.concernWhen === 'above' ? `at ${cutoff.value} or above` : `below ${cutoff.value}`})
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
      <Text style={styles.axisCaption}>
        Score ({definition.range.min}–{definition.range.max}) by session date
      </Text>
    </View>
  );
}

function ruptureXs(geometry: TrendChartGeometry): number[] {
  const xs = new Set<number>();
  for (const line of geometry.lines) for (const point of line.points) if (point.rupture) xs.add(point.x);
  return [...xs];
}
