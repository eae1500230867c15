import { useState } from 'react';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import type { CaseloadMeasure } from '../../../shared/caseload';
import { PageSection } from '../components/PageSection';
import type { OpenClients } from './ClientsModal';
import { OutcomesChart } from './OutcomesChart';
import { OutcomesTable } from './OutcomesTable';

/** Reliable change per outcome measure, as a chart or a table. */
export function OutcomesSection({ measures, onOpen, periodWords }: { measures: readonly CaseloadMeasure[]; onOpen: OpenClients; periodWords: string }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <PageSection
      title="Outcomes"
      description="Clients with at least two scored results of an outcome measure, the latest in this period: their first result against their latest. Reliably improved or deteriorated means a change of at least the measure's reliable change; recovered means improved and out of the clinical range."
    >
      {measures.length === 0 ? (
        <Text size="sm" c="dimmed">
          No client has two scored results of an outcome measure with the latest in this period.
        </Text>
      ) : (
        <Stack gap="md">
          <SegmentedControl
            aria-label="Show as"
            data={[
              { value: 'chart', label: 'Chart' },
              { value: 'table', label: 'Table' },
            ]}
            value={view}
            onChange={(value) => setView(value as 'chart' | 'table')}
            style={{ alignSelf: 'flex-start' }}
          />
          {view === 'chart' ? <OutcomesChart measures={measures} onOpen={onOpen} periodWords={periodWords} /> : <OutcomesTable measures={measures} onOpen={onOpen} periodWords={periodWords} />}
        </Stack>
      )}
    </PageSection>
  );
}
