import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { ClientAlert } from '../../../shared/measure-records';
import { formatDay } from '../../../shared/measures';
import { ApiError, call, errorMessage } from '../api';
import { formatDateTime } from '../lib/dates';
import { useGuardedLink } from '../navigation/navigation-guard';
import { useMeasuresChanged } from './queries';

// Badges in these colours take autoContrast: white on the filled yellow of a notice is 2.5:1, dark text is not.
export const ALERT_COLORS = { urgent: 'red', warning: 'orange', notice: 'yellow' } as const;
export const ALERT_LABELS = { urgent: 'Urgent', warning: 'Alert', notice: 'Notice' } as const;

/** A client's alerts, each saying why in plain words, linking its sessions, with an acknowledgement. */
export function AlertList({ clientId, alerts }: { clientId: string; alerts: readonly ClientAlert[] }) {
  return (
    <Stack gap="xs" role="list" aria-label="Alerts">
      {alerts.map((alert) => (
        <AlertRow key={alert.key} clientId={clientId} alert={alert} />
      ))}
    </Stack>
  );
}

function AlertRow({ clientId, alert }: { clientId: string; alert: ClientAlert }) {
  const link = useGuardedLink();
  const changed = useMeasuresChanged();
  const [writing, setWriting] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const acknowledge = async () => {
    setBusy(true);
    try {
      await call('acknowledgeAlert', { clientId, alertKey: alert.key, note });
      changed(clientId);
      setWriting(false);
    } catch (caught) {
      setError(caught instanceof ApiError ? (caught.fieldErrors.note ?? caught.message) : errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="sm" radius="md" role="listitem" opacity={alert.acknowledged ? 0.75 : 1}>
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge color={ALERT_COLORS[alert.severity]} variant={alert.acknowledged ? 'outline' : 'filled'} autoContrast style={{ flexShrink: 0 }}>
            {ALERT_LABELS[alert.severity]}
          </Badge>
          {/* The engagement flag gives one reason a line. */}
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {alert.reason}
          </Text>
        </Group>
        <Group gap="md">
          {alert.sessions
            .filter((session) => session.noteId)
            .map((session) => (
              <Anchor key={session.sessionId} size="sm" {...link(`/clients/${clientId}/notes/${session.noteId}`)}>
                Note of {formatDay(session.date)}
              </Anchor>
            ))}
          {!alert.acknowledged && !writing && (
            <Button size="compact-sm" variant="subtle" onClick={() => setWriting(true)}>
              Acknowledge…
            </Button>
          )}
        </Group>
        {alert.acknowledged && (
          <Text size="sm" c="dimmed">
            Acknowledged {formatDateTime(alert.acknowledged.at)}: <bdi>{alert.acknowledged.note}</bdi>
          </Text>
        )}
        {writing && (
          <Stack gap={6}>
            <Textarea
              label="What you did or decided"
              autosize
              minRows={2}
              maxLength={500}
              value={note}
              error={error}
              onChange={(event) => {
                setNote(event.currentTarget.value);
                setError(undefined);
              }}
              data-autofocus
            />
            <Group gap="xs" justify="flex-end">
              <Button size="xs" variant="default" onClick={() => setWriting(false)}>
                Cancel
              </Button>
              <Button size="xs" loading={busy} onClick={() => (note.trim() === '' ? setError('Write a short note on what you did or decided.') : void acknowledge())}>
                Acknowledge
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
