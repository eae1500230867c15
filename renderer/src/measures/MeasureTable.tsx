import { Anchor, Table, Text } from '@mantine/core';
import { formatDay, type ChartSeriesInput } from '../../../shared/measures';
import { useGuardedLink } from '../navigation/navigation-guard';

interface MeasureTableProps {
  clientId: string;
  label: string;
  series: readonly ChartSeriesInput[];
}

/** The chart's numbers as a table, for screen readers and for copying. */
export function MeasureTable({ clientId, label, series }: MeasureTableProps) {
  const link = useGuardedLink();
  const rows = new Map<string, { date: string; noteId: string | null; rupture: boolean; values: Map<string, number | null> }>();
  for (const line of series) {
    for (const point of line.points) {
      const key = `${point.date}|${point.sessionId}`;
      const row = rows.get(key) ?? { date: point.date, noteId: point.noteId, rupture: point.rupture, values: new Map() };
      row.values.set(line.key, point.value);
      rows.set(key, row);
    }
  }
  const sorted = [...rows.values()].sort((a, b) => b.date.localeCompare(a.date));
  if (sorted.length === 0) return <Text c="dimmed">No results in this range.</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped aria-label={label} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            {series.map((line) => (
              <Table.Th key={line.key}>{line.label}</Table.Th>
            ))}
            <Table.Th>Rupture</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={`${row.date}-${row.noteId ?? ''}`}>
              <Table.Td>{row.noteId ? <Anchor {...link(`/clients/${clientId}/notes/${row.noteId}`)}>{formatDay(row.date)}</Anchor> : formatDay(row.date)}</Table.Td>
              {series.map((line) => (
                <Table.Td key={line.key}>{row.values.get(line.key) ?? '–'}</Table.Td>
              ))}
              <Table.Td>{row.rupture ? 'Yes' : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
