import { List, Stack, Text, Title } from '@mantine/core';
import { formatDay, type ChartMarkInput } from '../../../shared/measures';
import type { SeriesStyle } from '../../../shared/measures/chart-style';
import { ChartLegend, type LegendEntry } from './ChartLegend';
import { TrendChart, type ChartPanel } from './TrendChart';

interface MedicationTrendProps {
  /** The adherence and burden panels, stacked on the tab's shared date axis; null when no review rated any. */
  chart: { panels: ChartPanel[]; width: number; height: number } | null;
  styles: ReadonlyMap<string, SeriesStyle>;
  legend: readonly LegendEntry[];
  /** The medication changes within the range, oldest first. */
  marks: readonly ChartMarkInput[];
  onOpenNote: (noteId: string) => void;
}

/**
 * "Adherence and side effects" under the alliance and outcome charts, on the same dates: whether
 * adherence falls when the alliance does. The changes are listed in words below it, as well as marked.
 */
export function MedicationTrend({ chart, styles, legend, marks, onOpenNote }: MedicationTrendProps) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        Adherence and side effects
      </Title>
      {chart ? (
        <>
          <TrendChart panels={chart.panels} width={chart.width} height={chart.height} label="Adherence and side effects" styles={styles} onOpenNote={onOpenNote} marks={marks} />
          <ChartLegend label="Legend, adherence and side effects" entries={legend} cutoff={false} ruptures={false} medicationChanges={marks.length > 0} />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Adherence and side effects are charted from the medication reviews of signed notes; none in this range has them yet.
        </Text>
      )}
      {marks.length > 0 && (
        <List size="sm" spacing={2} aria-label="Medication changes" mt="xs">
          {marks.map((mark, i) => (
            <List.Item key={i}>
              {formatDay(mark.date)}: <bdi>{mark.text}</bdi>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
