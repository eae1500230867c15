import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Client } from '../../../../shared/clients';
import { call, errorMessage } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useGuardedNavigate } from '../../navigation/navigation-guard';
import { useClientErased } from '../queries';

interface EraseClientModalProps {
  client: Client;
  opened: boolean;
  onClose: () => void;
}

// The service's own rule: another keyboard may type another Unicode form of "ë", and case is not the point.
const folded = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase();
const sameName = (typed: string, name: string) => folded(typed) === folded(name);

/** Permanent deletion, for the right to erasure. Deliberately slow: the legal name must be typed. */
export function EraseClientModal({ client, opened, onClose }: EraseClientModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Delete this client permanently?" centered size="lg">
      <EraseForm client={client} onCancel={onClose} />
    </Modal>
  );
}

function EraseForm({ client, onCancel }: { client: Client; onCancel: () => void }) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const navigate = useGuardedNavigate();
  const erased = useClientErased();
  const matches = sameName(typed, client.legalName);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!matches) return;
    setBusy(true);
    setError(null);
    try {
      await call('eraseClient', { id: client.id, confirmName: typed });
      navigate('/', { force: true, replace: true });
      erased(client.id);
      notifications.show({ color: 'teal', message: `Client ${client.code} was permanently deleted.` });
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="This cannot be undone">
          <Text size="sm">This removes, from this vault:</Text>
          <List size="sm" mt={4}>
            <List.Item>the client record, goals and diagnoses;</List.Item>
            <List.Item>every session note and measure of this client;</List.Item>
            <List.Item>every search entry that could find them.</List.Item>
          </List>
          <Text size="sm" mt={4}>
            The activity log keeps only that a record was deleted, never its content. Backups made earlier still
            contain the client. To end care normally, use Discharge instead.
          </Text>
        </Alert>
        <ErrorAlert message={error} />
        <TextInput
          label="Type the client's legal name to confirm"
          description={<bdi>{client.legalName}</bdi>}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          dir="auto"
          autoComplete="off"
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color="red" disabled={!matches} loading={busy}>
            Delete permanently
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
