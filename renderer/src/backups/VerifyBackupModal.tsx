import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { BackupInfo, ChosenFile } from '../../../shared/backup';
import { ApiError, call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { BackupProgressBar } from './BackupProgressBar';
import { backupInfoRows, CheckList, FactList } from './BackupFacts';
import { formatSize, onSubmitShortcut, SUBMIT_SHORTCUT } from './format';
import { useBackupProgress } from './useBackupProgress';
import { BackupPassphraseField } from './BackupPassphraseField';

interface VerifyBackupModalProps {
  /** The file picked in the open dialog; the modal is open while there is one. */
  file: ChosenFile | null;
  /** A backup passphrase is saved in Settings, so the field may be left empty; null while that is not known. */
  passphraseSaved: boolean | null;
  onClose: () => void;
}

/** "Verify backup…": decrypts and checks a backup completely, changes nothing, and says what it holds. */
export function VerifyBackupModal({ file, passphraseSaved, onClose }: VerifyBackupModalProps) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={file !== null} onClose={() => !busy && onClose()} closeOnEscape={!busy} withCloseButton={!busy} title="Verify backup" size="lg" centered>
      {file && <VerifyForm key={file.id} file={file} passphraseSaved={passphraseSaved} busy={busy} setBusy={setBusy} onClose={onClose} />}
    </Modal>
  );
}

interface VerifyFormProps {
  file: ChosenFile;
  passphraseSaved: boolean | null;
  busy: boolean;
  setBusy: (busy: boolean) => void;
  onClose: () => void;
}

function VerifyForm({ file, passphraseSaved, busy, setBusy, onClose }: VerifyFormProps) {
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<BackupInfo | null>(null);
  const [progress, resetProgress] = useBackupProgress('verify');

  const verify = async () => {
    if (busy) return;
    if (!passphrase && passphraseSaved === false) {
      setFieldError('Enter the passphrase this backup was made with.');
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(null);
    setInfo(null);
    resetProgress();
    try {
      setInfo(await call('verifyBackup', { fileId: file.id, passphrase: passphrase || undefined }));
    } catch (caught) {
      // A wrong or missing passphrase is about the field; anything else is about the file.
      const atField = caught instanceof ApiError ? (caught.code === 'WRONG_PASSPHRASE' ? caught.message : caught.fieldErrors.passphrase) : undefined;
      if (atField) setFieldError(atField);
      else setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void verify();
  };

  return (
    <form onSubmit={submit} onKeyDown={onSubmitShortcut(() => void verify())} noValidate>
      <Stack>
        <Text size="sm">
          File: <bdi style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{file.name}</bdi> ({formatSize(file.bytes)})
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
        {busy && <BackupProgressBar label="Verifying the backup…" progress={progress} />}
        <ErrorAlert title="This backup did not pass verification" message={error} />
        {info && (
          <Stack gap="sm">
            <Alert color="teal" variant="light" icon={<IconShieldCheck aria-hidden />} title="The backup is intact">
              <Text size="sm">Every check passed; it can be restored. Nothing was changed.</Text>
            </Alert>
            <CheckList checks={info.checks} />
            <FactList label="What the backup holds" rows={backupInfoRows(info)} />
          </Stack>
        )}
        <Group justify="space-between" wrap="wrap-reverse">
          <Text size="xs" c="dimmed">
            {SUBMIT_SHORTCUT} verifies.
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Close
            </Button>
            <Button type="submit" loading={busy}>
              {info ? 'Verify again' : 'Verify'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
