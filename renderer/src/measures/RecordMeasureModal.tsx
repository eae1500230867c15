import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { MeasureEntryForm } from './MeasureEntryForm';

interface RecordMeasureModalProps {
  clientId: string;
  session: { id: string; date: string } | null;
  opened: boolean;
  onClose: () => void;
  /** The session's note is signed: the result is entered late, with a signed addendum. */
  lateEntry?: { noteId: string } | undefined;
}

/** "Record a measure", for a session or on its own (an intake questionnaire); "Record late entry" once signed. */
export function RecordMeasureModal({ clientId, session, opened, onClose, lateEntry }: RecordMeasureModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={lateEntry ? 'Record late entry' : 'Record a measure'} size="lg" centered closeOnClickOutside={!lateEntry}>
      {opened && (
        <MeasureEntryForm
          clientId={clientId}
          session={session}
          onCancel={onClose}
          lateEntry={lateEntry}
          onDone={(result) => {
            const saved = lateEntry ? 'Late entry signed' : 'Result saved';
            notifications.show({ color: 'teal', message: result.total === null ? saved : `${saved}: total ${result.total}` });
            onClose();
          }}
        />
      )}
    </Modal>
  );
}
