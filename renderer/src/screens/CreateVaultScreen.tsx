import { useState } from 'react';
import { Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CenteredCard } from '../components/CenteredCard';
import { ErrorAlert } from '../components/ErrorAlert';
import { StrengthMeter } from '../components/StrengthMeter';
import { errorMessage } from '../api';
import { assessPassphrase } from '../passphrase';
import { MISMATCH_MESSAGE, WEAK_FALLBACK_MESSAGE } from '../messages';
import { useVault } from '../vault/vault-context';

/** First run: choose the passphrase that protects the new vault, or bring a backup from another computer. */
export function CreateVaultScreen({ onRestore }: { onRestore: () => void }) {
  const { createVault, creating } = useVault();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { passphrase: '', repeat: '' } });

  const submit = form.onSubmit(async ({ passphrase, repeat }) => {
    setError(null);
    const assessment = await assessPassphrase(passphrase);
    const errors = {
      ...(assessment.acceptable ? {} : { passphrase: assessment.reason ?? WEAK_FALLBACK_MESSAGE }),
      ...(passphrase === repeat ? {} : { repeat: MISMATCH_MESSAGE }),
    };
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      await createVault(passphrase);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  });

  return (
    <CenteredCard title="Create your vault">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text c="dimmed">
            Your notes are kept in a vault encrypted on this computer. There is no account and no server: only
            your passphrase opens it.
          </Text>
          <PasswordInput label="Passphrase" autoComplete="new-password" autoFocus {...form.getInputProps('passphrase')} />
          <StrengthMeter passphrase={form.values.passphrase} showReason={!form.errors.passphrase} />
          <PasswordInput label="Repeat passphrase" autoComplete="new-password" {...form.getInputProps('repeat')} />
          <ErrorAlert message={error} />
          <Button type="submit" loading={creating}>
            Create vault
          </Button>
          {creating && (
            <Text size="sm" c="dimmed" ta="center" aria-live="polite">
              Creating your vault…
            </Text>
          )}
          {!creating && (
            <Anchor component="button" type="button" size="sm" ta="center" onClick={onRestore}>
              Restore a backup instead
            </Anchor>
          )}
        </Stack>
      </form>
    </CenteredCard>
  );
}
