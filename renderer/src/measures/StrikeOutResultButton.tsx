import { useState } from 'react';
import { Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { struckOutLines } from '../../../shared/measure-records';
import { ApiError, call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSignedSessionChanged } from './queries';
import { useSigner } from './SignerNotice';

interface StrikeOutResultButtonProps {
  clientId: string;
  noteId: string;
  result: { id: string; takenOn: string };
  /** The measure's name, as the table shows it, and its short name, as the addendum names it. */
  measureName: string;
  measureShortName: string;
}

const REASON_NEEDED = 'Give the reason the result was recorded in error.';

/**
 * A signed session's result recorded in error: struck out through a signed addendum with the reason.
 * It stays in the record, struck through, and leaves the charts, alerts and summaries.
 */
export function StrikeOutResultButton(props: StrikeOutResultButtonProps) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setOpened(true)} aria-label={`Strike out the ${props.measureName} result`}>
        Strike out
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Strike out a result" centered closeOnClickOutside={false}>
        {opened && <StrikeOutForm {...props} onClose={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function StrikeOutForm({ clientId, noteId, result, measureName, measureShortName, onClose }: StrikeOutResultButtonProps & { onClose: () => void }) {
  const signer = useSigner();
  const changed = useSignedSessionChanged();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [line, reasonLine] = struckOutLines(measureShortName, result.takenOn, reason.trim() || '…');

  const strike = async () => {
    if (reason.trim() === '') {
      setReasonError(REASON_NEEDED);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('strikeOutMeasureResult', { resultId: result.id, reason: reason.trim() });
      changed(clientId, noteId);
      onClose();
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldErrors : {};
      if (fields.reason) setReasonError(fields.reason);
      else setError(fields.practitionerName ?? errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Stack>
      <ErrorAlert message={error} />
      <Text size="sm">
        The {measureName} result stays in the record, shown struck through with your reason, and is left out of charts, alerts and summaries. An addendum saying so is
        signed to the note.
      </Text>
      <Textarea
        label="Why was it recorded in error?"
        required
        autosize
        minRows={2}
        maxLength={500}
        value={reason}
        error={reasonError}
        onChange={(event) => {
          setReason(event.currentTarget.value);
          setReasonError(null);
        }}
        data-autofocus
      />
      <Paper withBorder p="sm" radius="md" component="section" aria-label="Addendum to be signed">
        <Stack gap={4}>
          <Text size="sm">{line}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {reasonLine}
          </Text>
        </Stack>
      </Paper>
      {signer.notice}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button color="red" onClick={() => void strike()} loading={busy} disabled={!signer.ready}>
          Strike out and sign
        </Button>
      </Group>
    </Stack>
  );
}
