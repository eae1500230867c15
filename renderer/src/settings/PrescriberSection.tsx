import { useState } from 'react';
import { Skeleton, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { SETTINGS_QUERY_KEY } from '../lib/query-keys';
import { useSettings } from '../lib/settings-query';
import { SettingsSection } from './SettingsSection';

const DESCRIPTION =
  'Shows the Medications tab on each client, the Medication management note template and the medications part of PDF summaries. Turning it off hides them and keeps everything recorded.';

/**
 * "I prescribe": a practice setting saved the moment it is switched, like automatic backups, so the
 * Medications tab is there as soon as the practitioner goes back to a client.
 */
export function PrescriberSection() {
  const settings = useSettings();
  const queryClient = useQueryClient();
  // What the switch was just turned to, shown at once while it saves; back to the saved value on failure.
  const [saving, setSaving] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async (prescriber: boolean) => {
    setSaving(prescriber);
    setError(null);
    try {
      queryClient.setQueryData(SETTINGS_QUERY_KEY, await call('updateSettings', { prescriber }));
      notifications.show({ color: 'teal', message: prescriber ? 'Medication management on' : 'Medication management off; nothing recorded was removed' });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(null);
    }
  };

  return (
    <SettingsSection title="Prescribing">
      {settings.isError && <ErrorAlert message={errorMessage(settings.error)} />}
      {settings.isPending && <Skeleton height={48} maw={480} aria-label="Loading the prescribing setting" />}
      {settings.data && (
        <Switch
          label="I prescribe"
          description={DESCRIPTION}
          maw={620}
          checked={saving ?? settings.data.prescriber}
          disabled={saving !== null}
          onChange={(event) => void save(event.currentTarget.checked)}
        />
      )}
      <ErrorAlert message={error} />
    </SettingsSection>
  );
}
