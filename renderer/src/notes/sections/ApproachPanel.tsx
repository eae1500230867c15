import { useId } from 'react';
import { Chip, Group, Stack, Text } from '@mantine/core';
import { APPROACH_LABELS } from '../../../../shared/note-labels';
import { sessionApproaches, type SessionApproach } from '../../../../shared/notes';

interface ApproachPanelProps {
  value: SessionApproach[];
  onChange: (value: SessionApproach[]) => void;
}

export const APPROACH_GROUP_LABEL = 'Approach in this session';

/**
 * The stance taken in the session, one or more. Kept in the fixed order of the list whatever order
 * they were clicked in, so the strip under the alliance chart reads the same way every session.
 */
export function ApproachPanel({ value, onChange }: ApproachPanelProps) {
  const labelId = useId();
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id={labelId}>
        {APPROACH_GROUP_LABEL}
      </Text>
      <Chip.Group
        multiple
        value={value}
        onChange={(next) => onChange(sessionApproaches.filter((approach) => next.includes(approach)))}
      >
        <Group gap="xs" role="group" aria-labelledby={labelId}>
          {sessionApproaches.map((approach) => (
            <Chip key={approach} value={approach} size="sm" variant="outline">
              {APPROACH_LABELS[approach]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}
