import { Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { SaveStatus } from './draft-saver';

const timeFormatter = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "Saved" / "Saving…" beside the note, announced politely to screen readers. */
export function SaveStatusText({ status }: { status: SaveStatus }) {
  return (
    <Group gap={6} role="status" aria-live="polite" wrap="nowrap" data-save-state={status.state}>
      {status.state === 'saved' && (
        <>
          <IconCheck size={16} aria-hidden color="var(--mantine-color-teal-7)" />
          <Text size="sm" c="dimmed" title={`Last saved ${timeFormatter.format(new Date(status.savedAt))}`}>
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
          <IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-red-7)" />
          <Text size="sm" c="red.7">
            Not saved: {status.message}
            {status.retrying ? ' Trying again…' : ''}
          </Text>
        </>
      )}
    </Group>
  );
}
