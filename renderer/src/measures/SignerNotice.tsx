import { Alert, Anchor, Skeleton, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useGuardedLink } from '../navigation/navigation-guard';
import { useSettings } from '../lib/settings-query';

/** Who an addendum will be signed as, from Settings; false until a name is there to sign with. */
export function useSigner(): { ready: boolean; notice: React.ReactNode } {
  const settings = useSettings();
  const link = useGuardedLink();
  const name = settings.data?.practitionerName.trim() ?? '';
  const credentials = settings.data?.credentials.trim() ?? '';
  if (settings.isPending) return { ready: false, notice: <Skeleton height={24} aria-label="Loading your name" /> };
  if (settings.isError) return { ready: false, notice: <ErrorAlert message={errorMessage(settings.error)} /> };
  if (name === '') {
    return {
      ready: false,
      notice: (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />} title="Your name is missing">
          Addenda are signed with the name and credentials in Settings. <Anchor {...link('/settings')}>Add them in Settings</Anchor>.
        </Alert>
      ),
    };
  }
  return {
    ready: true,
    notice: (
      <Text size="sm">
        Signed as <strong>{name}</strong>
        {credentials && `, ${credentials}`}, dated today.
      </Text>
    ),
  };
}
