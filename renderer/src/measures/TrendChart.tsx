import { useState, type KeyboardEvent } from 'react';
import { Paper, Text } from '@mantine/core';
import { formatDay, type TrendChartGeometry } from '../../../shared/measures';
import { BAND_COLORS, isDashed, seriesColor } from './chart-colors';

interface TrendChartProps {
  geometry: TrendChartGeometry;
  /** Names the chart for screen readers ("Alliance, SAC client"). */
  label: string;
  onOpenNote: (noteId: string) => void;
}

interface Column {
  x: number;
  date: string;
  noteId: string | null;
  rupture: boolean;
  /** A result in this session was entered after its note was signed. */
  lateEntry: boolean;
  values: { key: string; label: string; value: number | null }[];
}

/** One column per session date: what hovering shows and what a click or Enter opens. */
function columnsOf(geometry: TrendChartGeometry): Column[] {
  const columns = new Map<string, Column>();
  for (const line of geometry.lines) {
    for (const point of line.points) {
      const key = `${point.date}|${point.sessionId}`;
      const column = columns.get(key) ?? { x: point.x, date: point.date, noteId: point.noteId, rupture: point.rupture, lateEntry: false, values: [] };
      column.values.push({ key: line.key, label: line.label, value: point.value });
      column.noteId ??= point.noteId;
      column.rupture ||= point.rupture;
      column.lateEntry ||= point.lateEntry !== null;
      columns.set(key, column);
    }
  }
  return [...columns.values()].sort((a, b) => a.x - b.x);
}

const describe = (column: Column): string =>
  `${formatDay(column.date)}: ${column.values.map((value) => `${value.label} ${value.value ?? 'not scored'}`).join(', ')}${column.rupture ? '; rupture noted' : ''}${column.lateEntry ? '; late entry' : ''}`;

/**
 * A trend chart drawn as SVG from geometry computed in shared/ (the PDF draws the same). Bands tint
 * the background, the cutoff is a dashed line, ruptures are marked above their session, and each
 * session is a focusable link to its note that shows its values on hover or focus.
 */
export function TrendChart({ geometry, label, onOpenNote }: TrendChartProps) {
  const [active, setActive] = useState<Column | null>(null);
  const { plot } = geometry;
  const columns = columnsOf(geometry);
  const bottom = plot.y + plot.height;
  const open = (column: Column) => column.noteId && onOpenNote(column.noteId);
  const onKeyDown = (event: KeyboardEvent<SVGRectElement>, column: Column) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(column);
    }
  };

  return (
    <g role="group" aria-label={label}>
      {geometry.bandRects.map((band) => (
        <rect key={`${band.label}-${band.y}`} x={plot.x} y={band.y} width={plot.width} height={band.height} fill={BAND_COLORS[band.severity] ?? 'none'} opacity={0.55}>
          <title>{band.label}</title>
        </rect>
      ))}
      {geometry.yTicks.map((tick) => (
        <g key={`y${tick.y}`} aria-hidden>
          <line x1={plot.x} x2={plot.x + plot.width} y1={tick.y} y2={tick.y} stroke="var(--mantine-color-gray-3)" />
          <text x={plot.x - 6} y={tick.y} textAnchor="end" dominantBaseline="middle" fontSize={11} fill="var(--mantine-color-dimmed)">
            {tick.label}
          </text>
        </g>
      ))}
      {geometry.xTicks.map((tick) => (
        <text key={`x${tick.x}`} x={tick.x} y={bottom + 16} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)" aria-hidden>
          {tick.label}
        </text>
      ))}
      <line x1={plot.x} x2={plot.x + plot.width} y1={bottom} y2={bottom} stroke="var(--mantine-color-gray-5)" aria-hidden />
      {geometry.cutoffY !== null && (
        <g aria-hidden>
          <line x1={plot.x} x2={plot.x + plot.width} y1={geometry.cutoffY} y2={geometry.cutoffY} stroke="var(--mantine-color-red-6)" strokeDasharray="6 4" strokeWidth={1.5} />
          <text x={plot.x + plot.width} y={geometry.cutoffY - 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-red-7)">
            Cutoff
          </text>
        </g>
      )}
      {geometry.lines.map((line, index) => (
        <g key={line.key} aria-hidden>
          <path d={line.path} fill="none" stroke={seriesColor(line.key, index)} strokeWidth={line.key === 'total' ? 2.5 : 1.75} strokeDasharray={isDashed(line.key) ? '5 4' : undefined} />
          {line.points.map((point) =>
            point.y === null ? null : <circle key={`${point.sessionId}-${point.date}`} cx={point.x} cy={point.y} r={3.5} fill={seriesColor(line.key, index)} />,
          )}
        </g>
      ))}
      {columns
        .filter((column) => column.rupture)
        .map((column) => (
          <path key={`r${column.x}`} d={`M${column.x - 5},${plot.y} L${column.x + 5},${plot.y} L${column.x},${plot.y + 8} Z`} fill="var(--mantine-color-orange-7)" aria-hidden />
        ))}
      {columns.map((column) => (
        <rect
          key={`hit${column.x}-${column.date}`}
          x={column.x - 8}
          y={plot.y}
          width={16}
          height={plot.height}
          fill="transparent"
          tabIndex={column.noteId ? 0 : -1}
          role={column.noteId ? 'link' : 'img'}
          aria-label={describe(column)}
          style={{ cursor: column.noteId ? 'pointer' : 'default', outline: 'none' }}
          stroke={active === column ? 'var(--mantine-color-blue-5)' : 'none'}
          onMouseEnter={() => setActive(column)}
          onMouseLeave={() => setActive(null)}
          onFocus={() => setActive(column)}
          onBlur={() => setActive(null)}
          onClick={() => open(column)}
          onKeyDown={(event) => onKeyDown(event, column)}
        />
      ))}
      {active && (
        <foreignObject x={Math.min(active.x + 10, plot.x + plot.width - 220)} y={plot.y + 4} width={220} height={140} pointerEvents="none">
          <Paper shadow="sm" p={6} withBorder>
            <Text size="xs" fw={600}>
              {formatDay(active.date)}
              {active.rupture ? ' · rupture noted' : ''}
              {active.lateEntry ? ' · late entry' : ''}
            </Text>
            {active.values.map((value) => (
              <Text key={value.key} size="xs">
                {value.label}: {value.value ?? '–'}
              </Text>
            ))}
          </Paper>
        </foreignObject>
      )}
    </g>
  );
}
