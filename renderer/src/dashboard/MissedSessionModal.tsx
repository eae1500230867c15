import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { MAX_REMARK, missedKinds, type AgendaItem, type MissedKind } from '../../../shared/engagement';
import { ATTENDANCE_LABELS } from '../../../shared/note-labels';
import { ApiError, call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatLocalDay } from '../lib/dates';
import { activityKeys, measureKeys, practiceEngagementKeys } from '../lib/query-keys';

interface MissedSessionModalProps {
  item: AgendaItem;
  opened: boolean;
  onClose: () => void;
}

const KIND_DESCRIPTIONS: Record<MissedKind, string> = {
  no_show: 'The client did not come and did not let you know.',
  late_cancellation: 'The client cancelled too late for the time to be used.',
};

/**
 * Records an appointment as a no-show or late cancellation: an attendance record, not a session, so no
 * note is made and nothing waits for a signature. It counts towards the engagement flag.
 */
export function MissedSessionModal({ item, opened, onClose }: MissedSessionModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Missed session: ${item.clientCode}, ${formatLocalDay(item.date)} at ${item.startTime}`} centered>
      {/* Mounted only while open, so each opening starts from an empty form. */}
      {opened && <MissedSessionForm item={item} onClose={onClose} />}
    </Modal>
  );
}

function MissedSessionForm({ item, onClose }: { item: AgendaItem; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<MissedKind | null>(null);
  const [remark, setRemark] = useState('');
  const [errors, setErrors] = useState<{ kind?: string; remark?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      ...(kind === null ? { kind: 'Choose whether it was a no-show or a late cancellation.' } : {}),
      ...(remark.trim().length > MAX_REMARK ? { remark: `Keep the remark to ${MAX_REMARK} characters (it has ${remark.trim().length}).` } : {}),
    };
    setErrors(found);
    if (kind === null || Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await call('recordMissedSession', { clientId: item.clientId, date: item.date, startTime: item.startTime, kind, remark, appointmentId: item.id });
      // The agenda, who is overdue, the engagement flag on the caseload and the log all change.
      void queryClient.invalidateQueries({ queryKey: practiceEngagementKeys.all });
      void queryClient.invalidateQueries({ queryKey: measureKeys.all });
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      notifications.show({ color: 'teal', message: `Recorded as a ${ATTENDANCE_LABELS[kind].toLowerCase()} for ${item.clientCode}. No note is needed.` });
      onClose();
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldErrors : {};
      if (fields.kind || fields.remark) setErrors({ kind: fields.kind, remark: fields.remark });
      else setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">A missed session is kept as an attendance record, not a session: no note is made and nothing waits for a signature.</Text>
        <Radio.Group
          label="What happened"
          withAsterisk
          value={kind}
          error={errors.kind}
          onChange={(value) => {
            setKind(value as MissedKind);
            setErrors(({ kind: _dropped, ...rest }) => rest);
          }}
        >
          <Stack gap={6} mt={6}>
            {missedKinds.map((value, index) => (
              <Radio key={value} value={value} label={ATTENDANCE_LABELS[value]} description={KIND_DESCRIPTIONS[value]} data-autofocus={index === 0 || undefined} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label="Remark"
          description={`Optional, up to ${MAX_REMARK} characters.`}
          autosize
          minRows={2}
          value={remark}
          error={errors.remark}
          onChange={(event) => {
            setRemark(event.currentTarget.value);
            setErrors(({ remark: _dropped, ...rest }) => rest);
          }}
        />
        <ErrorAlert title="The missed session was not recorded" message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Record missed session
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
