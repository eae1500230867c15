import { Group, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { CaseloadMeasure, ChangeClass } from '../../../shared/caseload';
import { CHANGE_LABELS, CHANGE_ORDER, outcomeChart, outcomeChartDescription, percent } from '../../../shared/caseload-chart';
import { CountButton, type OpenClients } from './ClientsModal';
import { changeShown } from './change-words';

/** Colours by change, from the Mantine palette so they follow the colour scheme; each bar is also labelled. */
export const CHANGE_COLORS: Record<ChangeClass, string> = {
  improved: 'var(--mantine-color-teal-6)',
  recovered: 'var(--mantine-color-blue-6)',
  unchanged: 'var(--mantine-color-gray-5)',
  deteriorated: 'var(--mantine-color-red-6)',
};

const HEIGHT = 260;
const MARGIN = { top: 22, right: 12, bottom: 44, left: 44 };
const AXIS = 'var(--mantine-color-dimmed)';
const GRID = 'var(--mantine-color-default-border)';

/** Reliable change per outcome measure as bars, with each measure's counts below as buttons to its clients. */
export function OutcomesChart({ measures, onOpen, periodWords }: { measures: readonly CaseloadMeasure[]; onOpen: OpenClients; periodWords: string }) {
  const { ref, width } = useElementSize();
  const geometry = width > 0 ? outcomeChart(measures, { width, height: HEIGHT, margin: MARGIN }) : null;
  return (
    <Stack gap="sm">
      <div ref={ref} style={{ width: '100%' }}>
        {geometry && (
          <svg width={geometry.width} height={geometry.height} role="img" aria-label={`Reliable change by outcome measure. ${outcomeChartDescription(measures)}.`}>
            {geometry.ticks.map((tick) => (
              <g key={tick.share}>
                <line x1={geometry.plot.x} x2={geometry.plot.x + geometry.plot.width} y1={tick.y} y2={tick.y} stroke={GRID} />
                <text x={geometry.plot.x - 6} y={tick.y} dy="0.32em" textAnchor="end" fontSize={11} fill={AXIS}>
                  {percent(tick.share)}
                </text>
              </g>
            ))}
            {geometry.bars.map((bar) => (
              <g key={`${bar.measureId}-${bar.change}`}>
                <rect x={bar.x} y={bar.y} width={bar.width} height={Math.max(bar.height, bar.count > 0 ? 1 : 0)} fill={CHANGE_COLORS[bar.change]} rx={2} />
                <text x={bar.x + bar.width / 2} y={bar.y - 4} textAnchor="middle" fontSize={11} fill="var(--mantine-color-text)">
                  {bar.count}
                </text>
              </g>
            ))}
            {geometry.groups.map((group) => (
              <text key={group.measureId} x={group.x + group.width / 2} y={geometry.plot.y + geometry.plot.height + 18} textAnchor="middle" fontSize={12} fill="var(--mantine-color-text)">
                {group.name.length > 40 ? `${group.name.slice(0, 39)}…` : group.name}
                <tspan x={group.x + group.width / 2} dy="1.3em" fontSize={11} fill={AXIS}>
                  {group.clients === 1 ? '1 client' : `${group.clients} clients`}
                </tspan>
              </text>
            ))}
          </svg>
        )}
      </div>
      <Group gap="md" aria-label="Legend" role="list">
        {CHANGE_ORDER.map((change) => (
          <Group key={change} gap={6} role="listitem">
            <svg width={12} height={12} aria-hidden>
              <rect width={12} height={12} rx={2} fill={CHANGE_COLORS[change]} />
            </svg>
            <Text size="sm">{CHANGE_LABELS[change]}</Text>
          </Group>
        ))}
      </Group>
      {measures.map((measure) => (
        <Text key={measure.measureId} size="sm">
          <Text span fw={600}>
            {measure.name}:
          </Text>{' '}
          <CountButton label={`${measure.clients.length} measured on ${measure.name}`} shown={changeShown(measure, 'clients', periodWords)} onOpen={onOpen}>
            {measure.clients.length} measured
          </CountButton>
          {CHANGE_ORDER.map((change) => (
            <span key={change}>
              {' · '}
              {CHANGE_LABELS[change].toLowerCase()}{' '}
              <CountButton label={`${measure[change].length} ${CHANGE_LABELS[change].toLowerCase()} on ${measure.name}`} shown={changeShown(measure, change, periodWords)} onOpen={onOpen}>
                {measure[change].length}
              </CountButton>
            </span>
          ))}
        </Text>
      ))}
    </Stack>
  );
}
