import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { MeasureEntryForm } from './MeasureEntryForm';

interface RecordMeasureModalProps {
  clientId: string;
  session: { id: string; date: string } | null;
  opened: boolean;
  onClose: () => void;
}

/** "Record a measure", for a session or on its own (an intake questionnaire). */
export function RecordMeasureModal({ clientId, session, opened, onClose }: RecordMeasureModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Record a measure" size="lg" centered>
      {opened && (
        <MeasureEntryForm
          clientId={clientId}
          session={session}
          onCancel={onClose}
          onDone={(result) => {
            notifications.show({ color: 'teal', message: result.total === null ? 'Result saved' : `Result saved: total ${result.total}` });
            onClose();
          }}
        />
      )}
    </Modal>
  );
}
