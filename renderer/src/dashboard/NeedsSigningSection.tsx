import { EmptyState, Skeleton, Stack } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { NEEDS_SIGNING_AFTER_DAYS } from '../../../shared/notes';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSection } from '../components/PageSection';
import { UnsignedNoteList } from './UnsignedNoteList';
import { useUnsignedNotes } from './queries';

/** Drafts left unsigned for more than a few days, oldest first, each a link to its note. */
export function NeedsSigningSection() {
  const unsigned = useUnsignedNotes();
  const notes = unsigned.data?.notes ?? [];

  return (
    <PageSection
      order={2}
      title="Needs signing"
      description={`Draft notes from sessions more than ${NEEDS_SIGNING_AFTER_DAYS} days ago, oldest first.`}
    >
      {unsigned.isPending && (
        <Stack gap="xs" aria-busy="true" aria-label="Loading notes that need signing">
          {Array.from({ length: 3 }, (_, index) => (
            <Skeleton key={index} height={36} />
          ))}
        </Stack>
      )}
      {unsigned.isError && <ErrorAlert title="Notes that need signing could not be loaded" message={errorMessage(unsigned.error)} />}
      {unsigned.isSuccess && notes.length === 0 && (
        <EmptyState icon={<IconCircleCheck size={28} aria-hidden />}>
          <EmptyState.Title>All notes are signed</EmptyState.Title>
          <EmptyState.Description>No draft has been waiting more than {NEEDS_SIGNING_AFTER_DAYS} days.</EmptyState.Description>
        </EmptyState>
      )}
      {notes.length > 0 && <UnsignedNoteList notes={notes} />}
    </PageSection>
  );
}
