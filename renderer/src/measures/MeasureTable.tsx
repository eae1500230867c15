import { Anchor, Table, Text } from '@mantine/core';
import { formatDay, type ChartPointInput, type ChartSeriesInput, type SetAsidePoint } from '../../../shared/measures';
import { useGuardedLink } from '../navigation/navigation-guard';
import { ResultMarks, StruckValue } from './ResultMarks';

interface MeasureTableProps {
  clientId: string;
  label: string;
  series: readonly ChartSeriesInput[];
  /** Results left out of the chart (struck out, voided session): listed here, struck through. */
  setAside?: readonly ChartSeriesInput<SetAsidePoint>[];
}

interface Row {
  key: string;
  date: string;
  noteId: string | null;
  rupture: boolean;
  lateEntry: string | null;
  setAside: SetAsidePoint | null;
  values: Map<string, number | null>;
}

/** The chart's numbers as a table, for screen readers and for copying; set-aside results struck through. */
export function MeasureTable({ clientId, label, series, setAside = [] }: MeasureTableProps) {
  const link = useGuardedLink();
  const rows = new Map<string, Row>();
  const add = (lineKey: string, point: ChartPointInput, aside: SetAsidePoint | null) => {
    // A set-aside result never shares a row: it may sit beside a valid result of the same session.
    const key = `${point.date}|${point.sessionId}|${aside ? 'aside' : ''}`;
    const row = rows.get(key) ?? { key, date: point.date, noteId: point.noteId, rupture: point.rupture, lateEntry: null, setAside: aside, values: new Map() };
    row.values.set(lineKey, point.value);
    row.lateEntry ??= point.lateEntry ?? null;
    rows.set(key, row);
  };
  for (const line of series) for (const point of line.points) add(line.key, point, null);
  for (const line of setAside) for (const point of line.points) add(line.key, point, point);
  const columns = [...series, ...setAside.filter((line) => !series.some((shown) => shown.key === line.key))];
  const sorted = [...rows.values()].sort((a, b) => b.date.localeCompare(a.date) || Number(a.setAside !== null) - Number(b.setAside !== null));
  if (sorted.length === 0) return <Text c="dimmed">No results in this range.</Text>;
  const marked = sorted.some((row) => row.lateEntry !== null || row.setAside !== null);
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped aria-label={label} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            {columns.map((line) => (
              <Table.Th key={line.key}>{line.label}</Table.Th>
            ))}
            <Table.Th>Rupture</Table.Th>
            {marked && <Table.Th>Entry</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{row.noteId ? <Anchor {...link(`/clients/${clientId}/notes/${row.noteId}`)}>{formatDay(row.date)}</Anchor> : formatDay(row.date)}</Table.Td>
              {columns.map((line) => (
                <Table.Td key={line.key}>{row.setAside ? <StruckValue value={row.values.get(line.key)} /> : (row.values.get(line.key) ?? '–')}</Table.Td>
              ))}
              <Table.Td>{row.rupture ? 'Yes' : ''}</Table.Td>
              {marked && (
                <Table.Td>
                  <ResultMarks lateEntry={row.lateEntry} struckOut={row.setAside?.struckOut ?? null} sessionVoided={row.setAside?.sessionVoided ?? false} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
