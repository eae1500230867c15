import { useState } from 'react';
import { Radio, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Appointment } from '../../../shared/engagement';
import { call } from '../api';
import { formatLocalDay } from '../lib/dates';
import { ConfirmRemoveModal } from './ConfirmRemoveModal';
import { useEngagementChanged } from './queries';

/** Removes a booked appointment, or for a repeating one, optionally the later ones of its series too. */
export function RemoveAppointmentModal({ clientId, appointment, onClose }: { clientId: string; appointment: Appointment | null; onClose: () => void }) {
  const [andLater, setAndLater] = useState(false);
  const changed = useEngagementChanged();
  const close = () => {
    setAndLater(false);
    onClose();
  };
  const when = appointment ? `${formatLocalDay(appointment.date)} at ${appointment.startTime}` : '';
  return (
    <ConfirmRemoveModal
      title="Remove appointment"
      opened={appointment !== null}
      message={`Remove the appointment of ${when}? Nothing is sent to the client.`}
      confirmLabel="Remove"
      onClose={close}
      onConfirm={async () => {
        if (!appointment) return;
        const { removed } = await call('removeAppointment', { id: appointment.id, andLaterInSeries: appointment.seriesId !== null && andLater });
        changed(clientId);
        notifications.show({ color: 'teal', message: removed === 1 ? 'Appointment removed' : `${removed} appointments removed` });
      }}
    >
      {appointment?.seriesId && (
        <Radio.Group label="This appointment repeats" value={andLater ? 'later' : 'one'} onChange={(value) => setAndLater(value === 'later')}>
          <Stack gap={6} mt={6}>
            <Radio value="one" label="Only this one" />
            <Radio value="later" label="This and later ones in the series" />
          </Stack>
        </Radio.Group>
      )}
    </ConfirmRemoveModal>
  );
}
