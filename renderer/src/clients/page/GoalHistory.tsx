import { Timeline, Text } from '@mantine/core';
import type { Goal } from '../../../../shared/clients';
import { formatDateTime, formatLocalDay } from '../../lib/dates';
import { GOAL_STATUS_LABELS } from '../format';

/** Every status change of a goal, oldest first, with the day it took effect and when it was recorded. */
export function GoalHistory({ goal }: { goal: Goal }) {
  if (goal.history.length === 0) {
    return (
      <Text size="sm" c="dimmed" mt="xs">
        No status changes yet.
      </Text>
    );
  }
  return (
    <Timeline active={goal.history.length - 1} bulletSize={12} lineWidth={2} mt="sm" ml={4}>
      {goal.history.map((change) => (
        <Timeline.Item
          key={`${change.recordedAt}-${change.toStatus}`}
          title={
            <Text size="sm" fw={600}>
              {change.fromStatus
                ? `${GOAL_STATUS_LABELS[change.fromStatus]} → ${GOAL_STATUS_LABELS[change.toStatus]}`
                : `Set as ${GOAL_STATUS_LABELS[change.toStatus].toLowerCase()}`}
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            {formatLocalDay(change.date)} · recorded {formatDateTime(change.recordedAt)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
