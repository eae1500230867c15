import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { localIsoDate } from '../../../shared/dates';
import { formatLocalDay } from '../lib/dates';
import { PageSection } from '../components/PageSection';
import { usePracticeOverview } from '../measures/queries';
import { useGuardedLink } from '../navigation/navigation-guard';

/** Treatment plans whose review date has come, oldest first (from the same overview call). */
export function ReviewsDueSection() {
  const overview = usePracticeOverview();
  const link = useGuardedLink();
  const today = localIsoDate();
  const due = (overview.data?.clients ?? [])
    .filter((client) => client.nextReviewDate !== null && client.nextReviewDate <= today)
    .sort((a, b) => (a.nextReviewDate ?? '').localeCompare(b.nextReviewDate ?? ''));
  if (!overview.isSuccess) return null;
  return (
    <PageSection order={2} title="Plan reviews due" description="Active clients whose treatment plan review date has come.">
      {due.length === 0 ? (
        <Text size="sm" c="dimmed">
          No plan review is due.
        </Text>
      ) : (
        <Stack gap={6} role="list" aria-label="Plan reviews due">
          {due.map((client) => (
            <Group key={client.clientId} gap="md" role="listitem">
              <Anchor ff="monospace" fw={600} {...link(`/clients/${client.clientId}`)}>
                {client.code}
              </Anchor>
              <Text size="sm">{formatLocalDay(client.nextReviewDate ?? today)}</Text>
              <Badge size="sm" variant="light" color="yellow">
                Review due
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </PageSection>
  );
}
