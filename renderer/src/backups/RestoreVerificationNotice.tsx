import { useEffect } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { RecordsVerdictAlert } from '../components/RecordsVerdictAlert';
import { useVault } from '../vault/vault-context';

/**
 * "Verify records" runs by itself after every restore; this shows its answer once the restored vault
 * is open. Records that all match are reported in passing; any that do not, or a check that could not
 * finish, hold the window until read, so altered records are noticed before anyone works in them.
 */
export function RestoreVerificationNotice() {
  const { restoreVerification: verdict, dismissRestoreVerification: dismiss } = useVault();
  const intact = verdict !== null && verdict !== 'unavailable' && verdict.intact;
  useEffect(() => {
    if (verdict === null || verdict === 'unavailable' || !verdict.intact) return;
    notifications.show({ color: 'teal', title: 'Restored records verified', message: verdict.message });
    dismiss();
  }, [verdict, dismiss]);
  if (verdict === null || intact) return null;
  return (
    <Modal opened onClose={dismiss} title="Restored records checked" size="lg">
      <Stack>
        {verdict === 'unavailable' ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="The restored records could not be verified">
            The restore finished, but the check of its records did not. Run “Verify records” in Settings → Activity log.
          </Alert>
        ) : (
          <>
            <Text size="sm">
              Every entry of the restored activity log, and every signed note and addendum, was checked against its fingerprint. The restore itself
              finished; these records differ from what was signed.
            </Text>
            <RecordsVerdictAlert verdict={verdict} />
          </>
        )}
        <Group justify="flex-end">
          <Button onClick={dismiss}>Close</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
