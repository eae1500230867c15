import { Badge, Button, Center, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { ActivityEntry } from '../../../shared/clients';
import { medicationEventKinds, medicationEventWords, type MedicationEventKind } from '../../../shared/medications';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDateTime, formatLocalDay } from '../lib/dates';
import { ACTIVITY_ACTION_LABELS, activityCountWords, activityKindWords, fieldLabel, recordTypeLabel } from './format';
import { useActivity } from './queries';

interface ActivityListProps {
  /** One client's entries; null for the whole practice (then each row names the client by code). */
  clientId: string | null;
}

/** A medication change's kind in words; the log holds the kind and the date, never the medication. */
const isEventKind = (value: string): value is MedicationEventKind => medicationEventKinds.some((kind) => kind === value);
const changeWords = (change: string): string => (isEventKind(change) ? medicationEventWords[change] : change);

/** The append-only activity log, newest first: what was done to which record, never the content. */
export function ActivityList({ clientId }: ActivityListProps) {
  const activity = useActivity(clientId);
  const entries = activity.data?.pages.flatMap((page) => page.entries) ?? [];
  const practice = clientId === null;

  if (activity.isError) return <ErrorAlert title="The activity log could not be loaded" message={errorMessage(activity.error)} />;
  if (activity.isPending) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label="Loading activity">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} height={20} />
        ))}
      </Stack>
    );
  }
  if (entries.length === 0) return <Text c="dimmed">No activity recorded yet.</Text>;

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="xs" aria-label={practice ? 'Practice activity' : 'Client activity'}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time</Table.Th>
              {practice && <Table.Th>Client</Table.Th>}
              <Table.Th>Action</Table.Th>
              <Table.Th>Record</Table.Th>
              <Table.Th>Changed fields</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <ActivityRow key={entry.seq} entry={entry} practice={practice} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {activity.hasNextPage && (
        <Center>
          <Button variant="default" loading={activity.isFetchingNextPage} onClick={() => void activity.fetchNextPage()}>
            Load more
          </Button>
        </Center>
      )}
    </Stack>
  );
}

function ActivityRow({ entry, practice }: { entry: ActivityEntry; practice: boolean }) {
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
      {practice && (
        <Table.Td>
          {entry.clientCode ? (
            <Text span ff="monospace" size="sm">
              {entry.clientCode}
            </Text>
          ) : (
            <Text span c="dimmed" size="sm">
              Deleted client
            </Text>
          )}
        </Table.Td>
      )}
      <Table.Td>
        <Badge variant="light" color={entry.action === 'erase' ? 'red' : 'gray'} radius="sm" tt="none">
          {ACTIVITY_ACTION_LABELS[entry.action]}
        </Badge>
      </Table.Td>
      <Table.Td>
        {recordTypeLabel(entry.recordType)}
        {entry.detail?.measure && (
          <Text span size="sm">
            {' '}
            · <bdi>{entry.detail.measure}</bdi>
          </Text>
        )}
        {entry.detail?.change && (
          <Text span size="sm">
            {' '}
            · {changeWords(entry.detail.change)}
          </Text>
        )}
        {entry.recordType === 'client' && entry.detail?.count !== undefined && (
          <Text span size="sm">
            {' '}
            · {entry.detail.count.toLocaleString()} {entry.detail.count === 1 ? 'client' : 'clients'} imported
          </Text>
        )}
        {entry.detail?.kind && (
          <Text span size="sm">
            {' '}
            · {activityKindWords(entry.recordType, entry.detail.kind)}
          </Text>
        )}
        {entry.recordType !== 'client' && entry.detail?.count !== undefined && (
          <Text span size="sm">
            {' '}
            · {activityCountWords(entry.recordType, entry.detail.count)}
          </Text>
        )}
        {entry.detail?.date && (
          <Text span size="sm" c="dimmed">
            {' '}
            · dated {formatLocalDay(entry.detail.date)}
          </Text>
        )}
        {entry.detail?.sessionDate && (
          <Text span size="sm" c="dimmed">
            {' '}
            · session of {formatLocalDay(entry.detail.sessionDate)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {entry.fields.length === 0 ? (
          <Text span c="dimmed" size="sm">
            —
          </Text>
        ) : (
          <Text span size="sm">
            {entry.fields.map(fieldLabel).join(', ')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
