import { useState } from 'react';
import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { CenteredCard } from '../components/CenteredCard';
import { ErrorAlert } from '../components/ErrorAlert';
import { RecoveryKeyPanel } from '../components/RecoveryKeyPanel';
import { errorMessage } from '../api';
import { useVault } from '../vault/vault-context';

/** Shown while unlocked until the practitioner confirms they stored a recovery key. */
export function RecoveryKeyScreen() {
  const { recoveryKey, regenerating, regenerateRecoveryKey, confirmRecoveryKeySaved } = useVault();
  const [error, setError] = useState<string | null>(null);

  const regenerate = async () => {
    setError(null);
    try {
      await regenerateRecoveryKey();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <CenteredCard title="Your recovery key" width={640}>
      {recoveryKey ? (
        <Stack>
          <Text className="no-print">
            This key unlocks your vault if you ever forget your passphrase. It is shown only once, so store it
            offline now: print it or save it to a USB stick, and keep it somewhere safe away from this computer.
          </Text>
          <RecoveryKeyPanel recoveryKey={recoveryKey} onContinue={confirmRecoveryKeySaved} />
        </Stack>
      ) : regenerating ? (
        <Center py="xl">
          <Loader aria-label="Making a new recovery key" />
        </Center>
      ) : (
        <Stack>
          <Text>
            Your recovery key was never confirmed as stored, and it can no longer be shown. Make a new one now; the
            old key will stop working.
          </Text>
          <ErrorAlert message={error} />
          <Button onClick={regenerate}>Make a new recovery key</Button>
        </Stack>
      )}
    </CenteredCard>
  );
}
