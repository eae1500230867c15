import { useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { call, errorMessage } from '../api';
import { CenteredCard } from '../components/CenteredCard';
import { ErrorAlert } from '../components/ErrorAlert';
import { RetryNotice } from '../components/RetryNotice';
import { preloadUnlockedApp } from '../lazy-screens';
import { useVault } from '../vault/vault-context';

interface UnlockScreenProps {
  onForgot: () => void;
  /** "Restore a backup instead": replaces this vault's records with a backup's. */
  onRestore: () => void;
  /** Seconds before the main side accepts another attempt. */
  secondsLeft: number;
  /** Feeds a failed attempt's error back so its wait can be shown. */
  onFailure: (error: unknown) => void;
}

/** The everyday entry: passphrase in, vault open. */
export function UnlockScreen({ onForgot, onRestore, secondsLeft, onFailure }: UnlockScreenProps) {
  const { status, applyStatus } = useVault();
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const waiting = secondsLeft > 0;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || waiting) return;
    if (!passphrase) {
      setFieldError('Enter your passphrase.');
      return;
    }
    setBusy(true);
    setError(null);
    // The app's code loads while the passphrase is checked (Argon2id, about half a second).
    preloadUnlockedApp();
    try {
      applyStatus(await call('unlockVault', { passphrase }));
    } catch (caught) {
      setError(errorMessage(caught));
      onFailure(caught);
      setBusy(false);
      input.current?.select();
    }
  };

  return (
    <CenteredCard title="Unlock your vault">
      <form onSubmit={submit} noValidate>
        <Stack>
          {status.lockReason === 'idle' && <Text c="dimmed">Locked after a period without activity.</Text>}
          {status.lockReason === 'damaged' && (
            <ErrorAlert message="The vault was closed because its integrity check found damage in vault.db. Nothing more was written to it. Restore your latest backup (below); unlocking again repeats the check." />
          )}
          <PasswordInput
            ref={input}
            label="Passphrase"
            autoComplete="current-password"
            autoFocus
            value={passphrase}
            error={fieldError}
            onChange={(event) => {
              setPassphrase(event.currentTarget.value);
              setFieldError(null);
            }}
          />
          <ErrorAlert message={error} />
          <RetryNotice seconds={secondsLeft} />
          <Button type="submit" loading={busy} disabled={waiting}>
            Unlock
          </Button>
          <Anchor component="button" type="button" size="sm" ta="center" onClick={onForgot}>
            Forgot passphrase?
          </Anchor>
          <Anchor component="button" type="button" size="sm" ta="center" onClick={onRestore}>
            Restore a backup instead
          </Anchor>
        </Stack>
      </form>
    </CenteredCard>
  );
}
