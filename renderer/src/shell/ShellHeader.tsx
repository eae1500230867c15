import { Button, Group, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconLock, IconShieldLock } from '@tabler/icons-react';

// Say the shortcut the way the practitioner's keyboard labels it.
const LOCK_SHORTCUT = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘L' : 'Ctrl+L';

/** Header with the app name and the always-visible way to lock. */
export function ShellHeader({ onLock, locking }: { onLock: () => void; locking: boolean }) {
  return (
    <Group h="100%" px="md" justify="space-between">
      <Group gap="xs">
        <ThemeIcon variant="light" radius="xl" aria-hidden>
          <IconShieldLock size={18} />
        </ThemeIcon>
        <Text fw={700} size="lg">
          Alliance Notes
        </Text>
      </Group>
      <Tooltip label={`Lock (${LOCK_SHORTCUT})`}>
        <Button
          variant="default"
          aria-label="Lock vault"
          leftSection={<IconLock size={18} aria-hidden />}
          loading={locking}
          onClick={onLock}
        >
          Lock
        </Button>
      </Tooltip>
    </Group>
  );
}
