import { useState } from 'react';
import { Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { Goal } from '../../../../shared/clients';
import { formatLocalDay } from '../../lib/dates';
import { GoalStatusBadge } from '../StatusBadge';
import { GoalForm } from './GoalForm';
import { GoalHistory } from './GoalHistory';
import { GoalMenu } from './GoalMenu';

/** One goal: its words, status, dates and objective; a menu of changes; its status history on demand. */
export function GoalCard({ goal }: { goal: Goal }) {
  const [editing, setEditing] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const historyId = `goal-history-${goal.id}`;

  if (editing) return <GoalForm mode={{ kind: 'edit', goal }} onDone={() => setEditing(false)} />;

  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={`Goal: ${goal.text}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} miw={0}>
          <Text fw={600} size="lg" dir="auto" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {goal.text}
          </Text>
          <Group gap="sm">
            <GoalStatusBadge status={goal.status} />
            <Text size="sm" c="dimmed">
              Set {formatLocalDay(goal.dateSet)}
            </Text>
            <Text size="sm" c="dimmed">
              {goal.targetDate ? `Target ${formatLocalDay(goal.targetDate)}` : 'No target date'}
            </Text>
          </Group>
          {goal.objective !== '' && (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              <Text span size="sm" fw={600}>
                Objective:
              </Text>{' '}
              {goal.objective}
            </Text>
          )}
        </Stack>
        <GoalMenu goal={goal} onEdit={() => setEditing(true)} />
      </Group>
      <Button
        variant="subtle"
        size="compact-sm"
        mt="xs"
        leftSection={historyOpen ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
        aria-expanded={historyOpen}
        aria-controls={historyId}
        onClick={() => setHistoryOpen((open) => !open)}
      >
        History
      </Button>
      <Collapse expanded={historyOpen} id={historyId}>
        <GoalHistory goal={goal} />
      </Collapse>
    </Paper>
  );
}
