import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { call, errorMessage } from '../api';
import { formatLocalDay } from '../lib/dates';
import { ErrorAlert } from '../components/ErrorAlert';

interface DeleteDraftModalProps {
  opened: boolean;
  onClose: () => void;
  noteId: string;
  sessionDate: string;
  /** Stops autosave before the delete, so nothing writes to a note that is gone. */
  beforeDelete: () => void;
  onDeleted: () => void;
}

/** Deletes a session created by mistake, with its draft; the dialog names the session so the right one goes. */
export function DeleteDraftModal({ opened, onClose, noteId, sessionDate, beforeDelete, onDeleted }: DeleteDraftModalProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      beforeDelete();
      await call('deleteDraftSession', { noteId });
      onDeleted();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Delete the session of ${formatLocalDay(sessionDate)}?`} centered>
      <Stack>
        <ErrorAlert message={error} />
        <Text>
          The session of <strong>{formatLocalDay(sessionDate)}</strong>, its draft note and any measures recorded for it are deleted. This cannot be undone.
        </Text>
        <Text size="sm" c="dimmed">
          The activity log keeps that a session was deleted, never what it said. A signed note is never deleted: it is voided with a reason instead.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            Keep the session
          </Button>
          <Button color="red" onClick={() => void remove()} loading={busy}>
            Delete session
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
