import { useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { ActivityLogVerdict } from '../../../shared/clients';
import { call, errorMessage } from '../api';
import { ActivityList } from '../clients/ActivityList';
import { ErrorAlert } from '../components/ErrorAlert';
import { RecordsVerdictAlert } from '../components/RecordsVerdictAlert';
import { SettingsSection } from './SettingsSection';

/**
 * The practice-wide activity log, and "Verify records": a check that no entry has been altered since
 * it was written, none cut off the end, and every signed note and addendum still matches its signature.
 */
export function ActivityLogSection() {
  const [verdict, setVerdict] = useState<ActivityLogVerdict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    setError(null);
    setVerdict(null);
    try {
      setVerdict(await call('verifyActivityLog'));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <SettingsSection
      title="Activity log"
      description="Every change to a client record is logged with its time and the fields it touched, never their content. Each entry is chained to the one before, and each signature's fingerprint is logged, so an altered entry or signed note can be detected."
    >
      <Stack gap="md">
        <Group>
          <Button variant="default" leftSection={<IconShieldCheck size={18} aria-hidden />} loading={verifying} onClick={verify}>
            Verify records
          </Button>
        </Group>
        <ErrorAlert title="The records could not be verified" message={error} />
        {verdict && <RecordsVerdictAlert verdict={verdict} />}
        <ActivityList clientId={null} />
      </Stack>
    </SettingsSection>
  );
}
