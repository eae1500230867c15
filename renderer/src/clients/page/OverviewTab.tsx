import type { ReactNode } from 'react';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Client } from '../../../../shared/clients';
import { isRichTextEmpty } from '../../../../shared/rich-text';
import { RichTextView } from '../../rich-text/RichTextView';
import { formatLocalDay } from '../../lib/dates';
import { CLIENT_STATUS_LABELS } from '../format';
import { DetailBlock, type Detail } from './DetailList';
import { DiagnosesSection } from './DiagnosesSection';

const day = (value: string | null): string => (value ? formatLocalDay(value) : '');

/** Everything recorded about the client apart from the plan: contact, care, concerns, diagnoses. */
export function OverviewTab({ client }: { client: Client }) {
  const personal: Detail[] = [
    ['Phone', client.phone],
    ['Email', client.email],
    ['Address', client.address],
    ['Date of birth', day(client.dateOfBirth)],
  ];
  const emergency: Detail[] = [
    ['Name', client.emergencyContact.name],
    ['Relation', client.emergencyContact.relation],
    ['Phone', client.emergencyContact.phone],
  ];
  const care: Detail[] = [
    ['Intake date', day(client.intakeDate)],
    ['Referral source', client.referralSource],
    ['Status', CLIENT_STATUS_LABELS[client.status]],
    ...(client.status === 'discharged'
      ? ([
          ['Discharge date', day(client.dischargeDate)],
          ['How therapy ended', client.dischargeKind === 'planned' ? 'Planned ending' : client.dischargeKind === 'unplanned' ? 'Unplanned (stopped attending)' : ''],
          ['Discharge reason', client.dischargeReason],
        ] satisfies Detail[])
      : []),
  ];

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DetailBlock title="Personal details" details={personal} />
        <Stack gap="md">
          <DetailBlock title="Emergency contact" details={emergency} />
          <DetailBlock title="Care" details={care} />
        </Stack>
      </SimpleGrid>
      <TextBlock title="Presenting concerns">
        {isRichTextEmpty(client.presentingConcerns) || !client.presentingConcerns ? (
          <Empty />
        ) : (
          <RichTextView doc={client.presentingConcerns} />
        )}
      </TextBlock>
      <DiagnosesSection client={client} />
      <TextBlock title="Tags">
        {client.tags.length === 0 ? (
          <Empty />
        ) : (
          <Group gap={6}>
            {client.tags.map((tag) => (
              <Badge key={tag} variant="light" color="gray" tt="none" radius="sm">
                <bdi>{tag}</bdi>
              </Badge>
            ))}
          </Group>
        )}
      </TextBlock>
      <TextBlock title="Private remarks">
        {client.privateRemarks === '' ? (
          <Empty />
        ) : (
          <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {client.privateRemarks}
          </Text>
        )}
      </TextBlock>
    </Stack>
  );
}

function TextBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

const Empty = () => (
  <Text c="dimmed" size="sm">
    Not recorded
  </Text>
);
