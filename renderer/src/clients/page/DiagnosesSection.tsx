import { useState } from 'react';
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Client, Diagnosis } from '../../../../shared/clients';
import { formatLocalDay } from '../../lib/dates';
import { AddDiagnosisForm } from './AddDiagnosisForm';
import { RemoveDiagnosisModal } from './RemoveDiagnosisModal';

/** Current diagnoses (each removable with a date), the removed ones for the history, and a way to add. */
export function DiagnosesSection({ client }: { client: Client }) {
  const [removing, setRemoving] = useState<Diagnosis | null>(null);
  const current = client.diagnoses.filter((diagnosis) => diagnosis.dateRemoved === null);
  const removed = client.diagnoses.filter((diagnosis) => diagnosis.dateRemoved !== null);

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-label="Diagnoses">
      <Title order={2} size="h4" mb="sm">
        Diagnoses
      </Title>
      <Stack gap="md">
        {current.length === 0 ? (
          <Text c="dimmed" size="sm">
            No current diagnosis.
          </Text>
        ) : (
          <Table verticalSpacing="xs" aria-label="Current diagnoses">
            <Table.Tbody>
              {current.map((diagnosis) => (
                <Table.Tr key={diagnosis.id}>
                  <Table.Td w={110} ff="monospace">
                    {diagnosis.code}
                  </Table.Td>
                  <Table.Td dir="auto">{diagnosis.label}</Table.Td>
                  <Table.Td w={170} c="dimmed" fz="sm">
                    Added {formatLocalDay(diagnosis.dateAdded)}
                  </Table.Td>
                  <Table.Td w={100} ta="right">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      aria-label={`Remove diagnosis ${[diagnosis.code, diagnosis.label].filter(Boolean).join(' ')}`}
                      onClick={() => setRemoving(diagnosis)}
                    >
                      Remove
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {removed.length > 0 && (
          <Stack gap={4}>
            <Title order={3} size="h6" c="dimmed">
              Removed diagnoses
            </Title>
            {removed.map((diagnosis) => (
              <Group key={diagnosis.id} gap="xs" c="dimmed" fz="sm">
                <Text span ff="monospace" fz="sm">
                  {diagnosis.code}
                </Text>
                <Text span dir="auto" fz="sm" td="line-through">
                  {diagnosis.label}
                </Text>
                <Text span fz="sm">
                  {formatLocalDay(diagnosis.dateAdded)} – {diagnosis.dateRemoved ? formatLocalDay(diagnosis.dateRemoved) : ''}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        <AddDiagnosisForm clientId={client.id} />
      </Stack>
      <RemoveDiagnosisModal clientId={client.id} diagnosis={removing} onClose={() => setRemoving(null)} />
    </Paper>
  );
}
