import { Fragment, useState } from 'react';
import { Anchor, Badge, Button, Center, EmptyState, Group, Loader, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconNotes, IconPlus } from '@tabler/icons-react';
import type { Client } from '../../../shared/clients';
import type { SessionSummary } from '../../../shared/notes';
import { errorMessage } from '../api';
import { formatLocalDay } from '../lib/dates';
import { ErrorAlert } from '../components/ErrorAlert';
import { useGuardedLink } from '../navigation/navigation-guard';
import { NewSessionModal } from './NewSessionModal';
import { ATTENDANCE_COLORS, ATTENDANCE_LABELS, RISK_COLORS, RISK_LABELS, SESSION_TYPE_LABELS, sessionTimeParts } from '../../../shared/note-labels';
import { noteLinkNames } from './note-link-names';
import { useSessions } from './queries';
import { newestFirst, type TimelineEntry, type TimelineExtras } from './timeline-extras';

/**
 * The client timeline: every session newest first, with its note's state, and "New session"; with
 * `extras`, missed sessions and contacts between sessions among them.
 */
export function SessionsTab({ client, extras }: { client: Client; extras?: TimelineExtras }) {
  const sessions = useSessions(client.id);
  const [creating, setCreating] = useState(false);
  const list = sessions.data?.sessions ?? [];
  const entries = extras?.entries ?? [];
  const newButton = (
    <Group gap="xs">
      {extras?.actions}
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
        New session
      </Button>
    </Group>
  );

  return (
    <>
      {sessions.isPending && (
        <Center py="lg">
          <Loader aria-label="Loading sessions" />
        </Center>
      )}
      {sessions.isError && <ErrorAlert title="Sessions could not be loaded" message={errorMessage(sessions.error)} />}
      {sessions.isSuccess && list.length === 0 && entries.length === 0 && (
        <EmptyState icon={<IconNotes size={28} aria-hidden />} mt="md">
          <EmptyState.Title>No sessions yet</EmptyState.Title>
          <EmptyState.Description>Record a session to start its note. Sessions are listed here, newest first.</EmptyState.Description>
          <EmptyState.Actions>{newButton}</EmptyState.Actions>
        </EmptyState>
      )}
      {(list.length > 0 || (sessions.isSuccess && entries.length > 0)) && (
        <>
          <Group justify="space-between" mb="sm">
            <Text size="sm" c="dimmed">
              {[sessionCount(list), extras?.countWords].filter(Boolean).join(', ')}, newest first
            </Text>
            {newButton}
          </Group>
          <SessionTable clientId={client.id} sessions={list} entries={entries} />
        </>
      )}
      <NewSessionModal
        clientId={client.id}
        dateOfBirth={client.dateOfBirth}
        isFirstSession={list.length === 0}
        opened={creating}
        onClose={() => setCreating(false)}
        onRecordMissed={extras?.recordMissed}
      />
      {extras?.dialogs}
    </>
  );
}

function SessionTable({ clientId, sessions, entries }: { clientId: string; sessions: readonly SessionSummary[]; entries: readonly TimelineEntry[] }) {
  const link = useGuardedLink();
  const linkNames = noteLinkNames(sessions);
  // Sessions keep the service's order (newest first); the other entries go between them by day and time.
  const others = [...entries].sort(newestFirst);
  const rows: ({ summary: SessionSummary } | { entry: TimelineEntry })[] = [];
  let next = 0;
  for (const summary of sessions) {
    for (let entry = others[next]; entry && newestFirst(entry, summary.session) < 0; entry = others[++next]) rows.push({ entry });
    rows.push({ summary });
  }
  rows.push(...others.slice(next).map((entry) => ({ entry })));
  return (
    <Table highlightOnHover verticalSpacing="xs" aria-label="Sessions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Date</Table.Th>
          <Table.Th>{entries.length > 0 ? 'What' : 'Session'}</Table.Th>
          <Table.Th>Note</Table.Th>
          <Table.Th>Flags</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((item) => {
          if ('entry' in item) return <Fragment key={item.entry.key}>{item.entry.row}</Fragment>;
          const { summary } = item;
          const { session } = summary;
          return (
            <Table.Tr key={summary.noteId} c={summary.voided ? 'dimmed' : undefined}>
              <Table.Td>
                <Anchor {...link(`/clients/${clientId}/notes/${summary.noteId}`)} aria-label={linkNames.get(summary.noteId)} fw={500} td={summary.voided ? 'line-through' : undefined}>
                  {formatLocalDay(session.date)}
                </Anchor>
                {summary.voided && (
                  <Text size="xs" c="red.8">
                    Voided: <bdi>{summary.voided.reason}</bdi>
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{[...sessionTimeParts(session.startTime, session.durationMinutes), SESSION_TYPE_LABELS[session.type]].join(' · ')}</Text>
                {session.attendance !== 'attended' && (
                  <Badge size="sm" variant="light" color={ATTENDANCE_COLORS[session.attendance]}>
                    {ATTENDANCE_LABELS[session.attendance]}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Badge size="sm" variant="light" color={summary.voided ? 'red' : summary.status === 'signed' ? 'teal' : 'gray'}>
                    {summary.voided ? 'Voided' : summary.status === 'signed' ? 'Signed' : 'Draft'}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {summary.templateName}
                    {summary.addendaCount > 0 && ` · ${summary.addendaCount === 1 ? '1 addendum' : `${summary.addendaCount} addenda`}`}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {summary.ruptureNoted && (
                    <Tooltip label="Rupture noted in this session">
                      <Badge size="sm" variant="light" color="orange" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                        Rupture
                      </Badge>
                    </Tooltip>
                  )}
                  {summary.riskLevel && summary.riskLevel !== 'none' && (
                    <Badge size="sm" variant="light" color={RISK_COLORS[summary.riskLevel]}>
                      Risk: {RISK_LABELS[summary.riskLevel]}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** "12 sessions": voided ones are kept on the timeline but not counted as sessions. */
function sessionCount(list: readonly SessionSummary[]): string {
  const voided = list.filter((summary) => summary.voided !== null).length;
  const counted = list.length - voided;
  const sessions = counted === 1 ? '1 session' : `${counted} sessions`;
  return voided === 0 ? sessions : `${sessions} (and ${voided} voided)`;
}
