import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { Client } from '../../../../shared/clients';
import { ageOn, localIsoDate } from '../../../../shared/dates';
import { formatLocalDay } from '../../lib/dates';
import { formatAge } from '../format';
import { ClientStatusBadge, ReviewDueBadge } from '../StatusBadge';
import { ClientActions } from './ClientActions';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';

/** Who this is at a glance: name, how they like to be addressed, code, status, age; and what to do next. */
export function ClientHeader({ client }: { client: Client }) {
  const { legalName, preferredName, pronouns, code, status, dateOfBirth, dischargeDate, reviewDue } = client;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const facts: string[] = [];
  if (preferredName !== '' && preferredName !== legalName) facts.push(`Goes by ${preferredName}`);
  if (pronouns !== '') facts.push(pronouns);
  if (dateOfBirth) facts.push(formatAge(ageOn(dateOfBirth, localIsoDate())));

  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
      <Stack gap={6} miw={0}>
        <Title order={1} dir="auto" ref={heading} tabIndex={-1} className="focus-target" style={{ overflowWrap: 'anywhere' }}>
          {legalName}
        </Title>
        {facts.length > 0 && (
          <Text c="dimmed" dir="auto">
            {facts.join(' · ')}
          </Text>
        )}
        <Group gap="xs">
          <Badge variant="outline" color="gray" radius="sm" ff="monospace" tt="none" aria-label={`Client code ${code}`}>
            {code}
          </Badge>
          <ClientStatusBadge status={status} />
          {status === 'discharged' && dischargeDate && (
            <Text size="sm" c="dimmed">
              since {formatLocalDay(dischargeDate)}
            </Text>
          )}
          {reviewDue && <ReviewDueBadge />}
        </Group>
      </Stack>
      <ClientActions client={client} />
    </Group>
  );
}
