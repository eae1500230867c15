import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileSearch, IconInfoCircle } from '@tabler/icons-react';
import type { ChosenFile, PreparedRestore } from '../../../shared/backup';
import { ApiError, call, errorMessage } from '../api';
import { CenteredCard } from '../components/CenteredCard';
import { ErrorAlert } from '../components/ErrorAlert';
import { StrengthMeter } from '../components/StrengthMeter';
import { MISMATCH_MESSAGE, WEAK_FALLBACK_MESSAGE } from '../messages';
import { assessPassphrase } from '../passphrase';
import { useVault } from '../vault/vault-context';
import { BackupProgressBar } from './BackupProgressBar';
import { formatDateTime } from '../lib/dates';
import { formatSize, onSubmitShortcut, RESTORE_WORD } from './format';
import { RestoreComparison } from './RestoreComparison';
import { useBackupProgress } from './useBackupProgress';

interface RestoreAtStartScreenProps {
  /** `absent`: a new machine, the restore creates the vault. `locked`: it replaces the vault's records. */
  mode: 'absent' | 'locked';
  onBack: () => void;
}

const INITIAL = { backupPassphrase: '', vaultPassphrase: '', repeat: '' };
type Field = keyof typeof INITIAL;

/** Which field a service message belongs under; the vault and backup passphrases are told apart by their keys. */
function fieldOf(caught: unknown): [Field, string] | null {
  if (!(caught instanceof ApiError)) return null;
  const { fieldErrors } = caught;
  if (fieldErrors.vaultPassphrase) return ['vaultPassphrase', fieldErrors.vaultPassphrase];
  const backup = fieldErrors.backupPassphrase ?? fieldErrors.passphrase;
  if (backup) return ['backupPassphrase', backup];
  if (caught.code === 'WEAK_PASSPHRASE') return ['vaultPassphrase', caught.message];
  return null;
}

/**
 * Restore before the vault is open: on a new machine (the backup becomes the vault, under a new
 * passphrase, with a new recovery key) or over a locked vault (its passphrase is needed, since the
 * restored records are locked with the same key).
 */
export function RestoreAtStartScreen({ mode, onBack }: RestoreAtStartScreenProps) {
  const { confirmRestore } = useVault();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [prepared, setPrepared] = useState<PreparedRestore | null>(null);
  const [typed, setTyped] = useState('');
  const [progress, resetProgress] = useBackupProgress('restore');
  const form = useForm({ initialValues: INITIAL });
  const creating = mode === 'absent';
  const confirmed = creating || typed.trim().toUpperCase() === RESTORE_WORD;

  const discardPrepared = () => {
    if (prepared === null) return;
    call('cancelRestore', { restoreId: prepared.restoreId }).catch((caught: unknown) =>
      notifications.show({ color: 'red', title: 'The prepared restore could not be discarded', message: errorMessage(caught) }),
    );
    setPrepared(null);
    setTyped('');
  };

  const chooseFile = async () => {
    setChoosing(true);
    setError(null);
    try {
      const { file: chosen } = await call('chooseBackupFile');
      if (chosen) {
        discardPrepared();
        setFile(chosen);
      }
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setChoosing(false);
    }
  };

  const prepare = async () => {
    if (busy || file === null) return;
    const { backupPassphrase, vaultPassphrase, repeat } = form.values;
    setError(null);
    const assessment = creating ? await assessPassphrase(vaultPassphrase) : null;
    const errors: Partial<Record<Field, string>> = {
      ...(backupPassphrase ? {} : { backupPassphrase: 'Enter the backup passphrase.' }),
      ...(creating
        ? {
            ...(assessment?.acceptable ? {} : { vaultPassphrase: assessment?.reason ?? WEAK_FALLBACK_MESSAGE }),
            ...(vaultPassphrase === repeat ? {} : { repeat: MISMATCH_MESSAGE }),
          }
        : vaultPassphrase
          ? {}
          : { vaultPassphrase: 'Enter your vault passphrase.' }),
    };
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    resetProgress();
    try {
      setPrepared(await call('prepareRestore', { fileId: file.id, backupPassphrase, vaultPassphrase }));
    } catch (caught) {
      const atField = fieldOf(caught);
      if (atField) form.setFieldError(atField[0], atField[1]);
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
      // On success the vault opens and App moves on (to the new recovery key, or into the app).
      await confirmRestore(prepared.restoreId);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  const back = () => {
    discardPrepared();
    onBack();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void (prepared ? restore() : prepare());
  };

  return (
    <CenteredCard title="Restore a backup" width={prepared ? 760 : 520}>
      <form onSubmit={submit} onKeyDown={onSubmitShortcut(() => void (prepared ? restore() : prepare()))} noValidate>
        <Stack>
          <Text c="dimmed">
            {creating
              ? 'Bring your records to this computer from an Alliance Notes backup. A new vault is made for them, locked with a passphrase you choose here.'
              : 'Replace the records in this vault with those of a backup. You need the backup passphrase and your current vault passphrase.'}
          </Text>

          {file === null ? (
            <Button variant="default" leftSection={<IconFileSearch size={16} aria-hidden />} loading={choosing} onClick={() => void chooseFile()} autoFocus>
              Choose backup file…
            </Button>
          ) : (
            <Group gap="xs" wrap="wrap">
              <Text size="sm">
                File: <bdi style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{file.name}</bdi> ({formatSize(file.bytes)})
              </Text>
              {!busy && (
                <Anchor component="button" type="button" size="sm" onClick={() => void chooseFile()}>
                  Choose another file…
                </Anchor>
              )}
            </Group>
          )}

          {file !== null && prepared === null && (
            <>
              <PasswordInput
                label="Backup passphrase"
                description="The passphrase set in Settings → Backups when this backup was made."
                autoComplete="off"
                autoFocus
                disabled={busy}
                {...form.getInputProps('backupPassphrase')}
              />
              {creating ? (
                <>
                  <PasswordInput
                    label="New vault passphrase"
                    description="Opens the vault on this computer from now on. It may be the same as before."
                    autoComplete="new-password"
                    disabled={busy}
                    {...form.getInputProps('vaultPassphrase')}
                  />
                  <StrengthMeter passphrase={form.values.vaultPassphrase} showReason={!form.errors.vaultPassphrase} />
                  <PasswordInput label="Repeat new vault passphrase" autoComplete="new-password" disabled={busy} {...form.getInputProps('repeat')} />
                </>
              ) : (
                <PasswordInput
                  label="Vault passphrase"
                  description="Your current passphrase: the restored records are locked with the same key."
                  autoComplete="current-password"
                  disabled={busy}
                  {...form.getInputProps('vaultPassphrase')}
                />
              )}
            </>
          )}

          {prepared !== null && (
            <>
              <RestoreComparison
                prepared={prepared}
                noCurrent={creating ? 'There is no vault on this computer yet: a new one will be made.' : 'The vault is locked, so its records cannot be counted here.'}
              />
              {creating ? (
                <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
                  <Text size="sm">
                    A new vault will be made with the records from {formatDateTime(prepared.backup.createdAt)}. You will be shown a new recovery
                    key for it next; the one from the old computer will not open it.
                  </Text>
                </Alert>
              ) : (
                <>
                  <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="The records in this vault will be replaced">
                    <Text size="sm">
                      Every record in this vault will be replaced by the backup’s, as they were on {formatDateTime(prepared.backup.createdAt)}.
                      Anything entered since then will no longer be in the vault. The current vault is kept until the restored one has opened.
                    </Text>
                  </Alert>
                  <TextInput
                    label={`Type ${RESTORE_WORD} to confirm`}
                    value={typed}
                    autoComplete="off"
                    spellCheck={false}
                    autoFocus
                    disabled={busy}
                    onChange={(event) => setTyped(event.currentTarget.value)}
                  />
                </>
              )}
            </>
          )}

          {busy && <BackupProgressBar label={prepared ? 'Restoring…' : 'Checking the backup…'} progress={progress} />}
          <ErrorAlert title={prepared ? 'The backup was not restored' : undefined} message={error} />

          {file !== null && (
            <Button type="submit" color={prepared && !creating ? 'red' : undefined} loading={busy} disabled={prepared !== null && !confirmed}>
              {prepared === null ? 'Check backup' : creating ? 'Restore backup' : 'Replace with backup'}
            </Button>
          )}
          {prepared !== null && (
            <Button variant="default" disabled={busy} onClick={discardPrepared}>
              Cancel
            </Button>
          )}
          <Button variant="subtle" disabled={busy} onClick={back}>
            {creating ? 'Back to creating a new vault' : 'Back to unlock'}
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
