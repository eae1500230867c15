import { useState } from 'react';
import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call, errorMessage } from '../api';
import { CenteredCard } from '../components/CenteredCard';
import { ErrorAlert } from '../components/ErrorAlert';
import { StrengthMeter } from '../components/StrengthMeter';
import { RetryNotice } from '../components/RetryNotice';
import { preloadUnlockedApp } from '../lazy-screens';
import { assessPassphrase } from '../passphrase';
import { MISMATCH_MESSAGE, WEAK_FALLBACK_MESSAGE } from '../messages';
import { useVault } from '../vault/vault-context';
import { normaliseRecoveryKey } from '../../../shared/recovery-key';

const NOT_A_KEY = 'A recovery key has 32 letters and digits in eight groups of four, like XXXX-XXXX-….';

interface RecoverScreenProps {
  onBack: () => void;
  /** Seconds before the main side accepts another attempt. */
  secondsLeft: number;
  /** Feeds a failed attempt's error back so its wait can be shown. */
  onFailure: (error: unknown) => void;
}

/** Forgotten passphrase: the recovery key opens the vault and a new passphrase replaces the old one. */
export function RecoverScreen({ onBack, secondsLeft, onFailure }: RecoverScreenProps) {
  const { applyStatus } = useVault();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { recoveryKey: '', newPassphrase: '', repeat: '' } });

  const submit = form.onSubmit(async ({ recoveryKey, newPassphrase, repeat }) => {
    if (busy || secondsLeft > 0) return;
    setError(null);
    const key = normaliseRecoveryKey(recoveryKey);
    const assessment = await assessPassphrase(newPassphrase);
    const errors = {
      ...(key ? {} : { recoveryKey: recoveryKey.trim() ? NOT_A_KEY : 'Enter your recovery key.' }),
      ...(assessment.acceptable ? {} : { newPassphrase: assessment.reason ?? WEAK_FALLBACK_MESSAGE }),
      ...(newPassphrase === repeat ? {} : { repeat: MISMATCH_MESSAGE }),
    };
    form.setErrors(errors);
    if (!key || Object.keys(errors).length > 0) return;
    setBusy(true);
    // The app's code loads while the key is checked and the new passphrase set.
    preloadUnlockedApp();
    try {
      applyStatus(await call('unlockWithRecoveryKey', { recoveryKey: key, newPassphrase }));
    } catch (caught) {
      setError(errorMessage(caught));
      onFailure(caught);
      setBusy(false);
    }
  });

  return (
    <CenteredCard title="Unlock with your recovery key" width={520}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text c="dimmed">
            Type the recovery key you stored when you created the vault, then choose a new passphrase.
          </Text>
          <TextInput
            label="Recovery key"
            placeholder="XXXX-XXXX-…"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('recoveryKey')}
          />
          <PasswordInput label="New passphrase" autoComplete="new-password" {...form.getInputProps('newPassphrase')} />
          <StrengthMeter passphrase={form.values.newPassphrase} showReason={!form.errors.newPassphrase} />
          <PasswordInput label="Repeat new passphrase" autoComplete="new-password" {...form.getInputProps('repeat')} />
          <ErrorAlert message={error} />
          <RetryNotice seconds={secondsLeft} />
          <Button type="submit" loading={busy} disabled={secondsLeft > 0}>
            Unlock and set passphrase
          </Button>
          <Button variant="subtle" onClick={onBack}>
            Back to passphrase
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
