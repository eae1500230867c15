import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import type { ActivityLogVerdict } from '../../../shared/clients';
import { call, errorMessage } from '../api';
import { ActivityList } from '../clients/ActivityList';
import { ErrorAlert } from '../components/ErrorAlert';
import { SettingsSection } from './SettingsSection';

/** The practice-wide activity log, and a check that no entry has been altered since it was written. */
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
      description="Every change to a client record is logged with its time and the fields it touched, never their content. Each entry is chained to the one before, so an altered entry can be detected."
    >
      <Stack gap="md">
        <Group>
          <Button variant="default" leftSection={<IconShieldCheck size={18} aria-hidden />} loading={verifying} onClick={verify}>
            Verify log
          </Button>
        </Group>
        <ErrorAlert title="The log could not be verified" message={error} />
        {verdict && (
          <Alert
            color={verdict.intact ? 'teal' : 'red'}
            variant="light"
            icon={verdict.intact ? <IconShieldCheck aria-hidden /> : <IconShieldX aria-hidden />}
            title={verdict.intact ? 'The activity log is intact' : 'The activity log has been altered'}
          >
            {verdict.message}
          </Alert>
        )}
        <ActivityList clientId={null} />
      </Stack>
    </SettingsSection>
  );
}
