import { Table, Text } from '@mantine/core';
import type { EarlyAlliance } from '../../../shared/caseload';
import { PageSection } from '../components/PageSection';
import { CountButton, type OpenClients } from './ClientsModal';

const meanWords = (mean: number | null) => (mean === null ? '–' : mean.toFixed(1));

/** The mean alliance at session 3 of clients who reliably improved, beside that of those who did not. */
export function EarlyAllianceSection({ alliance, onOpen, periodWords }: { alliance: readonly EarlyAlliance[]; onOpen: OpenClients; periodWords: string }) {
  const cell = (row: EarlyAlliance, group: 'improved' | 'notImproved') => {
    const { mean, clients } = row[group];
    const who = group === 'improved' ? 'clients who reliably improved' : 'clients who did not';
    const n = clients.length;
    const count = n === 1 ? '1 client' : `${n} clients`;
    return (
      <CountButton
        label={`${meanWords(mean)} mean ${row.name} at session 3 of ${who}, ${count}`}
        shown={{
          title: `${row.name} at session 3: ${group === 'improved' ? 'improved' : 'not improved'}`,
          description: `${group === 'improved' ? 'Reliably improved on an outcome measure' : 'Measured, but not reliably improved on any outcome measure'}, latest result ${periodWords}, with this measure taken at their third attended session.`,
          clients,
        }}
        onOpen={onOpen}
      >
        {meanWords(mean)} ({count})
      </CountButton>
    );
  };
  return (
    <PageSection
      title="Early alliance"
      description="The alliance at the third attended session, on average, of clients who reliably improved on any outcome measure and of those who did not. With small groups, read it as a prompt for reflection rather than a verdict."
    >
      {alliance.length === 0 ? (
        <Text size="sm" c="dimmed">
          No measured client has an alliance score from their third session in this period.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label="Early alliance" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Alliance measure</Table.Th>
                <Table.Th>Reliably improved</Table.Th>
                <Table.Th>Did not improve</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {alliance.map((row) => (
                <Table.Tr key={row.measureId}>
                  <Table.Th scope="row">{row.name}</Table.Th>
                  <Table.Td>{cell(row, 'improved')}</Table.Td>
                  <Table.Td>{cell(row, 'notImproved')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </PageSection>
  );
}
