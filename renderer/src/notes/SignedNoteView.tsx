import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import type { Client } from '../../../shared/clients';
import type { TemplateSection } from '../../../shared/note-templates';
import type { Note } from '../../../shared/notes';
import type { RichTextNode } from '../../../shared/rich-text';
import { RichTextView } from '../rich-text/RichTextView';
import { AddendaSection } from './AddendaSection';
import { SessionMeasuresPanel } from '../measures/SessionMeasuresPanel';
import { NoteHeader } from './NoteHeader';
import { APPROACH_LABELS, PROGRESS_LABELS, RISK_COLORS, RISK_LABELS } from '../../../shared/note-labels';
import { PROCESS_NOTE_EXPLANATION } from './ProcessNoteEditor';
import { SignatureLine } from './SignatureLine';
import { VoidNoteModal } from './VoidNoteModal';
import { MedicationReviewSummary } from './sections/MedicationReviewSummary';
import { formatLocalDay } from '../lib/dates';
import { localIsoDate } from '../../../shared/dates';

/** A signed note: read-only, with who signed it, when, its SHA-256, and the addenda after it. */
export function SignedNoteView({ note, client }: { note: Note; client: Client }) {
  const [voiding, setVoiding] = useState(false);
  const goalText = new Map(client.goals.map((goal) => [goal.id, goal.text]));
  const extrasFor = (section: TemplateSection): ReactNode => {
    const { content } = note;
    switch (section.kind) {
      case 'goals':
        return content.goalProgress.length === 0 ? null : (
          <List size="sm" aria-label="Goals worked on">
            {content.goalProgress.map((mark) => (
              <List.Item key={mark.goalId}>
                <bdi>{goalText.get(mark.goalId) ?? 'A goal no longer in the plan'}</bdi>: {PROGRESS_LABELS[mark.progress]}
              </List.Item>
            ))}
          </List>
        );
      case 'tasks': {
        const approaches = content.approaches ?? [];
        return approaches.length === 0 && content.homeworkReview.length === 0 ? null : (
          <Stack gap={4}>
            {approaches.length > 0 && <Text size="sm">Approach in this session: {approaches.map((approach) => APPROACH_LABELS[approach]).join(', ')}</Text>}
            {content.homeworkReview.length > 0 && (
              <List size="sm" aria-label="Review of last session's homework">
                {content.homeworkReview.map((item, index) => (
                  <List.Item key={index}>
                    <bdi>{item.text}</bdi>: {item.done ? 'done' : 'not done'}
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        );
      }
      case 'bond':
        return content.rupture.noted || content.rupture.repaired ? (
          <Stack gap={4}>
            {content.rupture.noted && (
              <Text size="sm">
                <Badge color="orange" variant="light" mr="xs">
                  Rupture noted
                </Badge>
                <bdi>{content.rupture.description}</bdi>
              </Text>
            )}
            {content.rupture.repaired && (
              <Text size="sm">
                <Badge color="teal" variant="light">
                  Worked on repairing a rupture
                </Badge>
              </Text>
            )}
          </Stack>
        ) : null;
      case 'risk':
        return content.risk.level === null ? null : (
          <Stack gap={4}>
            <Text size="sm">
              Risk level:{' '}
              <Badge color={RISK_COLORS[content.risk.level]} variant="light">
                {RISK_LABELS[content.risk.level]}
              </Badge>
            </Text>
            {content.risk.action.trim() !== '' && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                Action taken: {content.risk.action}
              </Text>
            )}
          </Stack>
        );
      case 'medication':
        return content.medicationReview ? (
          <MedicationReviewSummary clientId={note.clientId} noteId={note.id} sessionDate={note.session.date} review={content.medicationReview} />
        ) : null;
      case 'richText':
        return null;
    }
  };

  return (
    <Stack gap="lg" maw={900}>
      <NoteHeader
        note={note}
        client={client}
        actions={
          note.voided === null ? (
            <Button variant="subtle" color="red" leftSection={<IconBan size={16} aria-hidden />} onClick={() => setVoiding(true)}>
              Void note…
            </Button>
          ) : null
        }
      />
      {note.voided && (
        <Alert color="red" variant="light" icon={<IconBan size={18} aria-hidden />} title={`Voided on ${formatLocalDay(localIsoDate(new Date(note.voided.at)))}`}>
          <Text size="sm">
            Reason: <bdi>{note.voided.reason}</bdi>
          </Text>
          <Text size="sm" c="dimmed">
            Kept in the record; left out of charts, alerts, session counts and summaries.
          </Text>
        </Alert>
      )}
      <VoidNoteModal
        opened={voiding}
        onClose={() => setVoiding(false)}
        noteId={note.id}
        clientId={note.clientId}
        sessionDate={note.session.date}
        medicationChanges={note.template.sections.some((section) => section.kind === 'medication') ? (note.content.medicationReview?.changes.length ?? 0) : 0}
      />
      {note.signedAt && note.signedBy && note.contentHash && (
        <SignatureLine label="Signed" signedAt={note.signedAt} signedBy={note.signedBy} hash={note.contentHash} />
      )}
      {note.template.sections.map((section) => (
        <ReadOnlySection key={section.key} label={section.label} doc={note.content.sections[section.key] ?? null}>
          {extrasFor(section)}
        </ReadOnlySection>
      ))}
      <SessionMeasuresPanel
        clientId={note.clientId}
        session={{ id: note.session.id, date: note.session.date }}
        signed={{ noteId: note.id, voided: note.voided !== null }}
      />
      {note.processNote && (
        <ReadOnlySection label="Process note (private)" doc={note.processNote} description={PROCESS_NOTE_EXPLANATION} tone="private" />
      )}
      <AddendaSection note={note} />
    </Stack>
  );
}

interface ReadOnlySectionProps {
  label: string;
  doc: RichTextNode | null;
  description?: string;
  tone?: 'private';
  children?: ReactNode;
}

function ReadOnlySection({ label, doc, description, tone, children }: ReadOnlySectionProps) {
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-label={label} bg={tone === 'private' ? 'var(--mantine-color-grape-light)' : undefined}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {label}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {children}
        {doc ? (
          <RichTextView doc={doc} />
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            Nothing written.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
