import { useState } from 'react';
import { Button, Collapse, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { MeasureResult } from '../../../shared/measure-records';
import type { MeasureDefinition } from '../../../shared/measures';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { RecordMeasureModal } from './RecordMeasureModal';
import { RemoveResultButton } from './RemoveResultButton';
import { ResultAnswers } from './ResultAnswers';
import { ResultMarks } from './ResultMarks';
import { StrikeOutResultButton } from './StrikeOutResultButton';
import { useMeasureDefinitions, useMeasureResults } from './queries';

interface SessionMeasuresPanelProps {
  clientId: string;
  session: { id: string; date: string };
  /** Set once the session's note is signed: results are then entered late or struck out, never removed. */
  signed?: { noteId: string; voided: boolean } | undefined;
}

/**
 * The measures taken in this session. On a draft: "Record a measure" and Remove. Once the note is
 * signed: "Record late entry" and Strike out, each signed as an addendum. Once voided: neither.
 */
export function SessionMeasuresPanel({ clientId, session, signed }: SessionMeasuresPanelProps) {
  const results = useMeasureResults(clientId);
  const definitions = useMeasureDefinitions();
  const [recording, setRecording] = useState(false);
  const own = (results.data?.results ?? []).filter((result) => result.sessionId === session.id);
  const measureOf = (measureId: string) => definitions.data?.measures.find((measure) => measure.id === measureId);
  // A result's answers are read under the version it was recorded with (listMeasureResults sends them).
  const versionOf = (result: MeasureResult) =>
    results.data?.definitions.find((measure) => measure.id === result.measureId && measure.version === result.measureVersion);
  const subscaleLabel = (measureId: string, key: string) => measureOf(measureId)?.subscales.find((subscale) => subscale.key === key)?.label ?? key;
  const voided = signed?.voided ?? false;

  const action = (result: MeasureResult) => {
    if (!signed) return <RemoveResultButton clientId={clientId} resultId={result.id} />;
    if (voided || result.struckOut) return null;
    const measure = measureOf(result.measureId);
    return (
      <StrikeOutResultButton
        clientId={clientId}
        noteId={signed.noteId}
        result={result}
        measureName={measure?.name ?? result.measureId}
        measureShortName={measure?.shortName ?? result.measureId}
      />
    );
  };

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="session-measures-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={2} size="h4" id="session-measures-heading">
              Measures
            </Title>
            <Text size="sm" c="dimmed">
              {voided
                ? 'This session was voided: its results are kept in the record but left out of charts, alerts and summaries.'
                : signed
                  ? 'This note is signed: a result entered now is a late entry, signed as an addendum.'
                  : "Alliance and outcome scores from this session; they appear on the client's charts."}
            </Text>
          </div>
          {!voided && (
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRecording(true)}>
              {signed ? 'Record late entry' : 'Record a measure'}
            </Button>
          )}
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
              {own.map((result) => {
                const struck = result.struckOut !== null;
                const scores = (
                  <>
                    {Object.entries(result.subscales)
                      .map(([key, value]) => `${subscaleLabel(result.measureId, key)} ${value ?? '–'}`)
                      .join(' · ')}
                  </>
                );
                const total = <>Total {result.total ?? '–'}</>;
                return (
                  <Table.Tr key={result.id}>
                    <Table.Td>
                      {measureOf(result.measureId)?.name ?? result.measureId}
                      <AnswersToggle result={result} measure={versionOf(result)} />
                    </Table.Td>
                    <Table.Td>{struck ? <s>{scores}</s> : scores}</Table.Td>
                    <Table.Td fw={600}>{struck ? <s>{total}</s> : total}</Table.Td>
                    <Table.Td>
                      <ResultMarks lateEntry={result.lateEntry ? result.createdAt : null} struckOut={result.struckOut?.reason ?? null} sessionVoided={false} />
                    </Table.Td>
                    <Table.Td ta="right">{action(result)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <RecordMeasureModal
        clientId={clientId}
        session={session}
        opened={recording}
        onClose={() => setRecording(false)}
        lateEntry={signed && !voided ? { noteId: signed.noteId } : undefined}
      />
    </Paper>
  );
}

/** A result's item answers, shown on request (they are long; the totals are what is read most). */
function AnswersToggle({ result, measure }: { result: MeasureResult; measure: MeasureDefinition | undefined }) {
  const [open, setOpen] = useState(false);
  if (!measure) return null;
  return (
    <>
      <Button variant="subtle" size="compact-xs" ml="xs" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        {open ? 'Hide answers' : 'Show answers'}
      </Button>
      <Collapse expanded={open}>
        <ResultAnswers measure={measure} responses={result.responses} label={`Answers, ${measure.shortName}`} />
      </Collapse>
    </>
  );
}
