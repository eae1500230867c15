import { useState } from 'react';
import { Anchor, Badge, Group, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { sparklinePath } from '../../../shared/measures';
import type { OverviewClient } from '../../../shared/measure-records';
import { errorMessage } from '../api';
import { formatLocalDay } from '../lib/dates';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSection } from '../components/PageSection';
import { ALERT_COLORS, ALERT_LABELS } from '../measures/AlertList';
import { rememberTab } from '../clients/page/client-tabs';
import { usePracticeOverview } from '../measures/queries';
import { useGuardedLink } from '../navigation/navigation-guard';
import { AlertReason } from './AlertReason';
import { isEngagementFlag } from '../../../shared/engagement-flag';

type Filter = 'all' | 'alerts' | 'unmeasured';
/** "No measure in the last 3 sessions". */
const UNMEASURED_AFTER = 3;

const matches = (client: OverviewClient, filter: Filter): boolean =>
  filter === 'all' ||
  (filter === 'alerts' && client.alerts.length > 0) ||
  (filter === 'unmeasured' && client.sessionCount > 0 && (client.sessionsSinceMeasure === null || client.sessionsSinceMeasure >= UNMEASURED_AFTER));

/** Active clients, most urgent first: latest alliance score and trend, open alerts, last session. */
export function PracticeOverviewSection() {
  const overview = usePracticeOverview();
  const [filter, setFilter] = useState<Filter>('all');
  const clients = (overview.data?.clients ?? []).filter((client) => matches(client, filter));
  return (
    <PageSection order={2} title="Caseload" description="Active clients, those with alerts first. Codes only: this page may be on screen with someone else in the room.">
      <Stack gap="sm">
        <SegmentedControl
          aria-label="Show"
          value={filter}
          onChange={(value) => setFilter(value as Filter)}
          data={[
            { value: 'all', label: 'All active' },
            { value: 'alerts', label: 'Alerts only' },
            { value: 'unmeasured', label: `No measure in last ${UNMEASURED_AFTER} sessions` },
          ]}
        />
        {overview.isPending && <Skeleton height={120} aria-label="Loading caseload" />}
        {overview.isError && <ErrorAlert title="The caseload could not be loaded" message={errorMessage(overview.error)} />}
        {overview.isSuccess && clients.length === 0 && (
          <Text c="dimmed" size="sm">
            {filter === 'all' ? 'No active clients yet.' : 'No client matches this filter.'}
          </Text>
        )}
        {clients.length > 0 && <OverviewTable clients={clients} />}
      </Stack>
    </PageSection>
  );
}

function OverviewTable({ clients }: { clients: readonly OverviewClient[] }) {
  const link = useGuardedLink();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" aria-label="Caseload">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Client</Table.Th>
            <Table.Th>Alliance</Table.Th>
            <Table.Th>Alerts</Table.Th>
            <Table.Th>Last session</Table.Th>
            <Table.Th>Since last measure</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => (
            <Table.Tr key={client.clientId}>
              <Table.Td>
                <Anchor ff="monospace" fw={600} style={{ whiteSpace: 'nowrap' }} {...link(`/clients/${client.clientId}`)}>
                  {client.code}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {client.alliance ? <AllianceCell alliance={client.alliance} /> : (
                  <Text size="sm" c="dimmed">
                    Not measured
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2} role="list" aria-label={`Open alerts of ${client.code}`}>
                  {shownAlerts(client.alerts).map((alert) => (
                    <Group key={alert.key} gap={6} wrap="nowrap" align="flex-start" role="listitem">
                      <Badge size="xs" color={ALERT_COLORS[alert.severity]} autoContrast style={{ flexShrink: 0, marginTop: 3 }}>
                        {ALERT_LABELS[alert.severity]}
                      </Badge>
                      <AlertReason alert={alert} />
                    </Group>
                  ))}
                </Stack>
                {client.alerts.length > shownAlerts(client.alerts).length && (
                  <Anchor size="xs" {...link(`/clients/${client.clientId}`)} onClickCapture={() => rememberTab(client.clientId, 'measures')}>
                    {moreAlertsWords(client.alerts.length - shownAlerts(client.alerts).length)}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{client.lastSessionDate ? formatLocalDay(client.lastSessionDate) : '–'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{client.sessionsSinceMeasure === null ? 'Never measured' : client.sessionsSinceMeasure === 1 ? '1 session' : `${client.sessionsSinceMeasure} sessions`}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type Alliance = NonNullable<OverviewClient['alliance']>;

/**
 * The most urgent few of a client's open alerts; the rest are a link to the client's Measures tab, where
 * each can be read and acknowledged. A caseload of long lists would hide the one client who needs a look.
 */
const ALERTS_SHOWN = 3;

/**
 * The engagement flag, then the first ALERTS_SHOWN other alerts, most urgent first. The flag sums the
 * others up ("4 alliance alerts are still open"), so it never takes the place of one of them.
 */
function shownAlerts<T extends { key: string }>(alerts: readonly T[]): T[] {
  return [...alerts.filter(isEngagementFlag), ...alerts.filter((alert) => !isEngagementFlag(alert)).slice(0, ALERTS_SHOWN)];
}

const moreAlertsWords = (count: number) => (count === 1 ? '1 more open alert' : `${count} more open alerts`);

/** "SAC client" already says who rated it; other names get the rater added. */
export const measureWithRater = (shortName: string, rater: string): string =>
  shortName.toLowerCase().includes(rater) ? shortName : `${shortName}, ${rater}-rated`;

/** The latest alliance result: value out of maximum, measure and rater, date, and that measure's recent totals. */
function AllianceCell({ alliance }: { alliance: Alliance }) {
  const name = measureWithRater(alliance.shortName, alliance.rater);
  // The latest total as a dot, so a single result (no line yet) still shows.
  const last = alliance.trend.length - 1;
  const value = alliance.trend[last];
  const span = alliance.range.max - alliance.range.min || 1;
  const latest =
    value === null || value === undefined ? null : { x: last > 0 ? 72 : 36, y: 20 - ((value - alliance.range.min) / span) * 20 };
  return (
    <Stack gap={0}>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" fw={600} miw={48}>
          {alliance.total ?? '–'}/{alliance.range.max}
        </Text>
        <svg width={72} height={20} role="img" style={{ overflow: 'visible' }} aria-label={`${alliance.shortName} totals: ${alliance.trend.map((value) => value ?? 'not scored').join(', ')}`}>
          <path d={sparklinePath(alliance.trend, 72, 20, [alliance.range.min, alliance.range.max])} fill="none" stroke="var(--mantine-color-blue-7)" strokeWidth={1.5} />
          {latest && <circle cx={latest.x} cy={latest.y} r={2.5} fill="var(--mantine-color-blue-7)" />}
        </svg>
      </Group>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {name}, {formatLocalDay(alliance.takenOn)}
      </Text>
    </Stack>
  );
}
