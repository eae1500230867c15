import { useState, type KeyboardEvent } from 'react';
import { Paper, Text } from '@mantine/core';
import { formatDay, markColumns, type ChartMarkColumn, type ChartMarkInput, type TrendChartGeometry } from '../../../shared/measures';
import { styleKey, type SeriesStyle } from '../../../shared/measures/chart-style';
import { Marker, strokeWidthOf } from './ChartLegend';
import { AXIS_COLOR, BAND_COLORS, CUTOFF_COLOR, GRID_COLOR, MEDICATION_COLOR, paletteColor, RUPTURE_COLOR } from './chart-colors';

export interface ChartPanel {
  /** Names the panel in `styles` keys ("alliance-total"). */
  key: string;
  geometry: TrendChartGeometry;
}

interface TrendChartProps {
  /** One measure's panels, stacked on one date axis (total above, subscales below). */
  panels: readonly ChartPanel[];
  width: number;
  height: number;
  /** Names the chart for screen readers ("Alliance, Session Alliance Check (client)"). */
  label: string;
  styles: ReadonlyMap<string, SeriesStyle>;
  onOpenNote: (noteId: string) => void;
  /** Days marked across every panel (a medication started, changed or stopped), each with its words. */
  marks?: readonly ChartMarkInput[];
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

/** One column per session date across all panels: what hovering shows and what a click or Enter opens. */
function columnsOf(panels: readonly ChartPanel[]): Column[] {
  const columns = new Map<string, Column>();
  for (const { key: panel, geometry } of panels) {
    for (const line of geometry.lines) {
      for (const point of line.points) {
        const key = `${point.date}|${point.sessionId}`;
        const column = columns.get(key) ?? { x: point.x, date: point.date, noteId: point.noteId, rupture: point.rupture, lateEntry: false, values: [] };
        column.values.push({ key: `${panel}/${line.key}`, label: line.label, value: point.value });
        column.noteId ??= point.noteId;
        column.rupture ||= point.rupture;
        column.lateEntry ||= point.lateEntry !== null;
        columns.set(key, column);
      }
    }
  }
  return [...columns.values()].sort((a, b) => a.x - b.x);
}

const describe = (column: Column, changes: readonly string[]): string =>
  `${formatDay(column.date)}: ${column.values.map((value) => `${value.label}: ${value.value ?? 'not scored'}`).join('; ')}${column.rupture ? '; rupture noted' : ''}${column.lateEntry ? '; late entry' : ''}${changes.length > 0 ? `; ${changes.join('; ')}` : ''}`;

const describeMark = (mark: ChartMarkColumn): string => `Medication change, ${formatDay(mark.date)}: ${mark.texts.join('; ')}`;

const TOOLTIP = { width: 250, offset: 14, line: 19, padding: 34, charsPerLine: 38 };

/** Lines a text takes in the tooltip, long medication changes wrapping. */
const linesOf = (texts: readonly string[]): number => texts.reduce((sum, text) => sum + Math.max(1, Math.ceil(text.length / TOOLTIP.charsPerLine)), 0);

/**
 * Beside its session's column, never over it: to the right, or to the left when the right edge is too
 * near, so the points the tooltip describes stay in view.
 */
function tooltipBox(column: { x: number }, lines: number, chartWidth: number, top: number) {
  const height = TOOLTIP.padding + TOOLTIP.line * lines;
  const right = column.x + TOOLTIP.offset;
  const x = right + TOOLTIP.width <= chartWidth ? right : Math.max(0, column.x - TOOLTIP.offset - TOOLTIP.width);
  return { x, y: top, width: TOOLTIP.width, height };
}

function Panel({ panel, styles, first }: { panel: ChartPanel; styles: ReadonlyMap<string, SeriesStyle>; first: boolean }) {
  const { geometry } = panel;
  const { plot } = geometry;
  const bottom = plot.y + plot.height;
  return (
    <g>
      <text x={plot.x} y={plot.y - 8} fontSize={12} fontWeight={600} fill="var(--mantine-color-text)">
        {geometry.title}
      </text>
      <text transform={`translate(12 ${plot.y + plot.height / 2}) rotate(-90)`} textAnchor="middle" fontSize={11} fill={AXIS_COLOR}>
        {geometry.yTitle}
      </text>
      {/* The plot's frame: what a test (or a reader of the DOM) measures the points against. */}
      <rect data-plot={panel.key} x={plot.x} y={plot.y} width={plot.width} height={plot.height} fill="none" aria-hidden />
      {geometry.bandRects.map((band) => (
        <rect key={`${band.label}-${band.y}`} x={plot.x} y={band.y} width={plot.width} height={band.height} fill={BAND_COLORS[band.severity] ?? 'none'}>
          <title>{band.label}</title>
        </rect>
      ))}
      {geometry.yTicks.map((tick) => (
        <g key={`y${tick.y}`} aria-hidden>
          <line x1={plot.x} x2={plot.x + plot.width} y1={tick.y} y2={tick.y} stroke={GRID_COLOR} strokeOpacity={0.6} />
          <text x={plot.x - 6} y={tick.y} textAnchor="end" dominantBaseline="middle" fontSize={11} fill={AXIS_COLOR}>
            {tick.label}
          </text>
        </g>
      ))}
      {geometry.xTicks.map((tick) => (
        <g key={`x${tick.x}`} aria-hidden>
          <line x1={tick.x} x2={tick.x} y1={bottom} y2={bottom + 4} stroke={AXIS_COLOR} />
          <text x={tick.x} y={bottom + 16} textAnchor="middle" fontSize={11} fill={AXIS_COLOR}>
            {tick.label}
          </text>
        </g>
      ))}
      <line x1={plot.x} x2={plot.x + plot.width} y1={bottom} y2={bottom} stroke={AXIS_COLOR} aria-hidden />
      <line x1={plot.x} x2={plot.x} y1={plot.y} y2={bottom} stroke={AXIS_COLOR} aria-hidden />
      {geometry.cutoffY !== null && (
        <g aria-hidden>
          <line x1={plot.x} x2={plot.x + plot.width} y1={geometry.cutoffY} y2={geometry.cutoffY} stroke={CUTOFF_COLOR} strokeDasharray="6 4" strokeWidth={1.5} />
          <text x={plot.x + plot.width} y={geometry.cutoffY - 4} textAnchor="end" fontSize={11} fill={CUTOFF_COLOR}>
            Cutoff
          </text>
        </g>
      )}
      {geometry.lines.map((line) => {
        const style = styles.get(styleKey(panel.key, line.key));
        if (!style) return null;
        return (
          // Named as its legend entry names it, so a screen reader can tie the two.
          <g key={line.key} role="img" aria-label={line.label} data-series={line.key}>
            <path d={line.path} fill="none" stroke={paletteColor(style.color)} strokeWidth={strokeWidthOf(style)} strokeDasharray={style.dash ?? undefined} />
            {line.points.map((point) => (point.y === null ? null : <Marker key={`${point.sessionId}-${point.date}`} style={style} x={point.x} y={point.y} />))}
          </g>
        );
      })}
      {first &&
        [...new Set(geometry.lines.flatMap((line) => line.points.filter((point) => point.rupture).map((point) => point.x)))].map((x) => (
          <path key={`r${x}`} d={`M${x - 5},${plot.y} L${x + 5},${plot.y} L${x},${plot.y + 8} Z`} fill={RUPTURE_COLOR} aria-hidden />
        ))}
    </g>
  );
}

/**
 * One measure's trend as SVG, from geometry computed in shared/ (the PDF draws the same): each panel on
 * its own y axis with its title, bands tinting the total's panel, the cutoff as a dashed line,
 * ruptures marked above their session; each session is one focusable link to its note, spanning
 * every panel, that shows its values beside it on hover or focus. Medication changes, when given, are
 * dashed lines through every panel with a focusable mark that shows what changed.
 */
export function TrendChart({ panels, width, height, label, styles, onOpenNote, marks = [] }: TrendChartProps) {
  const [active, setActive] = useState<Column | null>(null);
  const [activeMark, setActiveMark] = useState<ChartMarkColumn | null>(null);
  const top = panels[0]?.geometry.plot;
  const last = panels.at(-1)?.geometry.plot;
  if (!top || !last) return null;
  const columns = columnsOf(panels);
  const open = (column: Column) => column.noteId && onOpenNote(column.noteId);
  const onKeyDown = (event: KeyboardEvent<SVGRectElement>, column: Column) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(column);
    }
  };
  const axisBottom = last.y + last.height;
  const markCols = marks.length > 0 ? markColumns(panels[0]!.geometry, marks) : [];
  const changesOn = (date: string): readonly string[] => markCols.find((mark) => mark.date === date)?.texts ?? [];
  const tooltip = active && tooltipBox(active, active.values.length + linesOf(changesOn(active.date)), width, top.y);
  const markTooltip = activeMark && tooltipBox(activeMark, linesOf(activeMark.texts), width, top.y);

  return (
    <svg width={width} height={height + 18} role="group" aria-label={label} style={{ display: 'block', overflow: 'visible' }}>
      {panels.map((panel, i) => (
        <Panel key={panel.key} panel={panel} styles={styles} first={i === 0} />
      ))}
      <text x={top.x + top.width / 2} y={axisBottom + 34} textAnchor="middle" fontSize={11} fill={AXIS_COLOR}>
        Session date
      </text>
      {markCols.map((mark) =>
        panels.map(({ key, geometry: { plot } }) => (
          <line key={`m${key}${mark.date}`} x1={mark.x} x2={mark.x} y1={plot.y} y2={plot.y + plot.height} stroke={MEDICATION_COLOR} strokeWidth={1.5} strokeDasharray="3 3" pointerEvents="none" aria-hidden />
        )),
      )}
      {columns.map((column) => (
        <rect
          key={`hit${column.x}-${column.date}`}
          x={column.x - 8}
          y={top.y}
          width={16}
          height={axisBottom - top.y}
          fill="transparent"
          tabIndex={column.noteId ? 0 : -1}
          role={column.noteId ? 'link' : 'img'}
          aria-label={describe(column, changesOn(column.date))}
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
      {markCols.map((mark) => (
        // Its own focusable mark, for a change on a day without a session and for the keyboard.
        <circle
          key={`mark${mark.date}`}
          data-medication-mark={mark.date}
          cx={mark.x}
          cy={top.y + 16}
          r={6}
          fill={MEDICATION_COLOR}
          stroke={activeMark === mark ? 'var(--mantine-color-blue-5)' : 'var(--mantine-color-body)'}
          strokeWidth={2}
          tabIndex={0}
          role="img"
          aria-label={describeMark(mark)}
          style={{ outline: 'none' }}
          onMouseEnter={() => setActiveMark(mark)}
          onMouseLeave={() => setActiveMark(null)}
          onFocus={() => setActiveMark(mark)}
          onBlur={() => setActiveMark(null)}
        />
      ))}
      {activeMark && markTooltip && (
        <foreignObject {...markTooltip} pointerEvents="none" data-testid="medication-mark-tooltip">
          <Paper shadow="sm" p={6} withBorder>
            <Text size="xs" fw={600}>
              {formatDay(activeMark.date)} · medication change
            </Text>
            {activeMark.texts.map((text, i) => (
              <Text key={i} size="xs">
                <bdi>{text}</bdi>
              </Text>
            ))}
          </Paper>
        </foreignObject>
      )}
      {active && tooltip && (
        <foreignObject {...tooltip} pointerEvents="none" data-testid="chart-tooltip">
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
            {changesOn(active.date).map((text, i) => (
              <Text key={`change${i}`} size="xs" c={MEDICATION_COLOR}>
                <bdi>{text}</bdi>
              </Text>
            ))}
          </Paper>
        </foreignObject>
      )}
    </svg>
  );
}
