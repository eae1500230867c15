import { Badge, Group, Text } from '@mantine/core';
import type { ClientListItem } from '../../../../shared/clients';
import { formatLocalDay } from '../../lib/dates';
import { ClientStatusBadge, ReviewDueBadge } from '../StatusBadge';

/** What one row of the client list says; the row element itself belongs to ClientList. */
export function ClientRow({ client }: { client: ClientListItem }) {
  const { legalName, preferredName, pronouns, code, status, lastSessionDate, reviewDue, reviewDate } = client;
  const showPreferred = preferredName !== '' && preferredName !== legalName;
  return (
    <>
      <Group gap={8} wrap="nowrap" miw={0}>
        <Text fw={600} truncate dir="auto" className="client-row-name">
          {legalName}
        </Text>
        {showPreferred && (
          <Text size="sm" c="dimmed" truncate>
            goes by <bdi>{preferredName}</bdi>
          </Text>
        )}
        {pronouns !== '' && (
          <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
            ({pronouns})
          </Text>
        )}
      </Group>
      <Group gap={10} wrap="nowrap" mt={4}>
        <Badge variant="outline" color="gray" radius="sm" ff="monospace" tt="none">
          {code}
        </Badge>
        <ClientStatusBadge status={status} />
        <Text size="sm" c="dimmed">
          {lastSessionDate ? `Last session ${formatLocalDay(lastSessionDate)}` : 'No sessions yet'}
        </Text>
        {reviewDue ? (
          <ReviewDueBadge />
        ) : (
          reviewDate && (
            <Text size="sm" c="dimmed">
              Review {formatLocalDay(reviewDate)}
            </Text>
          )
        )}
      </Group>
    </>
  );
}
