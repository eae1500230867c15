import { EmptyState, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import type { BackupRecord } from '../../../shared/backup';
import { PageSection } from '../components/PageSection';
import { formatAgo, formatDateTime } from '../lib/dates';
import { formatSize } from './format';
import { ShowInFolderButton } from '../components/ShowInFolderButton';

const KIND_LABELS: Record<BackupRecord['kind'], string> = { manual: 'Manual', automatic: 'Automatic' };

const recordsOf = (counts: BackupRecord['counts']): string =>
  `${counts.clients ?? 0} ${counts.clients === 1 ? 'client' : 'clients'}, ${counts.notes ?? 0} ${counts.notes === 1 ? 'note' : 'notes'}`;

/** The newest backups this vault made, each with where it went. */
export function RecentBackupsSection({ recent }: { recent: readonly BackupRecord[] }) {
  return (
    <PageSection order={2} title="Recent backups" description="Newest first. Files moved or deleted since are still listed here.">
      {recent.length === 0 ? (
        <EmptyState icon={<IconDatabaseOff size={28} aria-hidden />}>
          <EmptyState.Title>No backups yet</EmptyState.Title>
          <EmptyState.Description>Backups you make here, and automatic ones, will be listed with where they were saved.</EmptyState.Description>
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label="Recent backups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Made</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Size</Table.Th>
                <Table.Th>Records</Table.Th>
                <Table.Th>File</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recent.map((backup) => (
                <Table.Tr key={backup.id}>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(backup.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {formatAgo(backup.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{KIND_LABELS[backup.kind]}</Table.Td>
                  <Table.Td>{formatSize(backup.fileBytes)}</Table.Td>
                  <Table.Td>{recordsOf(backup.counts)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} title={backup.path}>
                      <bdi>{backup.fileName}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ShowInFolderButton path={backup.path} variant="subtle" aria-label={`Show in folder: ${backup.fileName}`} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </PageSection>
  );
}
