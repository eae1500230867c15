import { useState } from 'react';
import { Modal, Select } from '@mantine/core';
import { DEFAULT_TEMPLATE_ID } from '../../../shared/note-templates';
import { call } from '../api';
import { useGuardedNavigate } from '../navigation/navigation-guard';
import { useNoteChanged, useNoteTemplates } from './queries';
import { usePrescriber } from '../medications/queries';
import { newSessionValues, valuesToSession, type SessionFormValues } from './session-form';
import { SessionDetailsForm } from './SessionDetailsForm';

interface NewSessionModalProps {
  clientId: string;
  /** The client's date of birth: no session can be dated before it. */
  dateOfBirth: string | null;
  isFirstSession: boolean;
  opened: boolean;
  onClose: () => void;
  /** Started from an appointment: its date, time, length and place fill the form, and it then shows as held. */
  appointment?: { id: string; values: Partial<SessionFormValues> } | null;
  /** Offered for a no-show or late cancellation: a missed-session record (of the appointment, if any) instead of a note. */
  onRecordMissed?: (values: SessionFormValues, appointmentId: string | null) => Promise<void>;
}

/** Records a session and opens its draft note, written on the chosen template. */
export function NewSessionModal({ clientId, dateOfBirth, isFirstSession, opened, onClose, appointment = null, onRecordMissed }: NewSessionModalProps) {
  // Cancelling hands focus back to "New session". "Start note" does not: it goes straight to the note,
  // and focus handed back to the Sessions tab while the dialog closes could land after the
  // practitioner had clicked into a section and started typing, sending the caret back to its start.
  // Reset while rendering the opening, not in an effect: the dialog records where focus was in the same
  // commit, and a second commit would record a control inside the dialog instead.
  const [returnFocus, setReturnFocus] = useState(true);
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) setReturnFocus(true);
  }
  return (
    <Modal opened={opened} onClose={onClose} title="New session" size="lg" centered returnFocus={returnFocus}>
      <NewSessionForm
        clientId={clientId}
        dateOfBirth={dateOfBirth}
        isFirstSession={isFirstSession}
        appointment={appointment}
        onClose={onClose}
        onStarted={() => setReturnFocus(false)}
        onRecordMissed={onRecordMissed}
      />
    </Modal>
  );
}

function NewSessionForm({ clientId, dateOfBirth, isFirstSession, appointment, onClose, onStarted, onRecordMissed }: Omit<NewSessionModalProps, 'opened'> & { onStarted: () => void }) {
  const templates = useNoteTemplates();
  // A medication review is for prescribers (Settings → "I prescribe"); notes already written keep theirs.
  const prescriber = usePrescriber();
  const offered = (templates.data?.templates ?? []).filter((template) => prescriber || !template.sections.some((section) => section.kind === 'medication'));
  const [templateId, setTemplateId] = useState(DEFAULT_TEMPLATE_ID);
  const noteChanged = useNoteChanged();
  const navigate = useGuardedNavigate();

  return (
    <SessionDetailsForm
      initial={{ ...newSessionValues(isFirstSession), ...appointment?.values }}
      dateOfBirth={dateOfBirth}
      submitLabel="Start note"
      onCancel={onClose}
      onRecordMissed={
        onRecordMissed &&
        (async (values) => {
          await onRecordMissed(values, appointment?.id ?? null);
          onClose();
        })
      }
      onSubmit={async (values) => {
        const note = await call('createSession', { clientId, session: valuesToSession(values), templateId, appointmentId: appointment?.id ?? null });
        noteChanged(note);
        onStarted();
        onClose();
        navigate(`/clients/${clientId}/notes/${note.id}`);
      }}
    >
      <Select
        label="Note template"
        allowDeselect={false}
        data={offered.map((template) => ({ value: template.id, label: template.name }))}
        value={templateId}
        onChange={(value) => value && setTemplateId(value)}
        error={templates.isError ? 'Templates could not be loaded; the default one will be used.' : undefined}
      />
    </SessionDetailsForm>
  );
}
