import { useState } from 'react';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ApiError, call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { StrengthMeter } from '../components/StrengthMeter';
import { MISMATCH_MESSAGE, WEAK_FALLBACK_MESSAGE } from '../messages';
import { assessPassphrase } from '../passphrase';
import { SettingsSection } from './SettingsSection';

const INITIAL = { currentPassphrase: '', newPassphrase: '', repeat: '' };

/** Changing the passphrase rewraps the key; the notes themselves are not re-encrypted, so it is quick. */
export function ChangePassphraseForm({ onChanged }: { onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: INITIAL });

  const submit = form.onSubmit(async ({ currentPassphrase, newPassphrase, repeat }) => {
    setError(null);
    const assessment = await assessPassphrase(newPassphrase);
    const errors = {
      ...(currentPassphrase ? {} : { currentPassphrase: 'Enter your current passphrase.' }),
      ...(assessment.acceptable ? {} : { newPassphrase: assessment.reason ?? WEAK_FALLBACK_MESSAGE }),
      ...(newPassphrase === repeat ? {} : { repeat: MISMATCH_MESSAGE }),
    };
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      await call('changePassphrase', { currentPassphrase, newPassphrase });
      form.reset();
      notifications.show({ color: 'teal', message: 'Passphrase changed' });
      onChanged();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'WRONG_PASSPHRASE') {
        form.setFieldError('currentPassphrase', caught.message);
      } else if (caught instanceof ApiError && caught.code === 'WEAK_PASSPHRASE') {
        form.setFieldError('newPassphrase', caught.message);
      } else {
        setError(errorMessage(caught));
      }
    } finally {
      setBusy(false);
    }
  });

  return (
    <SettingsSection
      title="Change passphrase"
      description="Your notes stay as they are; only the lock on their key changes. The recovery key keeps working."
    >
      <form onSubmit={submit} noValidate>
        <Stack maw={420}>
          <PasswordInput
            label="Current passphrase"
            autoComplete="current-password"
            {...form.getInputProps('currentPassphrase')}
          />
          <PasswordInput label="New passphrase" autoComplete="new-password" {...form.getInputProps('newPassphrase')} />
          <StrengthMeter passphrase={form.values.newPassphrase} showReason={!form.errors.newPassphrase} />
          <PasswordInput label="Repeat new passphrase" autoComplete="new-password" {...form.getInputProps('repeat')} />
          <ErrorAlert message={error} />
          <Group>
            <Button type="submit" loading={busy}>
              Change passphrase
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsSection>
  );
}
