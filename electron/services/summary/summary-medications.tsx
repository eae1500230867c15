import { Line, Svg, Text, View } from '@react-pdf/renderer';
import { formatDay } from '../../../shared/measures/alerts';
import { stackedPanels } from '../../../shared/measures/chart-stack';
import { seriesStyles, styleKey } from '../../../shared/measures/chart-style';
import { MIN_RESULTS_FOR_PDF_CHART } from '../../../shared/measures/series';
import { medicationEventWords, regimenInWords, type Regimen } from '../../../shared/medications';
import type { SummaryMedications } from './summary-data';
import { colorOf, PanelDrawing, PdfMarker, shortDay, strokeOf } from './summary-chart';
import { Heading, Table } from './summary-layout';
import { styles } from './summary-styles';

/**
 * The Medications part of a prescriber's summary: the list taken at the period's end with each
 * regimen, the changes made in the period with their reasons, the allergies on record, and the share
 * of doses taken per medication, drawn on the same date axis and in the same way as the measure charts.
 */
const MARGIN = { top: 14, right: 14, bottom: 20, left: 40 };
const PANEL = 'adherence';

const prescribedBy = (regimen: Regimen): string => (regimen.prescriber === 'me' ? 'Me' : regimen.prescriberName || 'Another prescriber');
const ALLERGY_KIND = { allergy: 'Allergy', adverse_reaction: 'Adverse reaction' } as const;

export function Medications({ medications, width, range }: { medications: SummaryMedications; width: number; range: { from: string; to: string } }) {
  return (
    <View>
      <Heading>Medications</Heading>
      {medications.current.length === 0 ? (
        <Text style={styles.muted}>No medications were being taken at the end of this period.</Text>
      ) : (
        <Table
          label="Current medications"
          rows={medications.current}
          columns={[
            { label: 'Medication', width: '20%', value: (m) => m.name },
            { label: 'Regimen', width: '38%', value: (m) => regimenInWords(m.regimen) },
            { label: 'For', width: '17%', value: (m) => m.regimen.indication },
            { label: 'Prescribed by', width: '12%', value: (m) => prescribedBy(m.regimen) },
            { label: 'Since', width: '13%', value: (m) => formatDay(m.since) },
          ]}
        />
      )}

      <Text style={[styles.chartTitle, { marginTop: 8 }]}>Changes in this period</Text>
      {medications.changes.length === 0 ? (
        <Text style={styles.muted}>No medication was started, changed or stopped in this period.</Text>
      ) : (
        <Table
          label="Medication changes"
          rows={medications.changes}
          columns={[
            { label: 'Date', width: '15%', value: (c) => formatDay(c.date) },
            { label: 'Medication', width: '17%', value: (c) => c.name },
            { label: 'Change', width: '33%', value: (c) => `${medicationEventWords[c.kind]}: ${regimenInWords(c.regimen)}` },
            { label: 'Reason', width: '35%', value: (c) => [c.reason, c.decidedInSession ? '(decided together in a session)' : ''].filter(Boolean).join(' ') },
          ]}
        />
      )}

      <Text style={[styles.chartTitle, { marginTop: 8 }]}>Allergies and adverse reactions</Text>
      {medications.allergies.length === 0 ? (
        <Text style={styles.muted}>None on record.</Text>
      ) : (
        <Table
          label="Allergies and adverse reactions"
          rows={medications.allergies}
          columns={[
            { label: 'Substance', width: '25%', value: (a) => a.substance },
            { label: 'Kind', width: '20%', value: (a) => ALLERGY_KIND[a.kind] },
            { label: 'Reaction', width: '38%', value: (a) => a.reaction },
            { label: 'Recorded', width: '17%', value: (a) => formatDay(a.recordedOn) },
          ]}
        />
      )}

      <AdherenceChart series={medications.adherence} width={width} range={range} />
    </View>
  );
}

/** Share of doses taken per medication; with fewer than three answers for every medication, the numbers instead. */
function AdherenceChart({ series, width, range }: { series: SummaryMedications['adherence']; width: number; range: { from: string; to: string } }) {
  const title = <Text style={[styles.chartTitle, { marginTop: 8 }]}>Share of doses taken, as the client reported it</Text>;
  if (series.length === 0) {
    return (
      <View wrap={false}>
        {title}
        <Text style={styles.muted}>No doses missed were recorded in a signed visit of this period.</Text>
      </View>
    );
  }
  const most = Math.max(...series.map((line) => line.points.filter((point) => point.value !== null).length));
  if (most < MIN_RESULTS_FOR_PDF_CHART) {
    return (
      <View wrap={false} style={styles.numbersBlock}>
        {title}
        {series.map((line) => (
          <Text key={line.key}>
            {line.label}: {line.points.filter((point) => point.value !== null).map((point) => `${point.value}% on ${shortDay(point.date)}`).join('; ')}
          </Text>
        ))}
      </View>
    );
  }
  const stack = stackedPanels({
    width,
    margin: MARGIN,
    from: range.from,
    to: range.to,
    gap: 6,
    minTickGap: 34,
    panels: [{ yDomain: [0, 100], series, cutoff: null, bands: [], yTickCount: 5, title: 'Doses taken in the 7 days before each visit', yTitle: '% taken', height: 120 }],
  });
  const geometry = stack.panels[0]!;
  const lineStyles = seriesStyles(series.map((line) => ({ panel: PANEL, key: line.key })));
  const height = stack.height + 12;
  return (
    <View wrap={false} style={styles.chartBlock}>
      {title}
      <Svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        <PanelDrawing panelKey={PANEL} geometry={geometry} lineStyles={lineStyles} />
        <Text x={geometry.plot.x + geometry.plot.width / 2} y={geometry.plot.y + geometry.plot.height + 26} style={styles.axisTitle} textAnchor="middle">
          Visit date
        </Text>
      </Svg>
      <View style={styles.legend}>
        {series.map((line) => {
          const style = lineStyles.get(styleKey(PANEL, line.key));
          if (!style) return null;
          return (
            <View key={line.key} style={styles.legendItem}>
              <Svg width={18} height={6} viewBox="0 0 18 6" style={{ marginRight: 3 }}>
                <Line x1={0} x2={18} y1={3} y2={3} stroke={colorOf(style)} strokeWidth={strokeOf(style)} strokeDasharray={style.dash ?? undefined} />
                <PdfMarker style={style} x={9} y={3} />
              </Svg>
              <Text style={styles.legendText}>{line.label}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
