import { useMemo, useState } from 'react';
import { Button, Center, EmptyState, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconChartLine, IconPlus } from '@tabler/icons-react';
import type { Client } from '../../../shared/clients';
import { localIsoDate } from '../../../shared/dates';
import type { MeasureResult } from '../../../shared/measure-records';
import { firstMedicationDate, medicationPanels, type MedicationChart, type MedicationPanel } from '../../../shared/medication-series';
import {
  COMPANION_MEASURES,
  dateRangeFor,
  latestMeasureOfKind,
  measurePanels,
  measureSeries,
  sessionDates,
  setAsideSeries,
  stackedPanels,
  type ChartPointInput,
  type ChartSeriesInput,
  type DateRangeChoice,
  type MeasureDefinition,
  type MeasurePanel,
} from '../../../shared/measures';
import { seriesStyles, styleKey, type SeriesStyle } from '../../../shared/measures/chart-style';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useMedicationSeries, usePrescriber } from '../medications/queries';
import { useGuardedNavigate } from '../navigation/navigation-guard';
import { AlertList } from './AlertList';
import { ApproachStrip } from './ApproachStrip';
import { ChartLegend, type LegendEntry } from './ChartLegend';
import { MeasureTable } from './MeasureTable';
import { MedicationTrend } from './MedicationTrend';
import { RecordMeasureModal } from './RecordMeasureModal';
import { TrendChart, type ChartPanel } from './TrendChart';
import { useClientAlerts, useMeasureDefinitions, useMeasureResults } from './queries';

const RANGES: { value: DateRangeChoice; label: string }[] = [
  { value: '3m', label: '3 months' },
  { value: '6m', label: '6 months' },
  { value: '12m', label: '12 months' },
  { value: 'all', label: 'All' },
];
// Room above each panel for its title, left for the y axis title, below for the date ticks.
const MARGIN = { top: 26, right: 16, bottom: 26, left: 52 };
const PANEL_HEIGHT: Record<MeasurePanel['key'] | MedicationPanel['key'], number> = { total: 240, subscales: 170, adherence: 200, burden: 150 };
/** Wide enough for the longest built-in name, "Working Alliance Inventory – Short Revised (WAI-SR)", whole. */
const PICKER_WIDTH = 400;

/** Per client: alliance trend above, outcome trend below on the same dates, alerts, and a table view. */
export function MeasuresTab({ client }: { client: Client }) {
  const results = useMeasureResults(client.id);
  const definitions = useMeasureDefinitions();
  const alerts = useClientAlerts(client.id);
  const prescriber = usePrescriber();
  const medicationSeries = useMedicationSeries(client.id, prescriber);
  // Drawn for a prescriber whose client has been on a medication: every medication has its start marked.
  const medication = prescriber && medicationSeries.data && medicationSeries.data.markers.length > 0 ? medicationSeries.data : null;
  const [recording, setRecording] = useState(false);
  const recordButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRecording(true)}>
      Record a measure
    </Button>
  );

  const failure = results.error ?? definitions.error;
  return (
    <Stack gap="lg">
      {failure && <ErrorAlert title="Measures could not be loaded" message={errorMessage(failure)} />}
      {(results.isPending || definitions.isPending) && !failure && (
        <Center py="lg">
          <Loader aria-label="Loading measures" />
        </Center>
      )}
      {alerts.data && alerts.data.alerts.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            Alerts
          </Title>
          <AlertList clientId={client.id} alerts={alerts.data.alerts} />
        </Stack>
      )}
      {results.data && definitions.data && results.data.results.length === 0 && (
        <EmptyState icon={<IconChartLine size={28} aria-hidden />} mt="md">
          <EmptyState.Title>No measures yet</EmptyState.Title>
          <EmptyState.Description>Record alliance and outcome scores in a session note, or here on their own; they are charted here.</EmptyState.Description>
          <EmptyState.Actions>{recordButton}</EmptyState.Actions>
        </EmptyState>
      )}
      {results.data && definitions.data && results.data.results.length > 0 && (
        <MeasureCharts clientId={client.id} results={results.data.results} measures={definitions.data.measures} medication={medication} recordButton={recordButton} />
      )}
      <RecordMeasureModal clientId={client.id} session={null} opened={recording} onClose={() => setRecording(false)} />
    </Stack>
  );
}

/** A legend entry per line, in drawing order, with the style the chart draws it in. */
const legendOf = (prefix: string, panels: readonly { key: string; series: readonly ChartSeriesInput[] }[], styles: ReadonlyMap<string, SeriesStyle>): LegendEntry[] =>
  panels.flatMap((panel) =>
    panel.series.flatMap((line) => {
      const style = styles.get(styleKey(`${prefix}-${panel.key}`, line.key));
      return style ? [{ label: line.label, style }] : [];
    }),
  );

interface MeasureChartsProps {
  clientId: string;
  results: readonly MeasureResult[];
  measures: readonly MeasureDefinition[];
  /** The adherence lines and medication changes, for a prescriber's client on medication; null otherwise. */
  medication: MedicationChart | null;
  recordButton: React.ReactNode;
}

const earliest = (...dates: (string | null | undefined)[]): string | null => dates.reduce<string | null>((a, b) => (b && (a === null || b < a) ? b : a), null);

function MeasureCharts({ clientId, results, measures, medication, recordButton }: MeasureChartsProps) {
  const navigate = useGuardedNavigate();
  const { ref, width } = useElementSize();
  const [range, setRange] = useState<DateRangeChoice>('all');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [allianceId, setAllianceId] = useState(() => latestMeasureOfKind(results, measures, 'alliance') ?? 'sac-client');
  const [outcomeId, setOutcomeId] = useState<string | null>(() => latestMeasureOfKind(results, measures, 'outcome'));
  const byId = useMemo(() => new Map(measures.map((measure) => [measure.id, measure])), [measures]);
  const measured = new Set(results.map((result) => result.measureId));
  const pick = (kind: MeasureDefinition['kind']) => measures.filter((measure) => measure.kind === kind && measured.has(measure.id)).map((measure) => ({ value: measure.id, label: measure.name }));

  // "All" starts at the first result or the first medication change, whichever came first.
  const { from, to } = dateRangeFor(range, localIsoDate(), earliest(results[0]?.takenOn, medication && firstMedicationDate(medication)));
  const inRange = <Point extends ChartPointInput>(series: ChartSeriesInput<Point>[]) =>
    series.map((line) => ({ ...line, points: line.points.filter((point) => point.date >= from && point.date <= to) }));
  const alliance = byId.get(allianceId);
  const companion = alliance ? byId.get(COMPANION_MEASURES[alliance.id] ?? '') : undefined;
  const allianceCompanion = companion ? { definition: companion, results } : undefined;
  const allianceSeries = alliance ? inRange(measureSeries(alliance, results, allianceCompanion)) : [];
  const outcome = outcomeId ? byId.get(outcomeId) : undefined;
  const outcomeSeries = outcome ? inRange(measureSeries(outcome, results)) : [];

  const alliancePanels = alliance ? measurePanels(alliance, allianceSeries) : [];
  const outcomePanels = outcome ? measurePanels(outcome, outcomeSeries) : [];
  const medicationLines = medication ? { adherence: inRange(medication.adherence), burden: medication.burden && (inRange([medication.burden])[0] ?? null) } : null;
  const medicationPanelList = medicationLines ? medicationPanels({ adherence: medicationLines.adherence.filter((line) => line.points.length > 0), burden: medicationLines.burden?.points.length ? medicationLines.burden : null }) : [];
  const marks = medication ? medication.markers.filter((marker) => marker.date >= from && marker.date <= to).map(({ date, text }) => ({ date, text })) : [];
  // Every line shown on the tab gets its own look, so the alliance total and the outcome total differ too.
  const styles = seriesStyles([
    ...alliancePanels.flatMap((panel) => panel.series.map((line) => ({ panel: `alliance-${panel.key}`, key: line.key }))),
    ...outcomePanels.flatMap((panel) => panel.series.map((line) => ({ panel: `outcome-${panel.key}`, key: line.key }))),
    ...medicationPanelList.flatMap((panel) => panel.series.map((line) => ({ panel: `medication-${panel.key}`, key: line.key }))),
  ]);
  // All charts tick on the same session dates and share one date domain, so a session lines up in each.
  const tickDates = sessionDates([...allianceSeries, ...outcomeSeries, ...medicationPanelList.flatMap((panel) => panel.series)], from, to);
  const stack = (prefix: string, panels: readonly (MeasurePanel | MedicationPanel)[]) => {
    if (panels.length === 0 || width <= 0) return null;
    const drawn = stackedPanels({ width, margin: MARGIN, from, to, gap: 12, tickDates, panels: panels.map((panel) => ({ ...panel, height: PANEL_HEIGHT[panel.key] })) });
    return { ...drawn, panels: drawn.panels.map((geometry, i): ChartPanel => ({ key: `${prefix}-${panels[i]?.key ?? i}`, geometry })) };
  };
  const allianceChart = stack('alliance', alliancePanels);
  const outcomeChart = stack('outcome', outcomePanels);
  const medicationChart = stack('medication', medicationPanelList);
  const openNote = (noteId: string) => navigate(`/clients/${clientId}/notes/${noteId}`);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Alliance measure"
            data={pick('alliance')}
            value={allianceId}
            allowDeselect={false}
            onChange={(value) => value && setAllianceId(value)}
            w={PICKER_WIDTH}
            maw="100%"
            comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
          />
          <Select
            label="Outcome measure"
            data={pick('outcome')}
            value={outcomeId}
            clearable
            placeholder="None"
            onChange={setOutcomeId}
            w={PICKER_WIDTH}
            maw="100%"
            comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
          />
          <SegmentedControl aria-label="Date range" data={RANGES} value={range} onChange={(value) => setRange(value as DateRangeChoice)} />
          <SegmentedControl
            aria-label="Show as"
            data={[
              { value: 'chart', label: 'Chart' },
              { value: 'table', label: 'Table' },
            ]}
            value={view}
            onChange={(value) => setView(value as 'chart' | 'table')}
          />
        </Group>
        {recordButton}
      </Group>
      {view === 'chart' ? (
        <div ref={ref} style={{ width: '100%' }}>
          {allianceChart && alliance && (
            <Stack gap="lg" role="group" aria-label="Measure charts">
              <Stack gap={4}>
                <TrendChart
                  panels={allianceChart.panels}
                  width={allianceChart.width}
                  height={allianceChart.height}
                  label={`Alliance, ${alliance.name}`}
                  styles={styles}
                  onOpenNote={openNote}
                  marks={marks}
                />
                <ChartLegend
                  label={`Legend, alliance, ${alliance.name}`}
                  entries={legendOf('alliance', alliancePanels, styles)}
                  cutoff={alliance.cutoff !== null}
                  ruptures
                  medicationChanges={marks.length > 0}
                />
                <ApproachStrip clientId={clientId} series={allianceSeries} />
              </Stack>
              {outcomeChart && outcome && (
                <Stack gap={4}>
                  <TrendChart
                    panels={outcomeChart.panels}
                    width={outcomeChart.width}
                    height={outcomeChart.height}
                    label={`Outcome, ${outcome.name}`}
                    styles={styles}
                    onOpenNote={openNote}
                    marks={marks}
                  />
                  <ChartLegend
                    label={`Legend, outcome, ${outcome.name}`}
                    entries={legendOf('outcome', outcomePanels, styles)}
                    cutoff={outcome.cutoff !== null}
                    ruptures={false}
                    medicationChanges={marks.length > 0}
                  />
                </Stack>
              )}
              {medication && (
                <MedicationTrend chart={medicationChart} styles={styles} legend={legendOf('medication', medicationPanelList, styles)} marks={marks} onOpenNote={openNote} />
              )}
            </Stack>
          )}
          {!alliance && <Text c="dimmed">Choose an alliance measure.</Text>}
        </div>
      ) : (
        <Stack gap="lg">
          {alliance && (
            <MeasureTable
              clientId={clientId}
              label={`Alliance, ${alliance.name}`}
              series={allianceSeries}
              setAside={inRange(setAsideSeries(alliance, results, allianceCompanion))}
            />
          )}
          {outcome && <MeasureTable clientId={clientId} label={`Outcome, ${outcome.name}`} series={outcomeSeries} setAside={inRange(setAsideSeries(outcome, results))} />}
        </Stack>
      )}
    </Stack>
  );
}
