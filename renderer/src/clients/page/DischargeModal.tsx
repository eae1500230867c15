import { useState, type FormEvent } from 'react';
import { DateField } from '../../components/DateField';
import { typedDateProblem } from '../../components/typed-date';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { clientFieldProblems, type Client, type DischargeKind } from '../../../../shared/clients';
import { localIsoDate } from '../../../../shared/dates';
import { call, routeFieldError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DischargeKindField } from '../DischargeKindField';
import { clientToFormValues, formValuesToFields } from '../form/client-form-values';
import { useClientMutation } from '../queries';

interface DischargeModalProps {
  client: Client;
  opened: boolean;
  onClose: () => void;
}

/** Discharge: the normal end of a record. Asks the date (today by default), how therapy ended and, optionally, why. */
export function DischargeModal({ client, opened, onClose }: DischargeModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Discharge client" centered>
      <DischargeForm client={client} onDone={onClose} />
    </Modal>
  );
}

function DischargeForm({ client, onDone }: { client: Client; onDone: () => void }) {
  const today = localIsoDate();
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [kind, setKind] = useState<DischargeKind | ''>('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const discharge = useClientMutation(() =>
    call('setClientStatus', { id: client.id, status: 'discharged', dischargeDate: date, dischargeReason: reason, dischargeKind: kind === '' ? null : kind }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The same rule as the service and the client form: a real date, not in the future, not before intake.
    const fields = formValuesToFields({ ...clientToFormValues(client), status: 'discharged', dischargeDate: date });
    const problem = typedDateProblem(date) ?? clientFieldProblems(fields, today).dischargeDate ?? null;
    setDateError(problem);
    if (problem) return;
    setError(null);
    discharge.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Client discharged' });
        onDone();
      },
      onError: routeFieldError('dischargeDate', setDateError, setError),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          The record stays in the vault and can be reactivated later. It moves to the Discharged list.
        </Text>
        <ErrorAlert message={error} />
        <DateField
          label="Discharge date"
          max={today}
          value={date}
          error={dateError}
          onChange={setDate}
          onClearError={() => setDateError(null)}
          data-autofocus
        />
        <DischargeKindField value={kind} onChange={setKind} />
        <Textarea label="Discharge reason" autosize minRows={2} dir="auto" value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={discharge.isPending}>
            Discharge client
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
