import { Modal } from '@mantine/core';
import type { AgendaItem } from '../../../shared/engagement';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useClient } from '../clients/queries';
import { NewSessionModal } from '../notes/NewSessionModal';
import { useSessions } from '../notes/queries';

interface StartNoteModalProps {
  item: AgendaItem;
  opened: boolean;
  onClose: () => void;
}

/**
 * The client page's "New session" dialog, started from an appointment: its date, time, length and place
 * are filled in, and the session is linked to it so the agenda shows it as held. The client's date of
 * birth and whether this is their first session come from the same queries the client page uses.
 */
export function StartNoteModal({ item, opened, onClose }: StartNoteModalProps) {
  const client = useClient(item.clientId);
  const sessions = useSessions(item.clientId);
  const failure = client.error ?? sessions.error;
  if (failure) {
    return (
      <Modal opened={opened} onClose={onClose} title="New session" centered>
        <ErrorAlert title="The session could not be started" message={errorMessage(failure)} />
      </Modal>
    );
  }
  const ready = client.isSuccess && sessions.isSuccess;
  return (
    <NewSessionModal
      clientId={item.clientId}
      dateOfBirth={client.data?.dateOfBirth ?? null}
      isFirstSession={(sessions.data?.sessions.length ?? 0) === 0}
      opened={opened && ready}
      onClose={onClose}
      appointment={{ id: item.id, values: { date: item.date, startTime: item.startTime, durationMinutes: item.durationMinutes, modality: item.place } }}
    />
  );
}
