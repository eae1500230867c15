import { Group, Text } from '@mantine/core';
import { markerPath, type SeriesStyle } from '../../../shared/measures/chart-style';
import { CUTOFF_COLOR, MEDICATION_COLOR, paletteColor, RUPTURE_COLOR } from './chart-colors';

export interface LegendEntry {
  /** The line's name, word for word the accessible name of its line in the chart. */
  label: string;
  style: SeriesStyle;
}

export const strokeWidthOf = (style: SeriesStyle): number => (style.width === 'heavy' ? 2.5 : 1.75);

/** A line's marker, the same shape in the chart and in its legend swatch. */
export function Marker({ style, x, y, r = 3.5 }: { style: SeriesStyle; x: number; y: number; r?: number }) {
  const color = paletteColor(style.color);
  if (style.marker === 'circle') return <circle cx={x} cy={y} r={r} fill={color} />;
  return <path d={markerPath(style.marker, x, y, r)} fill={color} />;
}

function Swatch({ style }: { style: SeriesStyle }) {
  return (
    <svg width={30} height={12} aria-hidden>
      <line x1={0} x2={30} y1={6} y2={6} stroke={paletteColor(style.color)} strokeWidth={strokeWidthOf(style)} strokeDasharray={style.dash ?? undefined} />
      <Marker style={style} x={15} y={6} />
    </svg>
  );
}

/**
 * Which line is which, by colour, dash and marker, plus the cutoff, rupture and medication-change marks. Each entry names
 * the measure and the rater ("Total, SAC client-rated"), as the line it stands for is named.
 */
export function ChartLegend({
  label,
  entries,
  cutoff,
  ruptures,
  medicationChanges = false,
}: {
  label: string;
  entries: readonly LegendEntry[];
  cutoff: boolean;
  ruptures: boolean;
  medicationChanges?: boolean;
}) {
  return (
    <Group component="ul" role="list" aria-label={label} gap="md" mt={4} mb={0} p={0} wrap="wrap" style={{ listStyle: 'none' }}>
      {entries.map((entry) => (
        <Group component="li" key={entry.label} gap={6} wrap="nowrap">
          <Swatch style={entry.style} />
          <Text size="xs">{entry.label}</Text>
        </Group>
      ))}
      {cutoff && (
        <Group component="li" gap={6} wrap="nowrap">
          <svg width={30} height={12} aria-hidden>
            <line x1={0} x2={30} y1={6} y2={6} stroke={CUTOFF_COLOR} strokeWidth={1.5} strokeDasharray="6 4" />
          </svg>
          <Text size="xs">Cutoff (total only)</Text>
        </Group>
      )}
      {ruptures && (
        <Group component="li" gap={6} wrap="nowrap">
          <svg width={12} height={10} aria-hidden>
            <path d="M1,1 L11,1 L6,9 Z" fill={RUPTURE_COLOR} />
          </svg>
          <Text size="xs">Rupture noted</Text>
        </Group>
      )}
      {medicationChanges && (
        <Group component="li" gap={6} wrap="nowrap">
          <svg width={14} height={14} aria-hidden>
            <line x1={7} x2={7} y1={0} y2={14} stroke={MEDICATION_COLOR} strokeWidth={1.5} strokeDasharray="3 3" />
            <circle cx={7} cy={7} r={4} fill={MEDICATION_COLOR} />
          </svg>
          <Text size="xs">Medication started, changed or stopped</Text>
        </Group>
      )}
    </Group>
  );
}
