import { Badge } from '@mantine/core';
import type { ClientStatus, GoalStatus } from '../../../shared/clients';
import { CLIENT_STATUS_COLORS, CLIENT_STATUS_LABELS, GOAL_STATUS_COLORS, GOAL_STATUS_LABELS } from './format';

export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  return (
    <Badge variant="light" color={CLIENT_STATUS_COLORS[status]} radius="sm">
      {CLIENT_STATUS_LABELS[status]}
    </Badge>
  );
}

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  return (
    <Badge variant="light" color={GOAL_STATUS_COLORS[status]} radius="sm">
      {GOAL_STATUS_LABELS[status]}
    </Badge>
  );
}

export function ReviewDueBadge() {
  return (
    <Badge variant="filled" color="orange" radius="sm">
      Review due
    </Badge>
  );
}
