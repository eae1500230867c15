import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ChosenFile, PreparedRestore } from '../../../shared/backup';
import { ApiError, call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useVault } from '../vault/vault-context';
import { BackupProgressBar } from './BackupProgressBar';
import { formatDateTime } from '../lib/dates';
import { formatSize, onSubmitShortcut, RESTORE_WORD, SUBMIT_SHORTCUT } from './format';
import { RestoreComparison } from './RestoreComparison';
import { useBackupProgress } from './useBackupProgress';
import { BackupPassphraseField } from './BackupPassphraseField';

interface RestoreBackupModalProps {
  file: ChosenFile | null;
  passphraseSaved: boolean | null;
  onClose: () => void;
}

/** Drops a staged restore the practitioner walked away from; the main side also expires it on its own. */
function cancelPrepared(prepared: PreparedRestore | null): void {
  if (prepared === null) return;
  call('cancelRestore', { restoreId: prepared.restoreId }).catch((caught: unknown) =>
    notifications.show({ color: 'red', title: 'The prepared restore could not be discarded', message: errorMessage(caught) }),
  );
}

/** "Restore from backup…" while unlocked: check the backup, compare it with this vault, then replace. */
export function RestoreBackupModal({ file, passphraseSaved, onClose }: RestoreBackupModalProps) {
  const [busy, setBusy] = useState(false);
  // Read on close, whichever way the modal is closed (Escape, the X, Cancel), so a staged copy never lingers.
  const prepared = useRef<PreparedRestore | null>(null);
  const close = () => {
    if (busy) return;
    cancelPrepared(prepared.current);
    prepared.current = null;
    onClose();
  };
  return (
    <Modal opened={file !== null} onClose={close} closeOnEscape={!busy} withCloseButton={!busy} title="Restore from backup" size="xl" centered>
      {file && (
        <RestoreFlow
          key={file.id}
          file={file}
          passphraseSaved={passphraseSaved}
          busy={busy}
          setBusy={setBusy}
          onPrepared={(next) => (prepared.current = next)}
          onCancel={close}
          onDone={() => {
            prepared.current = null;
            onClose();
          }}
        />
      )}
    </Modal>
  );
}

interface RestoreFlowProps {
  file: ChosenFile;
  passphraseSaved: boolean | null;
  busy: boolean;
  setBusy: (busy: boolean) => void;
  onPrepared: (prepared: PreparedRestore | null) => void;
  onCancel: () => void;
  onDone: () => void;
}

function RestoreFlow({ file, passphraseSaved, busy, setBusy, onPrepared, onCancel, onDone }: RestoreFlowProps) {
  const { confirmRestore } = useVault();
  const queryClient = useQueryClient();
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [prepared, setPrepared] = useState<PreparedRestore | null>(null);
  const [typed, setTyped] = useState('');
  const [progress, resetProgress] = useBackupProgress('restore');
  const confirmed = typed.trim().toUpperCase() === RESTORE_WORD;

  const prepare = async () => {
    if (busy) return;
    if (!passphrase && passphraseSaved === false) {
      setFieldError('Enter the passphrase this backup was made with.');
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(null);
    resetProgress();
    try {
      const next = await call('prepareRestore', { fileId: file.id, backupPassphrase: passphrase || undefined });
      setPrepared(next);
      onPrepared(next);
    } catch (caught) {
      const atField =
        caught instanceof ApiError ? (caught.code === 'WRONG_PASSPHRASE' ? caught.message : (caught.fieldErrors.backupPassphrase ?? caught.fieldErrors.passphrase)) : undefined;
      if (atField) setFieldError(atField);
      else setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    if (busy || prepared === null || !confirmed) return;
    setBusy(true);
    setError(null);
    resetProgress();
    try {
      await confirmRestore(prepared.restoreId);
      // Every cached answer describes the replaced records: drop them all and read again.
      void queryClient.resetQueries();
      onDone();
      notifications.show({
        color: 'teal',
        title: 'Backup restored',
        message: `The records from the backup of ${formatDateTime(prepared.backup.createdAt)} are now in your vault.`,
      });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  if (prepared === null) {
    const submit = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      void prepare();
    };
    return (
      <form onSubmit={submit} onKeyDown={onSubmitShortcut(() => void prepare())} noValidate>
        <Stack>
          <Text size="sm">
            File: <bdi style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{file.name}</bdi> ({formatSize(file.bytes)})
          </Text>
          <Text size="sm" c="dimmed">
            The backup is checked completely before anything is offered; your vault is not touched until you confirm on the next step.
          </Text>
          <BackupPassphraseField
            value={passphrase}
            error={fieldError}
            disabled={busy}
            passphraseSaved={passphraseSaved}
            onChange={(value) => {
              setPassphrase(value);
              setFieldError(null);
            }}
          />
          {busy && <BackupProgressBar label="Checking the backup…" progress={progress} />}
          <ErrorAlert title="This backup cannot be restored" message={error} />
          <Group justify="space-between" wrap="wrap-reverse">
            <Text size="xs" c="dimmed">
              {SUBMIT_SHORTCUT} checks the backup.
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onCancel} disabled={busy}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Check backup
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void restore();
  };
  return (
    <form onSubmit={submit} onKeyDown={onSubmitShortcut(() => void restore())} noValidate>
      <Stack>
        <RestoreComparison prepared={prepared} noCurrent="The current records cannot be counted." />
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Your current records will be replaced">
          <Text size="sm">
            Every client, session, note and measure in this vault now will be replaced by the backup’s, as they were on{' '}
            {formatDateTime(prepared.backup.createdAt)}. Anything entered since then will no longer be in the vault. The current vault is
            kept until the restored one has opened, so a failed restore changes nothing.
          </Text>
        </Alert>
        <TextInput
          label={`Type ${RESTORE_WORD} to confirm`}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          disabled={busy}
          onChange={(event) => setTyped(event.currentTarget.value)}
          // This step replaces the first inside an open modal, whose focus trap only acts on opening.
          autoFocus
        />
        {busy && <BackupProgressBar label="Restoring…" progress={progress} />}
        <ErrorAlert title="The backup was not restored" message={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" color="red" disabled={!confirmed} loading={busy}>
            Replace with backup
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
