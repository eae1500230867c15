import { useState } from 'react';
import { Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPrinter } from '@tabler/icons-react';
import { call, errorMessage } from '../api';
import { ErrorAlert } from './ErrorAlert';

interface RecoveryKeyPanelProps {
  recoveryKey: string;
  /** Called once the practitioner ticks the box and continues; may throw an ApiError. */
  onContinue: () => Promise<void>;
}

/** Shows a freshly made recovery key with ways to keep it, and waits for the practitioner to confirm. */
export function RecoveryKeyPanel({ recoveryKey, onContinue }: RecoveryKeyPanelProps) {
  const [stored, setStored] = useState(false);
  const [saving, setSaving] = useState(false);
  const [continuing, setContinuing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const result = await call('saveRecoveryKeyToFile', { recoveryKey });
      if (result.saved) {
        notifications.show({ color: 'teal', message: `Recovery key saved to ${result.path ?? 'the chosen file'}` });
      }
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  const proceed = async () => {
    setContinuing(true);
    setError(null);
    try {
      await onContinue();
    } catch (caught) {
      setError(errorMessage(caught));
      setContinuing(false);
    }
  };

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="lg" bg="var(--app-color-surface-subtle)" className="recovery-key-print">
        <Text size="sm" c="dimmed" mb={6}>
          Alliance Notes recovery key
        </Text>
        <Text data-testid="recovery-key" className="recovery-key" ff="monospace" fz={20} fw={600}>
          {recoveryKey}
        </Text>
      </Paper>
      <Group gap="sm">
        <Button variant="default" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={saving} onClick={save}>
          Save to file…
        </Button>
        <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
          Print
        </Button>
      </Group>
      <Checkbox
        label="I have stored my recovery key somewhere safe"
        checked={stored}
        onChange={(event) => setStored(event.currentTarget.checked)}
      />
      <ErrorAlert message={error} />
      <Button disabled={!stored} loading={continuing} onClick={proceed}>
        Continue
      </Button>
    </Stack>
  );
}
