import { useState, type FormEvent } from 'react';
import { DateField } from '../../components/DateField';
import { typedDateProblem } from '../../components/typed-date';
import { Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { clientFieldProblems, type Client } from '../../../../shared/clients';
import { localIsoDate } from '../../../../shared/dates';
import { ApiError, call, errorMessage } from '../../api';
import { clientToFormValues, formValuesToFields } from '../form/client-form-values';
import { formatLocalDay } from '../../lib/dates';
import { useClientMutation } from '../queries';
import { ReviewDueBadge } from '../StatusBadge';

/** Shows the plan review date (and whether it is due) with an inline way to change it. */
export function ReviewDateControl({ client }: { client: Client }) {
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState(client.reviewDate ?? '');
  const [error, setError] = useState<string | null>(null);
  // There is no separate call for the date: the record is saved with only this field changed.
  const fieldsWith = (reviewDate: string) => formValuesToFields({ ...clientToFormValues(client), reviewDate });
  const save = useClientMutation((reviewDate: string) => call('updateClient', { id: client.id, fields: fieldsWith(reviewDate) }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = typedDateProblem(date) ?? clientFieldProblems(fieldsWith(date), localIsoDate()).reviewDate;
    if (problem) return setError(problem);
    save.mutate(date, {
      onSuccess: () => {
        setEditing(false);
        notifications.show({ color: 'teal', message: 'Plan review date saved' });
      },
      onError: (caught) => setError((caught instanceof ApiError && caught.fieldErrors.reviewDate) || errorMessage(caught)),
    });
  };

  return (
    <Paper withBorder radius="md" p="md">
      {editing ? (
        <form onSubmit={submit} noValidate>
          <Group align="flex-start">
            <DateField
              label="Plan review date"
              value={date}
              error={error}
              onChange={setDate}
              onClearError={() => setError(null)}
              data-autofocus
              autoFocus
            />
            <Button type="submit" mt={25} loading={save.isPending}>
              Save review date
            </Button>
            <Button variant="default" mt={25} onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </Group>
        </form>
      ) : (
        <Group justify="space-between">
          <Group gap="sm">
            <Text fw={600}>Plan review date</Text>
            <Text>{client.reviewDate ? formatLocalDay(client.reviewDate) : 'Not set'}</Text>
            {client.reviewDue && <ReviewDueBadge />}
          </Group>
          <Button
            variant="default"
            size="compact-sm"
            onClick={() => {
              setDate(client.reviewDate ?? '');
              setError(null);
              setEditing(true);
            }}
          >
            {client.reviewDate ? 'Change review date' : 'Set review date'}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
