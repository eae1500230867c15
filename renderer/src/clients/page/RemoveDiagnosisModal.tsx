import { useState, type FormEvent } from 'react';
import { DateField } from '../../components/DateField';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Diagnosis } from '../../../../shared/clients';
import { localIsoDate } from '../../../../shared/dates';
import { call, routeFieldError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useClientMutation } from '../queries';

interface RemoveDiagnosisModalProps {
  clientId: string;
  diagnosis: Diagnosis | null;
  onClose: () => void;
}

/** A diagnosis is never deleted, only ended on a date; it then moves to the history. */
export function RemoveDiagnosisModal({ clientId, diagnosis, onClose }: RemoveDiagnosisModalProps) {
  return (
    <Modal opened={diagnosis !== null} onClose={onClose} title="Remove diagnosis" centered>
      {diagnosis && <RemoveForm clientId={clientId} diagnosis={diagnosis} onDone={onClose} />}
    </Modal>
  );
}

function RemoveForm({ clientId, diagnosis, onDone }: { clientId: string; diagnosis: Diagnosis; onDone: () => void }) {
  const [date, setDate] = useState(localIsoDate());
  const [dateError, setDateError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = useClientMutation(() => call('removeDiagnosis', { clientId, diagnosisId: diagnosis.id, dateRemoved: date }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (date === '') return setDateError('Enter the date the diagnosis no longer applied.');
    if (date < diagnosis.dateAdded) return setDateError('The date removed cannot be before the date the diagnosis was added.');
    remove.mutate(undefined, {
      onSuccess: onDone,
      onError: routeFieldError('dateRemoved', setDateError, setError),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          <Text span ff="monospace">
            {diagnosis.code}
          </Text>{' '}
          <bdi>{diagnosis.label}</bdi> stays in the record&apos;s history as a removed diagnosis.
        </Text>
        <ErrorAlert message={error} />
        <DateField
          label="Date removed"
          value={date}
          error={dateError}
          onChange={setDate}
          onClearError={() => setDateError(null)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={remove.isPending}>
            Remove diagnosis
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
