import { useState } from 'react';
import { Button, EmptyState, Group, Stack, Title } from '@mantine/core';
import { IconPlus, IconTarget } from '@tabler/icons-react';
import type { Client } from '../../../../shared/clients';
import { GoalCard } from './GoalCard';
import { GoalForm } from './GoalForm';
import { ReviewDateControl } from './ReviewDateControl';

/** The plan: when it is next reviewed, and the goals in the client's own words. */
export function TreatmentPlanTab({ client }: { client: Client }) {
  const [adding, setAdding] = useState(false);

  return (
    <Stack gap="lg">
      <ReviewDateControl client={client} />
      <Group justify="space-between">
        <Title order={2} size="h3">
          Goals
        </Title>
        {!adding && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} variant="light" onClick={() => setAdding(true)}>
            Add goal
          </Button>
        )}
      </Group>
      {adding && <GoalForm mode={{ kind: 'add', clientId: client.id }} onDone={() => setAdding(false)} />}
      {client.goals.length === 0 && !adding && (
        <EmptyState icon={<IconTarget size={28} aria-hidden />} title="No goals yet">
          <EmptyState.Description>
            Goals agreed with the client, in their own words, give each session and alliance rating something to
            refer back to.
          </EmptyState.Description>
        </EmptyState>
      )}
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Goals">
        {client.goals.map((goal) => (
          <li key={goal.id}>
            <GoalCard goal={goal} />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
