import { useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFolderOpen } from '@tabler/icons-react';
import { call, errorMessage } from '../api';

/** The last part of a path, whichever separator the operating system uses. */
const fileNameOf = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** "Progress summary saved", naming the file, with a button that shows it in the file manager. */
export function showSummarySaved(path: string, pageCount: number): void {
  notifications.show({
    color: 'teal',
    title: 'Progress summary saved',
    message: <SavedMessage path={path} pageCount={pageCount} />,
    autoClose: 15_000,
  });
}

function SavedMessage({ path, pageCount }: { path: string; pageCount: number }) {
  const [busy, setBusy] = useState(false);
  const show = async () => {
    setBusy(true);
    try {
      await call('showInFolder', { path });
    } catch (caught) {
      notifications.show({ color: 'red', title: 'The folder could not be shown', message: errorMessage(caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={6} align="flex-start">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        <bdi>{fileNameOf(path)}</bdi> ({pageCount === 1 ? '1 page' : `${pageCount} pages`})
      </Text>
      <Button size="compact-sm" variant="light" leftSection={<IconFolderOpen size={14} aria-hidden />} loading={busy} onClick={() => void show()}>
        Show in folder
      </Button>
    </Stack>
  );
}
