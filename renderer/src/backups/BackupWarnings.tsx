import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseExport } from '@tabler/icons-react';
import { BACKUP_OVERDUE_DAYS, type BackupStatus } from '../../../shared/backup';
import { useGuardedLink } from '../navigation/navigation-guard';
import { formatAgo } from '../lib/dates';

interface BackupWarningsProps {
  status: BackupStatus;
  /** On the Dashboard: a button to the Backups page, where the problem is fixed. */
  withLink?: boolean;
}

/** "No backup yet", "No backup in 7 days", "The backup folder cannot be found"; nothing when all is well. */
export function BackupWarnings({ status, withLink = false }: BackupWarningsProps) {
  const link = useGuardedLink();
  if (!status.overdue && !status.folderMissing) return null;
  const action = withLink && (
    <Button component="a" size="compact-sm" variant="light" color="orange" mt="xs" leftSection={<IconDatabaseExport size={14} aria-hidden />} {...link('/backups')}>
      Go to Backups
    </Button>
  );
  return (
    <Stack gap="sm">
      {status.overdue && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={status.lastSuccess === null ? 'No backup has been made yet' : `No backup in the last ${BACKUP_OVERDUE_DAYS} days`}
        >
          <Text size="sm">
            {status.lastSuccess === null
              ? 'Your records exist only on this computer. If it is lost or fails, they are gone: make an encrypted backup to a USB drive or another disk.'
              : `The last backup was made ${formatAgo(status.lastSuccess.createdAt)}. Make one now so recent notes are not lost if this computer fails.`}
          </Text>
          {!status.folderMissing && action}
        </Alert>
      )}
      {status.folderMissing && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="The backup folder cannot be found">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <bdi>{status.folder}</bdi> is not available or cannot be written to, so automatic backups cannot be made. Connect the drive,
            or choose another folder in Settings → Backups.
          </Text>
          {action}
        </Alert>
      )}
    </Stack>
  );
}
