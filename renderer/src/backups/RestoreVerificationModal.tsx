import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { RecordsVerdictAlert } from '../components/RecordsVerdictAlert';
import { useVault } from '../vault/vault-context';

/**
 * "Verify records" runs by itself after every restore; this shows its answer once the restored vault
 * is open, so a backup whose records were altered is noticed before anyone works in it.
 */
export function RestoreVerificationModal() {
  const { restoreVerification, dismissRestoreVerification } = useVault();
  if (restoreVerification === null) return null;
  return (
    <Modal opened onClose={dismissRestoreVerification} title="Restored records verified" size="lg">
      <Stack>
        {restoreVerification === 'unavailable' ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="The restored records could not be verified">
            The restore finished, but the check of its records did not. Run “Verify records” in Settings → Activity log.
          </Alert>
        ) : (
          <>
            <Text size="sm">Every entry of the activity log and every signed note and addendum of the restored vault was checked against its fingerprint.</Text>
            <RecordsVerdictAlert verdict={restoreVerification} />
          </>
        )}
        <Group justify="flex-end">
          <Button onClick={dismissRestoreVerification}>Close</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
