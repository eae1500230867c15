import { useState } from 'react';
import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { localIsoDate } from '../../../shared/dates';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatLocalDay } from '../lib/dates';
import { ClientsModal, type ShownClients } from './ClientsModal';
import { EarlyAllianceSection } from './EarlyAllianceSection';
import { HeadlineNumbers } from './HeadlineNumbers';
import { OutcomesSection } from './OutcomesSection';
import { periodDraftProblems, presetPeriod, type PeriodDraft } from './period';
import { PeriodPicker } from './PeriodPicker';
import { useCaseloadOutcomes } from './queries';

/**
 * The practice over a chosen period, computed on this computer: who came, how often, who ended without
 * a planned ending, who changed reliably on their outcome measures, and the early alliance of those who
 * improved against those who did not. Every number opens its clients, by code only.
 */
export function CaseloadPage() {
  const [today] = useState(() => localIsoDate());
  const [draft, setDraft] = useState<PeriodDraft>(() => presetPeriod('last-12-months', today));
  const [shown, setShown] = useState<ShownClients | null>(null);
  const problems = periodDraftProblems(draft);
  const valid = Object.keys(problems).length === 0;
  const outcomes = useCaseloadOutcomes(valid ? draft : null);
  const data = outcomes.data;
  const periodWords = data ? `from ${formatLocalDay(data.period.from)} to ${formatLocalDay(data.period.to)}` : '';

  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1}>Caseload outcomes</Title>
      <Text c="dimmed" size="sm">
        Worked out on this computer from your records. Clients are shown by code only.
      </Text>
      <PeriodPicker draft={draft} problems={problems} today={today} onChange={setDraft} />
      {outcomes.isError && <ErrorAlert title="The caseload outcomes could not be worked out" message={errorMessage(outcomes.error)} />}
      {outcomes.isPending && valid && (
        <Group gap="sm">
          <Loader size="sm" aria-label="Working out the caseload outcomes" />
          <Text size="sm">Working out the caseload outcomes…</Text>
        </Group>
      )}
      {data && (
        <Stack gap="lg" aria-busy={outcomes.isFetching} style={{ opacity: outcomes.isPlaceholderData ? 0.6 : 1 }}>
          <Text size="sm" aria-live="polite">
            {outcomes.isPlaceholderData ? 'Working out the new period…' : `Showing ${periodWords}.`}
          </Text>
          <HeadlineNumbers outcomes={data} onOpen={setShown} periodWords={periodWords} />
          <OutcomesSection measures={data.measures} onOpen={setShown} periodWords={periodWords} />
          <EarlyAllianceSection alliance={data.earlyAlliance} onOpen={setShown} periodWords={periodWords} />
        </Stack>
      )}
      <ClientsModal shown={shown} onClose={() => setShown(null)} />
    </Stack>
  );
}
