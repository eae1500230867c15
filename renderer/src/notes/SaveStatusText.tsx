import { Alert, Box, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { DraftSaver } from './draft-saver';
import { useSaveStatus } from './useDraftAutosave';
import { formatTime } from '../lib/dates';

/**
 * "Saved" / "Saving…" beside the note, announced politely to screen readers. It sits in a box of fixed
 * size with CSS containment, so flipping between states (twice a second while typing) never makes the
 * browser lay out the rest of a long note again.
 */
export function SaveStatusText({ saver }: { saver: DraftSaver }) {
  const status = useSaveStatus(saver);
  return (
    <Box w="9.5rem" h="1.5rem" style={{ contain: 'strict' }}>
      <Group gap={6} role="status" aria-live="polite" wrap="nowrap" h="100%" data-save-state={status.state}>
        {status.state === 'saved' && (
          <>
            <IconCheck size={16} aria-hidden color="var(--mantine-color-teal-7)" />
            <Text size="sm" c="dimmed" title={`Last saved ${formatTime(status.savedAt)}`}>
              Saved
            </Text>
          </>
        )}
        {status.state === 'saving' && (
          <>
            <Loader size={14} aria-hidden />
            <Text size="sm" c="dimmed">
              Saving…
            </Text>
          </>
        )}
        {status.state === 'unsaved' && (
          <Text size="sm" c="dimmed">
            Unsaved changes
          </Text>
        )}
        {status.state === 'failed' && (
          <>
            <IconAlertTriangle size={16} aria-hidden color="var(--app-color-danger-text)" />
            <Text size="sm" c="var(--app-color-danger-text)">
              Not saved
            </Text>
          </>
        )}
      </Group>
    </Box>
  );
}

/** Why the last save failed, in full, under the header; shown only while saving is failing. */
export function SaveFailure({ saver }: { saver: DraftSaver }) {
  const status = useSaveStatus(saver);
  if (status.state !== 'failed') return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} title="Your latest changes are not saved">
      {status.message}
      {status.retrying ? ' Trying again…' : ''}
    </Alert>
  );
}
