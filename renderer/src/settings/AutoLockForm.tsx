import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, NumberInput, Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AUTO_LOCK_MINUTES } from '../../../shared/limits';
import { ApiError, call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { SettingsSection } from './SettingsSection';

const RANGE_MESSAGE = `Choose between ${AUTO_LOCK_MINUTES.min} and ${AUTO_LOCK_MINUTES.max} minutes.`;

const isValidMinutes = (value: number | string): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= AUTO_LOCK_MINUTES.min && value <= AUTO_LOCK_MINUTES.max;

/** How long the vault may stay open untouched before it locks itself. */
export function AutoLockForm() {
  const [minutes, setMinutes] = useState<number | string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    call('getSettings').then(
      (settings) => !cancelled && setMinutes(settings.autoLockMinutes),
      (caught: unknown) => !cancelled && setError(errorMessage(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (minutes === null) return;
    if (!isValidMinutes(minutes)) {
      setFieldError(RANGE_MESSAGE);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await call('updateSettings', { autoLockMinutes: minutes });
      setMinutes(saved.autoLockMinutes);
      notifications.show({ color: 'teal', message: 'Auto-lock saved' });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'VALIDATION') setFieldError(caught.message);
      else setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsSection title="Auto-lock" description="The vault locks itself when this computer has been left alone.">
      <ErrorAlert message={error} />
      {minutes === null && !error && <Skeleton height={60} maw={320} aria-label="Loading auto-lock setting" />}
      {minutes !== null && (
        <form onSubmit={submit} noValidate>
          <Stack maw={320}>
            <NumberInput
              label="Lock after minutes without activity"
              min={AUTO_LOCK_MINUTES.min}
              max={AUTO_LOCK_MINUTES.max}
              // Out-of-range values are kept as typed so they can be explained, not silently changed.
              clampBehavior="none"
              value={minutes}
              error={fieldError}
              onChange={(value) => {
                setMinutes(value);
                setFieldError(null);
              }}
            />
            <Group>
              <Button type="submit" loading={busy}>
                Save auto-lock
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </SettingsSection>
  );
}
