import { Stack, Title } from '@mantine/core';
import type { Client } from '../../../../shared/clients';
import { AppointmentsSection } from '../../engagement/AppointmentsSection';
import { FollowUpPlanSection } from '../../engagement/FollowUpPlanSection';
import { AlertList } from '../../measures/AlertList';
import { useClientAlerts } from '../../measures/queries';

/** Follow-up: the engagement flag when raised, the agreed frequency and the appointments. */
export function FollowUpTab({ client }: { client: Client }) {
  const alerts = useClientAlerts(client.id);
  const engagement = (alerts.data?.alerts ?? []).filter((alert) => alert.kind === 'engagement');
  return (
    <Stack gap="md">
      {engagement.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            Engagement
          </Title>
          <AlertList clientId={client.id} alerts={engagement} />
        </Stack>
      )}
      <FollowUpPlanSection clientId={client.id} />
      <AppointmentsSection clientId={client.id} dateOfBirth={client.dateOfBirth} />
    </Stack>
  );
}
