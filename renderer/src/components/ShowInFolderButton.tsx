import { useState } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFolderOpen } from '@tabler/icons-react';
import { call, errorMessage } from '../api';

/** Asks the OS file manager to show a file this app wrote; a failure is said in a notification. */
export function ShowInFolderButton({ path, ...props }: { path: string } & ButtonProps) {
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
    <Button size="compact-sm" variant="light" leftSection={<IconFolderOpen size={14} aria-hidden />} loading={busy} onClick={() => void show()} {...props}>
      Show in folder
    </Button>
  );
}
