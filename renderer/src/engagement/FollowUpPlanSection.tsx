import { useState, type FormEvent } from 'react';
import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { localIsoDate } from '../../../shared/dates';
import { frequencies, MAX_EVERY_DAYS, type FollowUpPlan, type Frequency } from '../../../shared/engagement';
import { followUpPlanProblems, frequencyInWords } from '../../../shared/engagement-rules';
import { call, errorMessage } from '../api';
import { DateField } from '../components/DateField';
import { ErrorAlert } from '../components/ErrorAlert';
import { typedDateProblem } from '../components/typed-date';
import { formatLocalDay } from '../lib/dates';
import { FREQUENCY_LABELS, options } from './labels';
import { useEngagementChanged, useFollowUpPlan } from './queries';
import { numberOf, useFieldForm } from './use-field-form';

/** The session frequency agreed with the client, which makes "overdue" measurable. */
export function FollowUpPlanSection({ clientId }: { clientId: string }) {
  const plan = useFollowUpPlan(clientId);
  const [editing, setEditing] = useState(false);
  const current = plan.data?.plan ?? null;

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-label="Agreed frequency">
      <Title order={2} size="h4" mb="sm">
        Agreed frequency
      </Title>
      {plan.isError && <ErrorAlert message={errorMessage(plan.error)} />}
      {plan.isSuccess && !editing && (
        <Group justify="space-between" align="flex-start">
          <Text size="sm" c={current ? undefined : 'dimmed'}>
            {current ? `${capitalise(frequencyInWords(current.frequency, current.everyDays))} sessions, agreed on ${formatLocalDay(current.agreedOn)}.` : 'No frequency agreed yet. Agreeing one with the client lets the app notice when they are overdue.'}
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => setEditing(true)}>
            {current ? 'Change frequency…' : 'Set frequency…'}
          </Button>
        </Group>
      )}
      {plan.isSuccess && editing && <FollowUpPlanForm clientId={clientId} current={current} onDone={() => setEditing(false)} />}
    </Paper>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

interface PlanValues {
  frequency: Frequency;
  everyDays: number | string;
  agreedOn: string;
}

function FollowUpPlanForm({ clientId, current, onDone }: { clientId: string; current: FollowUpPlan | null; onDone: () => void }) {
  const today = localIsoDate();
  const form = useFieldForm<PlanValues>({ frequency: current?.frequency ?? 'weekly', everyDays: current?.everyDays ?? '', agreedOn: today });
  const changed = useEngagementChanged();
  const { values } = form;

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = { clientId, frequency: values.frequency, everyDays: values.frequency === 'every_n_days' ? numberOf(values.everyDays) : null, agreedOn: values.agreedOn };
    const problems: Record<string, string> = { ...followUpPlanProblems({ ...input, everyDays: Number.isNaN(input.everyDays) ? null : input.everyDays }, today) };
    const dateProblem = typedDateProblem(values.agreedOn) ?? (values.agreedOn === '' ? 'Enter the day it was agreed.' : null);
    if (dateProblem) problems.agreedOn = dateProblem;
    if (input.everyDays !== null && !Number.isNaN(input.everyDays) && !Number.isInteger(input.everyDays)) problems.everyDays = 'Enter whole days.';
    void form.submit(problems, async () => {
      await call('setFollowUpPlan', input);
      changed(clientId);
      notifications.show({ color: 'teal', message: 'Frequency saved' });
      onDone();
    });
  };

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="sm">
        <ErrorAlert message={form.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Frequency"
            allowDeselect={false}
            data={options(frequencies, FREQUENCY_LABELS)}
            value={values.frequency}
            error={form.errors.frequency}
            onChange={(value) => value && form.set('frequency', value as Frequency)}
            data-autofocus
          />
          {values.frequency === 'every_n_days' && (
            <NumberInput
              label="Days apart"
              min={1}
              max={MAX_EVERY_DAYS}
              clampBehavior="none"
              allowDecimal
              value={values.everyDays}
              error={form.errors.everyDays}
              onChange={(value) => form.set('everyDays', value)}
            />
          )}
          <DateField label="Agreed on" max={today} value={values.agreedOn} error={form.errors.agreedOn} onChange={(value) => form.set('agreedOn', value)} onClearError={() => undefined} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.busy}>
            Save frequency
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
