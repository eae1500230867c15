import { useState, type ReactNode } from 'react';
import { Button, DataList, Group, Stack, Text } from '@mantine/core';
import { IconDatabaseExport, IconFolder } from '@tabler/icons-react';
import type { BackupStatus } from '../../../shared/backup';
import { call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSection } from '../components/PageSection';
import { BackupProgressBar } from './BackupProgressBar';
import { showFileSaved } from './file-saved-notification';
import { formatAgo, formatDateTime } from '../lib/dates';
import { formatSize } from './format';
import { useBackupStatusStale } from './queries';
import { ShowInFolderButton } from '../components/ShowInFolderButton';
import { useBackupProgress } from './useBackupProgress';

/** When the last backup was made and where, what failed since, the schedule, and "Back up now". */
export function BackupStatusSection({ status }: { status: BackupStatus }) {
  const { lastSuccess, lastFailure } = status;
  const rows: [string, ReactNode][] = [
    [
      'Last backup',
      lastSuccess ? (
        <Text size="sm" component="span">
          {formatDateTime(lastSuccess.createdAt)} <Text span c="dimmed" size="sm">({formatAgo(lastSuccess.createdAt)})</Text>
        </Text>
      ) : (
        'None yet'
      ),
    ],
    ...(lastSuccess
      ? ([
          ['Size', formatSize(lastSuccess.fileBytes)],
          [
            'Saved in',
            <Stack gap={4} align="flex-start" key="saved-in">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                <bdi>{lastSuccess.folder}</bdi>
              </Text>
              <ShowInFolderButton path={lastSuccess.path} aria-label={`Show in folder: ${lastSuccess.fileName}`} />
            </Stack>,
          ],
        ] satisfies [string, ReactNode][])
      : []),
    ...(lastFailure
      ? ([
          [
            'Last failure',
            <Text size="sm" c="var(--app-color-danger-text)" key="failure">
              {formatDateTime(lastFailure.at)}: {lastFailure.message}
            </Text>,
          ],
        ] satisfies [string, ReactNode][])
      : []),
    ['Automatic backups', status.automatic ? 'On: daily, and when you quit' : 'Off'],
    [
      'Backup folder',
      status.folder === null ? (
        'Not chosen: “Back up to…” asks where each time'
      ) : (
        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} component="span">
          <bdi>{status.folder}</bdi>
        </Text>
      ),
    ],
  ];

  return (
    <PageSection order={2} title="Status">
      <Stack gap="md">
        <DataList labelWidth={170} withDivider aria-label="Backup status">
          {rows.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
        <BackUpNow status={status} />
      </Stack>
    </PageSection>
  );
}

function BackUpNow({ status }: { status: BackupStatus }) {
  const stale = useBackupStatusStale();
  const [running, setRunning] = useState<'folder' | 'choose' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, resetProgress] = useBackupProgress('backup');
  const canRunToFolder = status.passphraseSet && status.folder !== null && !status.folderMissing;

  const run = async (destination: 'folder' | 'choose') => {
    if (running) return;
    setRunning(destination);
    setError(null);
    resetProgress();
    try {
      const { backup } = await call('backupNow', { destination });
      if (backup) showFileSaved({ title: 'Backup saved', path: backup.path, bytes: backup.fileBytes, note: 'encrypted and verified' });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setRunning(null);
      // Success adds a backup; a failure is recorded as the last failure: either way the status changed.
      stale();
    }
  };

  return (
    <Stack gap="sm">
      <Group gap="sm">
        {status.folder !== null && (
          <Button
            leftSection={<IconDatabaseExport size={16} aria-hidden />}
            loading={running === 'folder'}
            disabled={!canRunToFolder || running !== null}
            onClick={() => void run('folder')}
          >
            Back up now
          </Button>
        )}
        <Button
          variant={status.folder === null ? 'filled' : 'default'}
          leftSection={<IconFolder size={16} aria-hidden />}
          loading={running === 'choose'}
          disabled={!status.passphraseSet || running !== null}
          onClick={() => void run('choose')}
        >
          Back up to…
        </Button>
      </Group>
      {!status.passphraseSet && (
        <Text size="sm" c="dimmed">
          Backups need a backup passphrase first: every backup is encrypted.
        </Text>
      )}
      {running && <BackupProgressBar label="Backing up…" progress={progress} />}
      <ErrorAlert title="The backup was not made" message={error} />
    </Stack>
  );
}
