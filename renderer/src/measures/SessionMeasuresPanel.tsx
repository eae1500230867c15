import { useState } from 'react';
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { RecordMeasureModal } from './RecordMeasureModal';
import { RemoveResultButton } from './RemoveResultButton';
import { useMeasureDefinitions, useMeasureResults } from './queries';

interface SessionMeasuresPanelProps {
  clientId: string;
  session: { id: string; date: string };
}

/** The measures taken in this session, and "Record a measure" to attach another. */
export function SessionMeasuresPanel({ clientId, session }: SessionMeasuresPanelProps) {
  const results = useMeasureResults(clientId);
  const definitions = useMeasureDefinitions();
  const [recording, setRecording] = useState(false);
  const own = (results.data?.results ?? []).filter((result) => result.sessionId === session.id);
  const measureOf = (measureId: string) => definitions.data?.measures.find((measure) => measure.id === measureId);
  const subscaleLabel = (measureId: string, key: string) => measureOf(measureId)?.subscales.find((subscale) => subscale.key === key)?.label ?? key;

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="session-measures-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={2} size="h4" id="session-measures-heading">
              Measures
            </Title>
            <Text size="sm" c="dimmed">
              Alliance and outcome scores from this session; they appear on the client&apos;s charts.
            </Text>
          </div>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRecording(true)}>
            Record a measure
          </Button>
        </Group>
        {results.isError && <ErrorAlert message={errorMessage(results.error)} />}
        {results.isSuccess && own.length === 0 && (
          <Text size="sm" c="dimmed">
            No measures recorded for this session.
          </Text>
        )}
        {own.length > 0 && (
          <Table aria-label="Measures in this session" verticalSpacing={4}>
            <Table.Tbody>
              {own.map((result) => (
                <Table.Tr key={result.id}>
                  <Table.Td>{measureOf(result.measureId)?.name ?? result.measureId}</Table.Td>
                  <Table.Td>
                    {Object.entries(result.subscales)
                      .map(([key, value]) => `${subscaleLabel(result.measureId, key)} ${value ?? '–'}`)
                      .join(' · ')}
                  </Table.Td>
                  <Table.Td fw={600}>Total {result.total ?? '–'}</Table.Td>
                  <Table.Td ta="right">
                    <RemoveResultButton clientId={clientId} resultId={result.id} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <RecordMeasureModal clientId={clientId} session={session} opened={recording} onClose={() => setRecording(false)} />
    </Paper>
  );
}
