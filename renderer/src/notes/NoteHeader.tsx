import type { ReactNode } from 'react';
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { Client } from '../../../shared/clients';
import type { Note } from '../../../shared/notes';
import { formatLocalDay } from '../lib/dates';
import { useGuardedLink } from '../navigation/navigation-guard';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { ATTENDANCE_COLORS, ATTENDANCE_LABELS, MODALITY_LABELS, SESSION_TYPE_LABELS, sessionTimeParts } from '../../../shared/note-labels';

interface NoteHeaderProps {
  note: Note;
  client: Client;
  /** The save status, the sign button and the like, on the right. */
  actions: ReactNode;
}

/** Whose note, which session, and whether it is a draft or signed. */
export function NoteHeader({ note, client, actions }: NoteHeaderProps) {
  const link = useGuardedLink();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { session } = note;
  const details = [
    ...sessionTimeParts(session.startTime, session.durationMinutes),
    SESSION_TYPE_LABELS[session.type],
    MODALITY_LABELS[session.modality],
    session.serviceCode,
  ].filter((part) => part !== '');
  return (
    <Stack gap={4}>
      <Anchor size="sm" {...link(`/clients/${client.id}`)}>
        <Group gap={4} component="span" wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden />
          <span>
            {client.code} · <bdi>{client.preferredName || client.legalName}</bdi>
          </span>
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2" ref={heading} tabIndex={-1} className="focus-target">
              Session note, {formatLocalDay(session.date)}
            </Title>
            <Badge color={note.status === 'signed' ? 'teal' : 'gray'} variant="light">
              {note.status === 'signed' ? 'Signed' : 'Draft'}
            </Badge>
            {note.voided && (
              <Badge color="red" variant="filled">
                Voided
              </Badge>
            )}
            {session.attendance !== 'attended' && (
              <Badge color={ATTENDANCE_COLORS[session.attendance]} variant="light">
                {ATTENDANCE_LABELS[session.attendance]}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {details.join(' · ')} · {note.template.name}
          </Text>
        </Stack>
        <Group gap="sm">{actions}</Group>
      </Group>
    </Stack>
  );
}
