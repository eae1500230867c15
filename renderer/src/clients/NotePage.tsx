import { Center, Loader } from '@mantine/core';
import { DraftNoteEditor } from '../notes/DraftNoteEditor';
import { useNote } from '../notes/queries';
import { SignedNoteView } from '../notes/SignedNoteView';
import { ClientLoadError } from './page/ClientLoadError';
import { useClient } from './queries';

/** `/clients/:clientId/notes/:noteId`: the draft editor, or the signed note with its addenda. */
export function NotePage({ clientId, noteId }: { clientId: string; noteId: string }) {
  const client = useClient(clientId);
  const note = useNote(noteId);
  if (client.error) return <ClientLoadError error={client.error} />;
  if (note.error) return <ClientLoadError error={note.error} subject="note" />;
  if (!client.data || !note.data) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading note" />
      </Center>
    );
  }
  // Keyed by status: signing swaps the editor (which saves and lets go) for the read-only view.
  return note.data.status === 'draft' ? (
    <DraftNoteEditor key={`${note.data.id}-draft`} note={note.data} client={client.data} />
  ) : (
    <SignedNoteView key={`${note.data.id}-signed`} note={note.data} client={client.data} />
  );
}
