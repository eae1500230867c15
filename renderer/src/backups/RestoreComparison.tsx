import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { PreparedRestore } from '../../../shared/backup';
import { backupInfoRows, countRows, FactList } from './BackupFacts';
import { formatAgo, formatDateTime } from '../lib/dates';

interface RestoreComparisonProps {
  prepared: PreparedRestore;
  /** Said in place of the current vault's counts when there are none to show (new machine, locked vault). */
  noCurrent: string;
}

/** The backup beside the vault it would replace, so the practitioner sees what they trade for what. */
export function RestoreComparison({ prepared, noCurrent }: RestoreComparisonProps) {
  const { backup, current } = prepared;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <Paper withBorder radius="md" p="md" component="section" aria-label="The backup">
        <Title order={3} size="h5" mb="xs">
          The backup
        </Title>
        <FactList label="What the backup holds" labelWidth={150} rows={backupInfoRows(backup).filter(([name]) => name !== 'File size')} />
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-label="This vault now">
        <Title order={3} size="h5" mb="xs">
          This vault now
        </Title>
        {current ? (
          <FactList
            label="What this vault holds now"
            labelWidth={150}
            rows={[
              ['Last change', current.lastChangeAt ? `${formatDateTime(current.lastChangeAt)} (${formatAgo(current.lastChangeAt)})` : 'None yet'],
              ...countRows(current.counts),
            ]}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {noCurrent}
          </Text>
        )}
      </Paper>
    </SimpleGrid>
  );
}
