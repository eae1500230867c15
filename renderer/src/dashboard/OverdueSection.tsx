import { Anchor, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { frequencyInWords } from '../../../shared/engagement-rules';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSection } from '../components/PageSection';
import { formatLocalDay } from '../lib/dates';
import { useGuardedLink } from '../navigation/navigation-guard';
import { useOverdueClients } from './queries';

const daysOverdueInWords = (days: number): string => (days === 1 ? '1 day overdue' : `${days} days overdue`);

/**
 * "Overdue for a session": active clients whose last attended session is further back than the
 * frequency agreed with them plus the grace in Settings, the longest overdue first. Codes only.
 */
export function OverdueSection() {
  const overdue = useOverdueClients();
  const link = useGuardedLink();
  const clients = overdue.data?.clients ?? [];
  return (
    <PageSection order={2} title="Overdue for a session" description="Clients past the session frequency agreed with them, plus the grace days set in Settings.">
      {overdue.isPending && <Skeleton height={48} aria-label="Loading overdue clients" />}
      {overdue.isError && <ErrorAlert title="Overdue clients could not be loaded" message={errorMessage(overdue.error)} />}
      {overdue.isSuccess && clients.length === 0 && (
        <Text size="sm" c="dimmed">
          No one is overdue. Clients with an agreed session frequency are listed here once they go past it.
        </Text>
      )}
      {clients.length > 0 && (
        <Stack gap={6} role="list" aria-label="Overdue for a session">
          {clients.map((client) => (
            <Group key={client.clientId} gap="md" role="listitem" wrap="wrap">
              <Anchor ff="monospace" fw={600} {...link(`/clients/${client.clientId}`)}>
                {client.code}
              </Anchor>
              <Text size="sm">Agreed {frequencyInWords(client.frequency, client.everyDays)}</Text>
              <Text size="sm" c="dimmed">
                {client.lastSeen ? `Last seen ${formatLocalDay(client.lastSeen)}` : 'No session attended yet'}
              </Text>
              <Badge size="sm" variant="light" color="orange" tt="none">
                {daysOverdueInWords(client.daysOverdue)}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </PageSection>
  );
}
