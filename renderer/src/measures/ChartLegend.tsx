import { Group, Text } from '@mantine/core';
import type { ChartSeriesInput } from '../../../shared/measures';
import { isDashed, seriesColor } from './chart-colors';

/** Which line is which, plus the cutoff and rupture marks; the same words the table view uses. */
export function ChartLegend({ alliance, outcome, cutoff }: { alliance: readonly ChartSeriesInput[]; outcome: readonly ChartSeriesInput[]; cutoff: boolean }) {
  const entries = [...alliance, ...outcome];
  return (
    <Group gap="md" mt="xs" wrap="wrap" aria-label="Legend">
      {entries.map((line, index) => (
        <Group key={`${line.key}-${index}`} gap={6} wrap="nowrap">
          <svg width={22} height={8} aria-hidden>
            <line x1={0} x2={22} y1={4} y2={4} stroke={seriesColor(line.key, index % Math.max(1, alliance.length))} strokeWidth={2.5} strokeDasharray={isDashed(line.key) ? '5 4' : undefined} />
          </svg>
          <Text size="xs">{line.label}</Text>
        </Group>
      ))}
      {cutoff && (
        <Group gap={6} wrap="nowrap">
          <svg width={22} height={8} aria-hidden>
            <line x1={0} x2={22} y1={4} y2={4} stroke="var(--mantine-color-red-6)" strokeWidth={1.5} strokeDasharray="6 4" />
          </svg>
          <Text size="xs">Cutoff</Text>
        </Group>
      )}
      <Group gap={6} wrap="nowrap">
        <svg width={12} height={10} aria-hidden>
          <path d="M1,1 L11,1 L6,9 Z" fill="var(--mantine-color-orange-7)" />
        </svg>
        <Text size="xs">Rupture noted</Text>
      </Group>
    </Group>
  );
}
