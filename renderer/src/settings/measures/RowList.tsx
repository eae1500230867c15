import type { ReactNode } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';

interface RowListProps {
  title: string;
  description?: string;
  /** A message about the list as a whole (too few, overlapping ranges reported on the list). */
  error: string | undefined;
  addLabel: string;
  /** Why no more rows can be added; the add button is disabled while set. */
  full?: string | undefined;
  onAdd: () => void;
  children: ReactNode;
}

/** A titled list of editable rows with an "Add …" button under it; items, subscales and bands share it. */
export function RowList({ title, description, error, addLabel, full, onAdd, children }: RowListProps) {
  return (
    <Stack gap="sm">
      <div>
        <Title order={4}>{title}</Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {children}
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} disabled={full !== undefined} onClick={onAdd}>
          {addLabel}
        </Button>
        {full && (
          <Text size="sm" c="dimmed">
            {full}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
