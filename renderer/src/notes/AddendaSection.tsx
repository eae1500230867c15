import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Note } from '../../../shared/notes';
import { isRichTextEmpty, type RichTextNode } from '../../../shared/rich-text';
import { call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useUnsavedChanges } from '../navigation/navigation-guard';
import { RichTextField } from '../rich-text/RichTextField';
import { RichTextView } from '../rich-text/RichTextView';
import { useNoteChanged } from './queries';
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
        {!writing && (
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setWriting(true)}>
            Add addendum
          </Button>
        )}
      </Group>
      {note.addenda.length === 0 && !writing && (
        <Text size="sm" c="dimmed">
          No addenda. A correction or later information is added here, dated and signed; the note above never changes.
        </Text>
      )}
      {note.addenda.map((addendum, index) => (
        <Paper key={addendum.id} withBorder p="md" radius="md" component="article" aria-label={`Addendum ${index + 1}`}>
          <Stack gap="xs">
            <SignatureLine label={`Addendum ${index + 1} signed`} signedAt={addendum.signedAt} signedBy={addendum.signedBy} hash={addendum.hash} />
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
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteChanged = useNoteChanged();
  useUnsavedChanges(!isRichTextEmpty(text));

  const sign = async () => {
    if (!text || isRichTextEmpty(text)) {
      setFieldError('Write the addendum before signing it.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      noteChanged(await call('addAddendum', { noteId, text }));
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <ErrorAlert message={error} />
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
          <Button variant="default" onClick={onDone} disabled={busy}>
            Cancel
          </Button>
          <Button onClick={() => void sign()} loading={busy}>
            Sign addendum
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
