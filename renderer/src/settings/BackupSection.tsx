import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, PasswordInput, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFolder } from '@tabler/icons-react';
import { BACKUP_KEEP, type BackupStatus } from '../../../shared/backup';
import { ApiError, call, errorMessage } from '../api';
import { useBackupStatus, useBackupStatusSaved } from '../backups/queries';
import { takeBackupSectionRequest } from '../backups/settings-link';
import { ErrorAlert } from '../components/ErrorAlert';
import { StrengthMeter } from '../components/StrengthMeter';
import { MISMATCH_MESSAGE, WEAK_FALLBACK_MESSAGE } from '../messages';
import { assessPassphrase } from '../passphrase';
import { SettingsSection } from './SettingsSection';

/** Settings → Backups: the passphrase every backup is encrypted with, where backups go, and the daily schedule. */
export function BackupSection() {
  const status = useBackupStatus();
  const top = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Arrived through a "Settings → Backups" link: show this block rather than the top of the page.
    if (takeBackupSectionRequest()) top.current?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <Stack gap="lg" ref={top} style={{ scrollMarginTop: 72 }}>
      {status.isError && <ErrorAlert title="The backup settings could not be loaded" message={errorMessage(status.error)} />}
      {status.isPending && <Skeleton height={160} aria-label="Loading backup settings" />}
      {status.data && (
        <>
          <BackupPassphraseForm passphraseSet={status.data.passphraseSet} />
          <BackupFolderForm status={status.data} />
        </>
      )}
    </Stack>
  );
}

const INITIAL = { passphrase: '', repeat: '' };

function BackupPassphraseForm({ passphraseSet }: { passphraseSet: boolean }) {
  const saved = useBackupStatusSaved();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: INITIAL });

  const submit = form.onSubmit(async ({ passphrase, repeat }) => {
    setError(null);
    const assessment = await assessPassphrase(passphrase);
    const errors = {
      ...(assessment.acceptable ? {} : { passphrase: assessment.reason ?? WEAK_FALLBACK_MESSAGE }),
      ...(passphrase === repeat ? {} : { repeat: MISMATCH_MESSAGE }),
    };
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      saved(await call('setBackupPassphrase', { passphrase }));
      form.reset();
      notifications.show({ color: 'teal', message: passphraseSet ? 'Backup passphrase changed' : 'Backup passphrase set' });
    } catch (caught) {
      if (caught instanceof ApiError && (caught.code === 'WEAK_PASSPHRASE' || caught.fieldErrors.passphrase)) {
        form.setFieldError('passphrase', caught.fieldErrors.passphrase ?? caught.message);
      } else {
        setError(errorMessage(caught));
      }
    } finally {
      setBusy(false);
    }
  });

  return (
    <SettingsSection
      title="Backup passphrase"
      description="Every backup is encrypted with this passphrase. It is separate from your vault passphrase, but may be the same if you choose. Without it no backup can be made, so there is never an unencrypted backup."
    >
      <form onSubmit={submit} noValidate>
        <Stack maw={420}>
          <Group gap="xs">
            <Text size="sm">Backup passphrase:</Text>
            <Badge variant="light" color={passphraseSet ? 'teal' : 'orange'}>
              {passphraseSet ? 'Set' : 'Not set'}
            </Badge>
          </Group>
          {passphraseSet && (
            <Text size="sm" c="dimmed">
              Backups already made keep the passphrase they were made with; keep a note of it until you no longer need them.
            </Text>
          )}
          <PasswordInput
            label={passphraseSet ? 'New backup passphrase' : 'Backup passphrase'}
            autoComplete="new-password"
            {...form.getInputProps('passphrase')}
          />
          <StrengthMeter passphrase={form.values.passphrase} showReason={!form.errors.passphrase} />
          <PasswordInput
            label={passphraseSet ? 'Repeat new backup passphrase' : 'Repeat backup passphrase'}
            autoComplete="new-password"
            {...form.getInputProps('repeat')}
          />
          <ErrorAlert message={error} />
          <Group>
            <Button type="submit" loading={busy}>
              {passphraseSet ? 'Change backup passphrase' : 'Set backup passphrase'}
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsSection>
  );
}

function BackupFolderForm({ status }: { status: BackupStatus }) {
  const saved = useBackupStatusSaved();
  const [choosing, setChoosing] = useState(false);
  const [switching, setSwitching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = status.passphraseSet && status.folder !== null;

  const chooseFolder = async () => {
    setChoosing(true);
    setError(null);
    try {
      saved(await call('chooseBackupFolder'));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setChoosing(false);
    }
  };

  const setAutomatic = async (enabled: boolean) => {
    setSwitching(true);
    setError(null);
    try {
      saved(await call('setAutomaticBackups', { enabled }));
      notifications.show({ color: 'teal', message: enabled ? 'Automatic backups on' : 'Automatic backups off' });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSwitching(false);
    }
  };

  const missing = [!status.passphraseSet && 'set a backup passphrase', status.folder === null && 'choose a backup folder'].filter(Boolean);

  return (
    <SettingsSection
      title="Backup folder and automatic backups"
      description="Choose a folder on a USB drive or another disk, so a backup survives if this computer is lost or fails."
    >
      <Stack maw={620}>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconFolder size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              Backup folder
            </Text>
            {status.folder === null ? (
              <Text size="sm" c="dimmed">
                No folder chosen yet.
              </Text>
            ) : (
              <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="backup-folder">
                <bdi>{status.folder}</bdi>
              </Text>
            )}
          </Stack>
        </Group>
        {status.folderMissing && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="xs">
            <Text size="sm">This folder cannot be found or written to. If it is on a USB drive, connect it; otherwise choose another folder.</Text>
          </Alert>
        )}
        <Group>
          <Button variant="default" loading={choosing} onClick={() => void chooseFolder()}>
            {status.folder === null ? 'Choose folder…' : 'Change folder…'}
          </Button>
        </Group>
        <Switch
          label="Automatic backups"
          description={`Daily, and when you quit, to the backup folder. The newest ${BACKUP_KEEP.daily} daily and ${BACKUP_KEEP.weekly} weekly backups are kept; older automatic ones are removed.`}
          checked={status.automatic}
          disabled={switching || (!ready && !status.automatic)}
          onChange={(event) => void setAutomatic(event.currentTarget.checked)}
        />
        {!ready && (
          <Text size="sm" c="dimmed">
            To turn automatic backups on, first {missing.join(' and ')}.
          </Text>
        )}
        <ErrorAlert message={error} />
      </Stack>
    </SettingsSection>
  );
}
