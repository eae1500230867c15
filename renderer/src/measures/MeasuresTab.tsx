import { useMemo, useState } from 'react';
import { Button, Center, EmptyState, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconChartLine, IconPlus } from '@tabler/icons-react';
import type { Client } from '../../../shared/clients';
import { localIsoDate } from '../../../shared/dates';
import type { MeasureResult } from '../../../shared/measure-records';
import {
  COMPANION_MEASURES,
  dateRangeFor,
  measureBands,
  measureDomain,
  measureSeries,
  setAsideSeries,
  stackedTrendCharts,
  type ChartPointInput,
  type ChartSeriesInput,
  type DateRangeChoice,
  type MeasureDefinition,
} from '../../../shared/measures';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useGuardedNavigate } from '../navigation/navigation-guard';
import { AlertList } from './AlertList';
import { ApproachStrip } from './ApproachStrip';
import { ChartLegend } from './ChartLegend';
import { MeasureTable } from './MeasureTable';
import { RecordMeasureModal } from './RecordMeasureModal';
import { TrendChart } from './TrendChart';
import { useClientAlerts, useMeasureDefinitions, useMeasureResults } from './queries';

const RANGES: { value: DateRangeChoice; label: string }[] = [
  { value: '3m', label: '3 months' },
  { value: '6m', label: '6 months' },
  { value: '12m', label: '12 months' },
  { value: 'all', label: 'All' },
];
const MARGIN = { top: 14, right: 16, bottom: 26, left: 36 };

/** The measure of the newest result of a kind: what the practitioner most likely wants to see. */
const latestOfKind = (results: readonly MeasureResult[], measures: readonly MeasureDefinition[], kind: MeasureDefinition['kind']): string | null => {
  const ids = new Set(measures.filter((measure) => measure.kind === kind).map((measure) => measure.id));
  return [...results].reverse().find((result) => ids.has(result.measureId))?.measureId ?? null;
};

/** Per client: alliance trend above, outcome trend below on the same dates, alerts, and a table view. */
export function MeasuresTab({ client }: { client: Client }) {
  const results = useMeasureResults(client.id);
  const definitions = useMeasureDefinitions();
  const alerts = useClientAlerts(client.id);
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
        <MeasureCharts clientId={client.id} results={results.data.results} measures={definitions.data.measures} recordButton={recordButton} />
      )}
      <RecordMeasureModal clientId={client.id} session={null} opened={recording} onClose={() => setRecording(false)} />
    </Stack>
  );
}

interface MeasureChartsProps {
  clientId: string;
  results: readonly MeasureResult[];
  measures: readonly MeasureDefinition[];
  recordButton: React.ReactNode;
}

function MeasureCharts({ clientId, results, measures, recordButton }: MeasureChartsProps) {
  const navigate = useGuardedNavigate();
  const { ref, width } = useElementSize();
  const [range, setRange] = useState<DateRangeChoice>('all');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [allianceId, setAllianceId] = useState(() => latestOfKind(results, measures, 'alliance') ?? 'sac-client');
  const [outcomeId, setOutcomeId] = useState<string | null>(() => latestOfKind(results, measures, 'outcome'));
  const byId = useMemo(() => new Map(measures.map((measure) => [measure.id, measure])), [measures]);
  const measured = new Set(results.map((result) => result.measureId));
  const pick = (kind: MeasureDefinition['kind']) => measures.filter((measure) => measure.kind === kind && measured.has(measure.id)).map((measure) => ({ value: measure.id, label: measure.name }));

  const { from, to } = dateRangeFor(range, localIsoDate(), results[0]?.takenOn ?? null);
  const inRange = <Point extends ChartPointInput>(series: ChartSeriesInput<Point>[]) =>
    series.map((line) => ({ ...line, points: line.points.filter((point) => point.date >= from && point.date <= to) }));
  const alliance = byId.get(allianceId);
  const companion = alliance ? byId.get(COMPANION_MEASURES[alliance.id] ?? '') : undefined;
  const allianceCompanion = companion ? { definition: companion, results } : undefined;
  const allianceSeries = alliance ? inRange(measureSeries(alliance, results, allianceCompanion)) : [];
  const outcome = outcomeId ? byId.get(outcomeId) : undefined;
  const outcomeSeries = outcome ? inRange(measureSeries(outcome, results)) : [];

  const charts =
    alliance && width > 0
      ? stackedTrendCharts({
          width,
          margin: MARGIN,
          from,
          to,
          gap: 28,
          alliance: { height: 260, yDomain: measureDomain(alliance), series: allianceSeries, cutoff: alliance.cutoff?.value ?? null, bands: measureBands(alliance) },
          outcome: outcome ? { height: 200, yDomain: measureDomain(outcome), series: outcomeSeries, cutoff: outcome.cutoff?.value ?? null, bands: measureBands(outcome) } : null,
        })
      : null;
  const openNote = (noteId: string) => navigate(`/clients/${clientId}/notes/${noteId}`);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select label="Alliance measure" data={pick('alliance')} value={allianceId} allowDeselect={false} onChange={(value) => value && setAllianceId(value)} w={240} />
          <Select label="Outcome measure" data={pick('outcome')} value={outcomeId} clearable placeholder="None" onChange={setOutcomeId} w={200} />
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
          {charts && alliance && (
            <>
              <svg width={charts.width} height={charts.height} role="group" aria-label="Measure charts" style={{ display: 'block', overflow: 'visible' }}>
                <TrendChart geometry={charts.alliance} label={`Alliance, ${alliance.name}`} onOpenNote={openNote} />
                {charts.outcome && outcome && <TrendChart geometry={charts.outcome} label={`Outcome, ${outcome.name}`} onOpenNote={openNote} />}
              </svg>
              <ChartLegend alliance={allianceSeries} outcome={outcomeSeries} cutoff={alliance.cutoff !== null} />
              <ApproachStrip clientId={clientId} series={allianceSeries} />
            </>
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
