import { useState } from 'react';
import { Badge, Button, Table, Text } from '@mantine/core';
import { IconMessageCircle, IconUserX } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import type { Client } from '../../../shared/clients';
import type { AttendanceRecord, Contact } from '../../../shared/engagement';
import { ATTENDANCE_COLORS } from '../../../shared/note-labels';
import { call } from '../api';
import { formatLocalDay } from '../lib/dates';
import { ConfirmRemoveModal } from './ConfirmRemoveModal';
import { contactTitle, MISSED_LABELS } from './labels';
import { LogContactModal } from './LogContactModal';
import { useContacts, useEngagementChanged, useMissedSessions } from './queries';
import { RecordMissedModal } from './RecordMissedModal';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const plural = (count: number, one: string, many: string) => (count === 1 ? `1 ${one}` : `${count} ${many}`);
const when = (date: string, startTime: string | null) => (startTime ? `${formatLocalDay(date)}, ${startTime}` : formatLocalDay(date));

/**
 * Missed sessions and contacts between sessions, as the Sessions tab's timeline shows them among the
 * sessions: their rows, "Record missed session" and "Log contact", and their dialogs.
 */
export function useTimelineExtras(client: Client) {
  const clientId = client.id;
  const missed = useMissedSessions(clientId);
  const contacts = useContacts(clientId);
  const changed = useEngagementChanged();
  const [dialog, setDialog] = useState<'missed' | 'contact' | null>(null);
  const [removingMissed, setRemovingMissed] = useState<AttendanceRecord | null>(null);
  const [removingContact, setRemovingContact] = useState<Contact | null>(null);
  const records = missed.data?.records ?? [];
  const contactList = contacts.data?.contacts ?? [];

  const entries = [
    ...records.map((record) => ({ key: `missed-${record.id}`, date: record.date, startTime: record.startTime, row: <MissedRow record={record} onRemove={() => setRemovingMissed(record)} /> })),
    ...contactList.map((contact) => ({ key: `contact-${contact.id}`, date: contact.date, startTime: contact.startTime, row: <ContactRow contact={contact} onRemove={() => setRemovingContact(contact)} /> })),
  ];
  const counted = [records.length > 0 ? plural(records.length, 'missed', 'missed') : '', contactList.length > 0 ? plural(contactList.length, 'contact', 'contacts') : ''];

  return {
    entries,
    countWords: counted.filter(Boolean).join(', '),
    actions: (
      <>
        <Button variant="default" leftSection={<IconUserX size={16} aria-hidden />} onClick={() => setDialog('missed')}>
          Record missed session
        </Button>
        <Button variant="default" leftSection={<IconMessageCircle size={16} aria-hidden />} onClick={() => setDialog('contact')}>
          Log contact
        </Button>
      </>
    ),
    dialogs: (
      <>
        <RecordMissedModal clientId={clientId} dateOfBirth={client.dateOfBirth} opened={dialog === 'missed'} onClose={() => setDialog(null)} />
        <LogContactModal clientId={clientId} dateOfBirth={client.dateOfBirth} opened={dialog === 'contact'} onClose={() => setDialog(null)} />
        <ConfirmRemoveModal
          title="Remove missed session"
          opened={removingMissed !== null}
          message={removingMissed ? `Remove the ${MISSED_LABELS[removingMissed.kind].toLowerCase()} of ${when(removingMissed.date, removingMissed.startTime)}? Do this only for a record entered in error.` : ''}
          confirmLabel="Remove"
          onClose={() => setRemovingMissed(null)}
          onConfirm={async () => {
            if (!removingMissed) return;
            await call('removeMissedSession', { id: removingMissed.id });
            changed(clientId);
            notifications.show({ color: 'teal', message: 'Missed session removed' });
          }}
        />
        <ConfirmRemoveModal
          title="Remove contact"
          opened={removingContact !== null}
          message={removingContact ? `Remove the ${lowerFirst(contactTitle(removingContact))} of ${when(removingContact.date, removingContact.startTime)}?` : ''}
          confirmLabel="Remove"
          onClose={() => setRemovingContact(null)}
          onConfirm={async () => {
            if (!removingContact) return;
            await call('removeContact', { id: removingContact.id });
            changed(clientId);
            notifications.show({ color: 'teal', message: 'Contact removed' });
          }}
        />
      </>
    ),
    /** The new-session dialog's path for a no-show or late cancellation: a record, no note. */
    recordMissed: async (values: { date: string; startTime: string; attendance: string }, appointmentId: string | null) => {
      if (values.attendance !== 'no_show' && values.attendance !== 'late_cancellation') return;
      await call('recordMissedSession', { clientId, date: values.date, startTime: values.startTime === '' ? null : values.startTime, kind: values.attendance, remark: '', appointmentId });
      changed(clientId);
      notifications.show({ color: 'teal', message: `${MISSED_LABELS[values.attendance]} recorded, with no note` });
    },
  };
}

function MissedRow({ record, onRemove }: { record: AttendanceRecord; onRemove: () => void }) {
  const label = MISSED_LABELS[record.kind];
  return (
    <Table.Tr aria-label={`${label}, ${when(record.date, record.startTime)}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {formatLocalDay(record.date)}
        </Text>
      </Table.Td>
      <Table.Td>
        {record.startTime && <Text size="sm">{record.startTime}</Text>}
        <Badge size="sm" variant="light" color={ATTENDANCE_COLORS[record.kind]}>
          {label}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          Missed session · no note
        </Text>
        {record.remark !== '' && (
          <Text size="sm" dir="auto" style={{ overflowWrap: 'anywhere' }}>
            {record.remark}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Button size="compact-xs" variant="subtle" color="red" aria-label={`Remove the ${label.toLowerCase()} of ${when(record.date, record.startTime)}`} onClick={onRemove}>
          Remove…
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

function ContactRow({ contact, onRemove }: { contact: Contact; onRemove: () => void }) {
  const title = contactTitle(contact);
  return (
    <Table.Tr aria-label={`${title}, ${when(contact.date, contact.startTime)}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {formatLocalDay(contact.date)}
        </Text>
      </Table.Td>
      <Table.Td>
        {contact.startTime && <Text size="sm">{contact.startTime}</Text>}
        <Badge size="sm" variant="light" color="grape" tt="none">
          <bdi>{title}</bdi>
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          Contact between sessions
        </Text>
        {contact.note !== '' && (
          <Text size="sm" dir="auto" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {contact.note}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Button size="compact-xs" variant="subtle" color="red" aria-label={`Remove the ${lowerFirst(title)} of ${when(contact.date, contact.startTime)}`} onClick={onRemove}>
          Remove…
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
