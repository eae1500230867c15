import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { goalInputSchema, type Client, type Goal } from '../../../../shared/clients';
import { localIsoDate } from '../../../../shared/dates';
import { ApiError, call, errorMessage } from '../../api';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { typedDateProblem } from '../../components/typed-date';
import { useUnsavedChanges } from '../../navigation/navigation-guard';
import { useClientMutation } from '../queries';

type GoalFormMode = { kind: 'add'; clientId: string } | { kind: 'edit'; goal: Goal };
interface GoalDraft {
  text: string;
  objective: string;
  dateSet: string;
  targetDate: string;
}

function validate(draft: GoalDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = goalInputSchema.safeParse({ text: draft.text, objective: draft.objective, targetDate: draft.targetDate || null });
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  for (const key of ['dateSet', 'targetDate'] as const) {
    const unreadable = typedDateProblem(draft[key]);
    if (unreadable) errors[key] = unreadable;
  }
  if (errors.dateSet || errors.targetDate) return errors;
  if (draft.dateSet === '') errors.dateSet = 'Enter the date the goal was set.';
  else if (draft.targetDate !== '' && draft.targetDate < draft.dateSet) errors.targetDate ??= 'The target date cannot be before the date set.';
  return errors;
}

/** Adds a goal, or edits one in place. The goal is written in the client's own words. */
export function GoalForm({ mode, onDone }: { mode: GoalFormMode; onDone: () => void }) {
  const initial: GoalDraft =
    mode.kind === 'add'
      ? { text: '', objective: '', dateSet: localIsoDate(), targetDate: '' }
      : { text: mode.goal.text, objective: mode.goal.objective, dateSet: mode.goal.dateSet, targetDate: mode.goal.targetDate ?? '' };
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  useUnsavedChanges(draft.text !== initial.text || draft.objective !== initial.objective || draft.targetDate !== initial.targetDate);

  const save = useClientMutation((input: GoalDraft): Promise<Client> => {
    const goal = { text: input.text, objective: input.objective, targetDate: input.targetDate || null };
    return mode.kind === 'add'
      ? call('addGoal', { ...goal, clientId: mode.clientId, dateSet: input.dateSet })
      : call('updateGoal', { ...goal, goalId: mode.goal.id });
  });

  const field = (key: keyof GoalDraft) => ({
    value: draft[key],
    error: errors[key],
    onChange: (event: { currentTarget: { value: string } }) => {
      const { value } = event.currentTarget;
      setDraft((previous) => ({ ...previous, [key]: value }));
      setErrors(({ [key]: _dropped, ...rest }) => rest);
    },
  });

  const dateField = (key: 'dateSet' | 'targetDate') => ({
    value: draft[key],
    error: errors[key],
    onChange: (value: string) => setDraft((previous) => ({ ...previous, [key]: value })),
    onClearError: () => setErrors(({ [key]: _dropped, ...rest }) => rest),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setError(null);
    save.mutate(draft, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: mode.kind === 'add' ? 'Goal added' : 'Goal saved' });
        onDone();
      },
      onError: (caught) => {
        if (caught instanceof ApiError && Object.keys(caught.fieldErrors).length > 0) setErrors(caught.fieldErrors);
        else setError(errorMessage(caught));
      },
    });
  };

  return (
    <Paper withBorder radius="md" p="md" bg="var(--app-color-surface-subtle)">
      <form onSubmit={submit} noValidate aria-label={mode.kind === 'add' ? 'New goal' : 'Edit goal'}>
        <Stack gap="sm">
          <ErrorAlert message={error} />
          <Textarea label="Goal (in the client's own words)" autosize minRows={2} dir="auto" data-autofocus autoFocus {...field('text')} />
          <Textarea label="Measurable objective" placeholder="How you will both know it is happening" autosize minRows={1} dir="auto" {...field('objective')} />
          <SimpleGrid cols={2} maw={420}>
            {mode.kind === 'add' && <DateField label="Date set" {...dateField('dateSet')} />}
            <DateField label="Target date" {...dateField('targetDate')} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save goal
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
