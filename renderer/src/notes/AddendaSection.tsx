import { useState } from 'react';
import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Note } from '../../../shared/notes';
import { isRichTextEmpty, type RichTextNode } from '../../../shared/rich-text';
import { call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useUnsavedChanges } from '../navigation/navigation-guard';
import { RichTextField } from '../rich-text/RichTextField';
import { RichTextView } from '../rich-text/RichTextView';
import { useNoteChanged } from './queries';
import { useSigner } from '../measures/SignerNotice';
import { SignatureLine } from './SignatureLine';

/** Addenda after a signed note, oldest first, and the form to write and sign a new one. */
export function AddendaSection({ note }: { note: Note }) {
  const [writing, setWriting] = useState(false);
  return (
    <Stack gap="sm" component="section" aria-labelledby="addenda-heading">
      <Group justify="space-between">
        <Title order={2} size="h3" id="addenda-heading">
          Addenda
        </Title>
        {!writing && note.voided === null && (
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setWriting(true)}>
            Add addendum
          </Button>
        )}
      </Group>
      {note.addenda.length === 0 && !writing && note.voided === null && (
        <Text size="sm" c="dimmed">
          No addenda. A correction or later information is added here, dated and signed; the note above never changes.
        </Text>
      )}
      {note.addenda.map((addendum, index) => (
        <Paper key={addendum.id} withBorder p="md" radius="md" component="article" aria-label={`Addendum ${index + 1}`}>
          <Stack gap="xs">
            <SignatureLine label={addendum.kind === 'void' ? 'Void signed' : `Addendum ${index + 1} signed`} signedAt={addendum.signedAt} signedBy={addendum.signedBy} hash={addendum.hash} />
            <RichTextView doc={addendum.text} />
          </Stack>
        </Paper>
      ))}
      {writing && <AddendumForm noteId={note.id} onDone={() => setWriting(false)} />}
    </Stack>
  );
}

function AddendumForm({ noteId, onDone }: { noteId: string; onDone: () => void }) {
  const [text, setText] = useState<RichTextNode | null>(null);
  const [fieldError, setFieldError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const noteChanged = useNoteChanged();
  useUnsavedChanges(!isRichTextEmpty(text));

  // Signing is final, so it goes through a preview of exactly what will be signed, as a note does.
  const review = () => {
    if (!text || isRichTextEmpty(text)) {
      setFieldError('Write the addendum before signing it.');
      return;
    }
    setConfirming(true);
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <RichTextField
          label="New addendum"
          description="Signed with your name from Settings and today's date when you sign it."
          value={text}
          onChange={(value) => {
            setText(value);
            setFieldError(undefined);
          }}
          error={fieldError}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button onClick={review}>Sign addendum…</Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Sign addendum" size="lg" centered>
        {confirming && text && (
          <ConfirmAddendum
            text={text}
            onCancel={() => setConfirming(false)}
            onSign={async () => {
              noteChanged(await call('addAddendum', { noteId, text }));
              setConfirming(false);
              onDone();
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}

/** The preview: the addendum as it will be stored, who signs it, and that it can never change. */
function ConfirmAddendum({ text, onCancel, onSign }: { text: RichTextNode; onCancel: () => void; onSign: () => Promise<void> }) {
  const signer = useSigner();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sign = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSign();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };
  return (
    <Stack>
      <ErrorAlert message={error} />
      <Paper withBorder p="sm" radius="sm" aria-label="Addendum to be signed">
        <RichTextView doc={text} />
      </Paper>
      {signer.notice}
      <Text size="sm" c="dimmed">
        A signed addendum can never be changed or deleted.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={busy}>
          Back to editing
        </Button>
        <Button onClick={() => void sign()} loading={busy} disabled={!signer.ready} data-autofocus>
          Sign addendum
        </Button>
      </Group>
    </Stack>
  );
}
