import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, errorMessage } from '../api';
import { useMeasuresChanged } from './queries';

/** Removes a result entered by mistake, after a second click in place (no dialog to lose focus to). */
export function RemoveResultButton({ clientId, resultId }: { clientId: string; resultId: string }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const changed = useMeasuresChanged();
  if (!confirming) {
    return (
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setConfirming(true)}>
        Remove
      </Button>
    );
  }
  const remove = async () => {
    setBusy(true);
    try {
      await call('deleteMeasureResult', { id: resultId });
      changed(clientId);
    } catch (caught) {
      notifications.show({ color: 'red', title: 'The result was not removed', message: errorMessage(caught) });
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Text size="xs">Remove this result?</Text>
      <Button size="compact-xs" color="red" loading={busy} onClick={() => void remove()} data-autofocus>
        Remove
      </Button>
      <Button size="compact-xs" variant="default" onClick={() => setConfirming(false)}>
        Keep
      </Button>
    </Group>
  );
}
