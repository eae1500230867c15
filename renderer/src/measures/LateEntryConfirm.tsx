import { useEffect, useRef, useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDay, type MeasureDefinition, type scoreMeasure } from '../../../shared/measures';
import { lateEntryLine, type MeasureResult } from '../../../shared/measure-records';
import { ApiError, call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSignedSessionChanged } from './queries';
import { ResultAnswers } from './ResultAnswers';
import { useSigner } from './SignerNotice';

export const LATE_REASON_LABEL = 'Why is it entered late?';

interface LateEntryConfirmProps {
  clientId: string;
  noteId: string;
  measure: MeasureDefinition;
  takenOn: string;
  responses: Record<string, number | null>;
  score: ReturnType<typeof scoreMeasure>;
  reason: string;
  onBack: () => void;
  /** Field problems the service found in what was typed: the form shows them at their fields. */
  onRefused: (fieldErrors: Record<string, string>) => void;
  onDone: (result: MeasureResult) => void;
}

/** What will be signed, exactly: the result, the addendum's text with its generated line, and by whom. */
export function LateEntryConfirm({ clientId, noteId, measure, takenOn, responses, score, reason, onBack, onRefused, onDone }: LateEntryConfirmProps) {
  const signer = useSigner();
  const changed = useSignedSessionChanged();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const text = reason.trim();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form's button is gone: focus the step's heading, so it is read first and Enter signs nothing.
  useEffect(() => heading.current?.focus(), []);

  const sign = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await call('recordLateEntry', { noteId, measureId: measure.id, takenOn, responses, addendumText: text });
      changed(clientId, noteId);
      onDone(result);
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldErrors : {};
      const { practitionerName, ...typed } = fields;
      setBusy(false);
      if (Object.keys(typed).length > 0) {
        onRefused(typed);
        return;
      }
      setError(practitionerName ?? errorMessage(caught));
    }
  };

  return (
    <Stack>
      <Title order={3} size="h5" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        Check what will be signed
      </Title>
      <ErrorAlert message={error} />
      <Text size="sm">This late entry and its addendum are signed together. Neither can be changed afterwards.</Text>
      <Paper withBorder p="sm" radius="md" component="section" aria-label="Result to be signed">
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {measure.name}
          </Text>
          <Text size="sm">Taken on {formatDay(takenOn)}</Text>
          <Text size="sm">
            {measure.subscales.map((subscale) => `${subscale.label} ${score.subscales[subscale.key] ?? '–'} · `).join('')}
            <strong>Total {score.total ?? '–'}</strong> of {measure.range.max}
            {score.band ? ` (${score.band.label})` : ''}
          </Text>
          <ResultAnswers measure={measure} responses={responses} />
        </Stack>
      </Paper>
      <Paper withBorder p="sm" radius="md" component="section" aria-label="Addendum to be signed">
        <Stack gap={6}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {text}
          </Text>
          <Text size="sm">{lateEntryLine(measure.shortName, takenOn)}</Text>
        </Stack>
      </Paper>
      {signer.notice}
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack} disabled={busy}>
          Back
        </Button>
        <Button onClick={() => void sign()} loading={busy} disabled={!signer.ready} data-autofocus>
          Sign late entry
        </Button>
      </Group>
    </Stack>
  );
}
