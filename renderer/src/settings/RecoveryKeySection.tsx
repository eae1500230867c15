import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { RecoveryKeyPanel } from '../components/RecoveryKeyPanel';
import { useVault } from '../vault/vault-context';
import { SettingsSection } from './SettingsSection';

/** Replace a recovery key that may have been lost or seen by someone else. */
export function RecoveryKeySection({ onChanged }: { onChanged: () => void }) {
  const { recoveryKey, regenerating, regenerateRecoveryKey, confirmRecoveryKeySaved } = useVault();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const regenerate = async () => {
    setConfirming(false);
    setError(null);
    try {
      await regenerateRecoveryKey();
      onChanged();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const finish = async () => {
    await confirmRecoveryKeySaved();
    notifications.show({ color: 'teal', message: 'New recovery key confirmed' });
    onChanged();
  };

  return (
    <SettingsSection
      title="Recovery key"
      description="The recovery key opens the vault if you forget your passphrase. Make a new one if yours is lost or someone else may have seen it."
    >
      {recoveryKey ? (
        <Stack maw={560}>
          <Text size="sm" className="no-print">
            This is your new recovery key. It is shown only once: store it offline now. Your old key no longer works.
          </Text>
          <RecoveryKeyPanel recoveryKey={recoveryKey} onContinue={finish} />
        </Stack>
      ) : (
        <Stack align="flex-start">
          <ErrorAlert message={error} />
          <Button variant="default" loading={regenerating} onClick={() => setConfirming(true)}>
            Make a new recovery key
          </Button>
        </Stack>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Make a new recovery key?" centered>
        <Stack>
          <Text>
            Your current recovery key will stop working as soon as the new one is made. You will need to store the new
            key somewhere safe.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="orange" onClick={regenerate}>
              Replace recovery key
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SettingsSection>
  );
}
