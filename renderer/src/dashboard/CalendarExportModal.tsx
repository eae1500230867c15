import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarShare, IconCircleCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { addMonths, format, parseISO } from 'date-fns';
import { localIsoDate } from '../../../shared/dates';
import { ApiError, call, errorMessage } from '../api';
import { DateField } from '../components/DateField';
import { ErrorAlert } from '../components/ErrorAlert';
import { ShowInFolderButton } from '../components/ShowInFolderButton';
import { typedDateProblem } from '../components/typed-date';
import { activityKeys } from '../lib/query-keys';

/** The range offered to begin with: the next three months of bookings. */
const DEFAULT_MONTHS = 3;

interface CalendarExportModalProps {
  opened: boolean;
  onClose: () => void;
}

/** "Export to calendar…": the appointments of a range as an .ics file, with codes only unless names are chosen. */
export function CalendarExportModal({ opened, onClose }: CalendarExportModalProps) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={opened} onClose={() => !busy && onClose()} closeOnEscape={!busy} withCloseButton={!busy} title="Export appointments to a calendar" size="lg" centered>
      {opened && <CalendarExportForm busy={busy} setBusy={setBusy} onClose={onClose} />}
    </Modal>
  );
}

interface FieldErrors {
  from?: string;
  to?: string;
}

interface Saved {
  path: string;
  count: number;
}

function rangeProblems(from: string, to: string): FieldErrors {
  const problems: FieldErrors = {};
  const fromProblem = typedDateProblem(from) ?? (from === '' ? 'Enter the first day.' : null);
  const toProblem = typedDateProblem(to) ?? (to === '' ? 'Enter the last day.' : null);
  if (fromProblem) problems.from = fromProblem;
  if (toProblem) problems.to = toProblem;
  if (!fromProblem && !toProblem && to < from) problems.to = 'The last day cannot be before the first.';
  return problems;
}

function CalendarExportForm({ busy, setBusy, onClose }: { busy: boolean; setBusy: (busy: boolean) => void; onClose: () => void }) {
  const queryClient = useQueryClient();
  const today = localIsoDate();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(() => format(addMonths(parseISO(today), DEFAULT_MONTHS), 'yyyy-MM-dd'));
  const [withNames, setWithNames] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = rangeProblems(from, to);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const result = await call('exportAppointmentsCalendar', { from, to, withNames });
      if (!result.saved || result.path === null) return; // the save dialog was cancelled: stay here
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      setSaved({ path: result.path, count: result.count });
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldErrors : {};
      if (fields.from || fields.to) setErrors({ from: fields.from, to: fields.to });
      else setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  if (saved) return <SavedPanel saved={saved} withNames={withNames} onClose={onClose} />;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">For your own calendar app: each appointment becomes an event with its time, length and place. Nothing from the notes is included.</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label="From" required value={from} error={errors.from} onChange={setFrom} onClearError={() => setErrors(({ from: _dropped, ...rest }) => rest)} data-autofocus />
          <DateField label="To" required value={to} error={errors.to} onChange={setTo} onClearError={() => setErrors(({ to: _dropped, ...rest }) => rest)} />
        </SimpleGrid>
        <Radio.Group label="Each event names the client by" value={withNames ? 'names' : 'codes'} onChange={(value) => setWithNames(value === 'names')}>
          <Stack gap={6} mt={6}>
            <Radio value="codes" label="Client codes only (recommended)" description="“Session: AB-1234”. Someone who sees your calendar learns no one’s name." />
            <Radio value="names" label="Include client names" description="“Session: Full Name (AB-1234)”." />
          </Stack>
        </Radio.Group>
        <Alert color={withNames ? 'red' : 'orange'} variant="light" icon={<IconAlertTriangle aria-hidden />} title="This file is not encrypted">
          <Text size="sm">
            Anyone who has the file can read what it holds: the day and time of each appointment and {withNames ? 'each client’s name and code' : 'each client’s code'}. A calendar
            app that syncs will copy it to its servers. The export is recorded in the activity log.
          </Text>
        </Alert>
        <ErrorAlert title="The calendar file was not saved" message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" leftSection={<IconCalendarShare size={16} aria-hidden />} loading={busy}>
            Export…
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Where the file went, so the practitioner can find it and import it into their calendar. */
function SavedPanel({ saved, withNames, onClose }: { saved: Saved; withNames: boolean; onClose: () => void }) {
  const count = saved.count === 1 ? '1 appointment' : `${saved.count} appointments`;
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Calendar file saved">
        <Stack gap={6} align="flex-start">
          <Text size="sm">
            {count}, {withNames ? 'with client names' : 'with client codes only'}, saved to:
          </Text>
          <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            <bdi>{saved.path}</bdi>
          </Text>
          <ShowInFolderButton path={saved.path} />
        </Stack>
      </Alert>
      <Text size="sm" c="dimmed">
        Open it in your calendar app to add the appointments. The file is not encrypted: delete it once it is imported.
      </Text>
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
