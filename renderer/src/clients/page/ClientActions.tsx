import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport, IconFileExport, IconPencil, IconPlayerPause, IconPlayerPlay, IconTrash, IconUserCheck } from '@tabler/icons-react';
import type { Client, ClientStatus } from '../../../../shared/clients';
import { call, errorMessage } from '../../api';
import { useGuardedNavigate } from '../../navigation/navigation-guard';
import { ExportSummaryModal } from '../../summary/ExportSummaryModal';
import { ExportDataModal } from '../../backups/ExportDataModal';
import { useClientMutation } from '../queries';
import { DischargeModal } from './DischargeModal';
import { EraseClientModal } from './EraseClientModal';

const DONE: Record<ClientStatus, string> = { active: 'Client reactivated', paused: 'Client paused', discharged: 'Client discharged' };

/** Edit, pause, reactivate, discharge, export a progress summary or the client's data, and (for the right to erasure) delete permanently. */
export function ClientActions({ client }: { client: Client }) {
  const navigate = useGuardedNavigate();
  const [dialog, setDialog] = useState<'discharge' | 'summary' | 'data' | 'erase' | null>(null);
  const setStatus = useClientMutation((status: 'active' | 'paused') =>
    call('setClientStatus', { id: client.id, status, dischargeDate: null, dischargeReason: '' }),
  );
  const change = (status: 'active' | 'paused') =>
    setStatus.mutate(status, {
      onSuccess: () => notifications.show({ color: 'teal', message: DONE[status] }),
      onError: (error) => notifications.show({ color: 'red', title: 'The status was not changed', message: errorMessage(error) }),
    });
  const busy = setStatus.isPending ? setStatus.variables : null;

  return (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => navigate(`/clients/${client.id}/edit`)}>
        Edit
      </Button>
      {client.status === 'active' && (
        <Button variant="default" leftSection={<IconPlayerPause size={16} aria-hidden />} loading={busy === 'paused'} onClick={() => change('paused')}>
          Pause
        </Button>
      )}
      {client.status !== 'active' && (
        <Button variant="default" leftSection={<IconPlayerPlay size={16} aria-hidden />} loading={busy === 'active'} onClick={() => change('active')}>
          Reactivate
        </Button>
      )}
      {client.status !== 'discharged' && (
        <Button variant="default" leftSection={<IconUserCheck size={16} aria-hidden />} onClick={() => setDialog('discharge')}>
          Discharge
        </Button>
      )}
      <Button variant="default" leftSection={<IconFileExport size={16} aria-hidden />} onClick={() => setDialog('summary')}>
        Export progress summary…
      </Button>
      <Button variant="default" leftSection={<IconDatabaseExport size={16} aria-hidden />} onClick={() => setDialog('data')}>
        Export client data…
      </Button>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDialog('erase')}>
        Delete permanently…
      </Button>
      <DischargeModal client={client} opened={dialog === 'discharge'} onClose={() => setDialog(null)} />
      <ExportSummaryModal client={client} opened={dialog === 'summary'} onClose={() => setDialog(null)} />
      <ExportDataModal clientId={client.id} opened={dialog === 'data'} onClose={() => setDialog(null)} />
      <EraseClientModal client={client} opened={dialog === 'erase'} onClose={() => setDialog(null)} />
    </Group>
  );
}
