import { useState } from 'react';
import { Alert, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFileExport, IconRestore, IconSettings, IconShieldCheck } from '@tabler/icons-react';
import type { ChosenFile } from '../../../shared/backup';
import { call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSection } from '../components/PageSection';
import { BackupStatusSection } from './BackupStatusSection';
import { BackupWarnings } from './BackupWarnings';
import { ExportDataModal } from './ExportDataModal';
import { useBackupStatus } from './queries';
import { RecentBackupsSection } from './RecentBackupsSection';
import { RestoreBackupModal } from './RestoreBackupModal';
import { useBackupSettingsLink } from './settings-link';
import { VerifyBackupModal } from './VerifyBackupModal';

/** Backups: the state of the last backup, "Back up now", verify, restore and open-format export. */
export function BackupsPage() {
  const status = useBackupStatus();

  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1}>Backups</Title>
      {status.isError && (
        <ErrorAlert title={status.data ? 'The backup status could not be brought up to date' : 'The backup status could not be loaded'} message={errorMessage(status.error)} />
      )}
      {/* Checking or restoring a backup matters most when something is wrong, so it stays on offer. */}
      {status.isError && !status.data && <BackupTools passphraseSaved={null} />}
      {status.isPending && (
        <Stack gap="md" aria-busy="true" aria-label="Loading the backup status">
          <Skeleton height={48} />
          <Skeleton height={200} />
        </Stack>
      )}
      {status.data && (
        <>
          {!status.data.passphraseSet && <SetupPrompt />}
          <BackupWarnings status={status.data} />
          <BackupStatusSection status={status.data} />
          <BackupTools passphraseSaved={status.data.passphraseSet} />
          <RecentBackupsSection recent={status.data.recent} />
        </>
      )}
    </Stack>
  );
}

function SetupPrompt() {
  const settingsLink = useBackupSettingsLink();
  return (
    <Alert color="blue" variant="light" icon={<IconSettings aria-hidden />} title="Set up backups">
      <Text size="sm">
        Backups are encrypted with a backup passphrase of their own; until one is set, no backup can be made. Set it, and choose a
        folder on a USB drive or another disk for automatic backups, in Settings → Backups.
      </Text>
      <Button component="a" size="compact-sm" variant="light" mt="xs" {...settingsLink}>
        Set up backups in Settings
      </Button>
    </Alert>
  );
}

type Dialog = { kind: 'verify' | 'restore'; file: ChosenFile } | { kind: 'export' } | null;

/** Verify, restore and export each open a dialog; the first two ask for the backup file first. */
function BackupTools({ passphraseSaved }: { passphraseSaved: boolean | null }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [choosing, setChoosing] = useState<'verify' | 'restore' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (kind: 'verify' | 'restore') => {
    setChoosing(kind);
    setError(null);
    try {
      const { file } = await call('chooseBackupFile');
      if (file) setDialog({ kind, file });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setChoosing(null);
    }
  };
  const close = () => setDialog(null);

  return (
    <PageSection
      order={2}
      title="Check, restore and export"
      description="Verify a backup to be sure it opens. Restoring replaces the records in this vault with a backup’s. An export gives your records in open formats, to read or to move to other software."
    >
      <Stack gap="sm">
        <Group gap="sm">
          <Button variant="default" leftSection={<IconShieldCheck size={16} aria-hidden />} loading={choosing === 'verify'} disabled={choosing !== null} onClick={() => void choose('verify')}>
            Verify backup…
          </Button>
          <Button variant="default" leftSection={<IconRestore size={16} aria-hidden />} loading={choosing === 'restore'} disabled={choosing !== null} onClick={() => void choose('restore')}>
            Restore from backup…
          </Button>
          <Button variant="default" leftSection={<IconFileExport size={16} aria-hidden />} onClick={() => setDialog({ kind: 'export' })}>
            Export data…
          </Button>
        </Group>
        <ErrorAlert message={error} />
      </Stack>
      <VerifyBackupModal file={dialog?.kind === 'verify' ? dialog.file : null} passphraseSaved={passphraseSaved} onClose={close} />
      <RestoreBackupModal file={dialog?.kind === 'restore' ? dialog.file : null} passphraseSaved={passphraseSaved} onClose={close} />
      <ExportDataModal opened={dialog?.kind === 'export'} onClose={close} />
    </PageSection>
  );
}
