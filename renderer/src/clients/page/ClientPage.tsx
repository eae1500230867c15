import { Suspense, useEffect, useState } from 'react';
import { Center, Loader, Stack, Tabs, Text } from '@mantine/core';
import { IconActivity, IconCalendarRepeat, IconChartLine, IconClipboardList, IconNotes, IconPill, IconUser } from '@tabler/icons-react';
import { useClient } from '../queries';
import { ActivityList } from '../ActivityList';
import { ClientHeader } from './ClientHeader';
import { ClientLoadError } from './ClientLoadError';
import { OverviewTab } from './OverviewTab';
import { TreatmentPlanTab } from './TreatmentPlanTab';
import { ClientSessionsTab } from './ClientSessionsTab';
import { FollowUpTab } from './FollowUpTab';
import { MeasuresTab } from '../lazy-pages';
import { MedicationsTab } from '../../medications/MedicationsTab';
import { usePrescriber } from '../../medications/queries';
import { isClientTab, rememberedTab, rememberTab, type ClientTab } from './client-tabs';


/** `/clients/:id`: the header with the actions, and the record in tabs (`/clients/:id/sessions` opens on the timeline). */
export function ClientPage({ id, initialTab }: { id: string; initialTab?: ClientTab }) {
  const client = useClient(id);
  // The charts' code loads alongside the client's record, in case the Measures tab is the one shown.
  useEffect(() => void MeasuresTab.preload().catch(() => undefined), []);
  const prescriber = usePrescriber();
  const [tab, setTabState] = useState<ClientTab>(() => initialTab ?? rememberedTab(id) ?? 'overview');
  const setTab = (next: ClientTab) => {
    rememberTab(id, next);
    setTabState(next);
  };

  if (client.isError) return <ClientLoadError error={client.error} />;
  if (!client.data) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading client" />
      </Center>
    );
  }
  const data = client.data;
  // With "I prescribe" turned off the Medications tab is hidden (its data kept), so it cannot stay open.
  const shown = tab === 'medications' && !prescriber ? 'overview' : tab;
  return (
    <Stack gap="lg" maw={1000}>
      <ClientHeader client={data} />
      <Tabs value={shown} onChange={(value) => isClientTab(value) && setTab(value)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview" leftSection={<IconUser size={16} aria-hidden />}>
            Overview
          </Tabs.Tab>
          <Tabs.Tab value="plan" leftSection={<IconClipboardList size={16} aria-hidden />}>
            Treatment plan
          </Tabs.Tab>
          <Tabs.Tab value="sessions" leftSection={<IconNotes size={16} aria-hidden />}>
            Sessions
          </Tabs.Tab>
          <Tabs.Tab value="follow-up" leftSection={<IconCalendarRepeat size={16} aria-hidden />}>
            Follow-up
          </Tabs.Tab>
          {prescriber && (
            <Tabs.Tab value="medications" leftSection={<IconPill size={16} aria-hidden />}>
              Medications
            </Tabs.Tab>
          )}
          <Tabs.Tab value="measures" leftSection={<IconChartLine size={16} aria-hidden />}>
            Measures
          </Tabs.Tab>
          <Tabs.Tab value="activity" leftSection={<IconActivity size={16} aria-hidden />}>
            Activity
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          <OverviewTab client={data} />
        </Tabs.Panel>
        <Tabs.Panel value="plan" pt="lg">
          <TreatmentPlanTab client={data} />
        </Tabs.Panel>
        <Tabs.Panel value="sessions" pt="lg">
          <ClientSessionsTab client={data} />
        </Tabs.Panel>
        <Tabs.Panel value="follow-up" pt="lg">
          <FollowUpTab client={data} />
        </Tabs.Panel>
        {prescriber && (
          <Tabs.Panel value="medications" pt="lg">
            <MedicationsTab clientId={data.id} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="measures" pt="lg">
          <Suspense
            fallback={
              <Center py="lg">
                <Loader aria-label="Loading measures" />
              </Center>
            }
          >
            <MeasuresTab client={data} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="activity" pt="lg">
          <Text size="sm" c="dimmed" mb="sm">
            Every change to this record, newest first. The log names the fields that changed, never what they say.
          </Text>
          <ActivityList clientId={data.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
