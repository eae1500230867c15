import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { ApiError, call, errorMessage } from '../api';
import { formatLocalDay } from '../lib/dates';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSettings } from '../lib/settings-query';
import { useNoteChanged } from './queries';
import { useMeasuresChanged } from '../measures/queries';
import { useMedicationsChanged } from '../medications/queries';

interface VoidNoteModalProps {
  opened: boolean;
  onClose: () => void;
  noteId: string;
  clientId: string;
  sessionDate: string;
  /** How many medication changes the note applied to the list when it was signed. */
  medicationChanges: number;
}

/**
 * Voids a signed note created by mistake. Nothing is deleted: the reason is signed as an addendum, the
 * note stays in the record struck through, and its session leaves charts, alerts, counts and summaries.
 */
export function VoidNoteModal({ opened, onClose, noteId, clientId, sessionDate, medicationChanges }: VoidNoteModalProps) {
  const settings = useSettings();
  const noteChanged = useNoteChanged();
  const measuresChanged = useMeasuresChanged();
  // A voided review leaves the adherence lines and the medication alerts.
  const medicationsChanged = useMedicationsChanged();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = settings.data?.practitionerName.trim() ?? '';

  const submit = async () => {
    if (reason.trim() === '') {
      setFieldError('Give the reason the note is void.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      noteChanged(await call('voidNote', { noteId, reason }));
      measuresChanged(clientId);
      medicationsChanged(clientId);
      setReason('');
      onClose();
    } catch (caught) {
      const message = caught instanceof ApiError ? caught.fieldErrors.reason : undefined;
      if (message) setFieldError(message);
      else setError(caught instanceof ApiError && Object.keys(caught.fieldErrors).length > 0 ? Object.values(caught.fieldErrors).join(' ') : errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Void the note of ${formatLocalDay(sessionDate)}?`} centered>
      <Stack>
        <ErrorAlert message={error} />
        <Text size="sm">
          Use this for a session that was created by mistake. The note is kept, shown struck through with your reason, and left out of
          charts, alerts, session counts and summaries. The reason is signed as an addendum{name !== '' && <> by <strong>{name}</strong></>} and
          cannot be undone.
        </Text>
        {medicationChanges > 0 && (
          // The list records what was prescribed; a void says the note was a mistake, not that the prescription was.
          <Text size="sm" fw={500}>
            This note changed the medication list ({medicationChanges === 1 ? 'one change' : `${medicationChanges} changes`}). Voiding it leaves the list
            as it is: if a change did not happen, record the correction on the Medications tab.
          </Text>
        )}
        <Textarea
          label="Reason"
          description="For example: opened for the wrong client."
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setFieldError(undefined);
          }}
          error={fieldError}
          autosize
          minRows={2}
          required
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button color="red" onClick={() => void submit()} loading={busy}>
            Void note
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
