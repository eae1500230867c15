import { Table } from '@mantine/core';
import type { CaseloadMeasure } from '../../../shared/caseload';
import { CHANGE_LABELS, CHANGE_ORDER, percent } from '../../../shared/caseload-chart';
import { CountButton, type OpenClients } from './ClientsModal';
import { changeShown } from './change-words';

/** The chart's numbers as a table: per measure, how many were measured and how each group changed. */
export function OutcomesTable({ measures, onOpen, periodWords }: { measures: readonly CaseloadMeasure[]; onOpen: OpenClients; periodWords: string }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Reliable change by outcome measure" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Measure</Table.Th>
            <Table.Th>Measured</Table.Th>
            {CHANGE_ORDER.map((change) => (
              <Table.Th key={change}>{CHANGE_LABELS[change]}</Table.Th>
            ))}
            <Table.Th>Reliable change, cutoff</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {measures.map((measure) => {
            const n = measure.clients.length;
            return (
              <Table.Tr key={measure.measureId}>
                <Table.Th scope="row">{measure.name}</Table.Th>
                <Table.Td>
                  <CountButton label={`${n} measured on ${measure.name}`} shown={changeShown(measure, 'clients', periodWords)} onOpen={onOpen}>
                    {n}
                  </CountButton>
                </Table.Td>
                {CHANGE_ORDER.map((change) => {
                  const count = measure[change].length;
                  const share = n === 0 ? 0 : count / n;
                  return (
                    <Table.Td key={change}>
                      <CountButton label={`${count} ${CHANGE_LABELS[change].toLowerCase()} on ${measure.name}`} shown={changeShown(measure, change, periodWords)} onOpen={onOpen}>
                        {count} ({percent(share)})
                      </CountButton>
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  {measure.reliableChange} points{measure.cutoff === null ? '' : `, ${measure.cutoff}`}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
