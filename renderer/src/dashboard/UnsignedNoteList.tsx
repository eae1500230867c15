import { Badge, Group, Text } from '@mantine/core';
import { Link } from 'wouter';
import type { UnsignedNote } from '../../../shared/notes';
import { formatDaysOld, formatLocalDay } from '../lib/dates';
import classes from './Dashboard.module.css';

/** One link per draft: client code (never the name, see DashboardPage), session date and age. */
export function UnsignedNoteList({ notes }: { notes: readonly UnsignedNote[] }) {
  return (
    <ul className={classes.list} aria-label="Notes that need signing">
      {notes.map((note) => (
        <li key={note.noteId} className={classes.item}>
          <Link href={`/clients/${note.clientId}/notes/${note.noteId}`} className={classes.row}>
            <Group justify="space-between" wrap="nowrap">
              <Group gap="md" wrap="nowrap">
                <Text span ff="monospace" fw={600}>
                  {note.clientCode}
                </Text>
                <Text span size="sm">
                  {formatLocalDay(note.sessionDate)}
                </Text>
              </Group>
              <Badge variant="light" color="orange" tt="none">
                {formatDaysOld(note.daysOld)}
              </Badge>
            </Group>
          </Link>
        </li>
      ))}
    </ul>
  );
}
