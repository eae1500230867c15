import { Group, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

/** A constant reminder of where the data lives; nothing here ever leaves the computer. */
export function ShellFooter() {
  return (
    <Group h="100%" px="md" gap={6}>
      <IconLock size={14} aria-hidden color="var(--mantine-color-teal-7)" />
      <Text size="xs" c="dimmed">
        Offline · encrypted
      </Text>
    </Group>
  );
}
