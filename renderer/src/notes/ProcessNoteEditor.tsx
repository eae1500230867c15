import { useState } from 'react';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { RichTextNode } from '../../../shared/rich-text';
import { NoteSectionEditor, type DocGetter } from './NoteSectionEditor';

interface ProcessNoteEditorProps {
  initial: RichTextNode | null;
  onChange: () => void;
  onBlur: () => void;
  register: (getter: DocGetter) => () => void;
}

export const PROCESS_NOTE_EXPLANATION =
  'Your private working notes: kept apart from the progress note, never shown in search results, and left out of summaries unless you choose them.';

/** The optional private process note, opened on request so it is never written in by accident. */
export function ProcessNoteEditor({ initial, onChange, onBlur, register }: ProcessNoteEditorProps) {
  const [open, setOpen] = useState(initial !== null);
  if (!open) {
    return (
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs" align="flex-start">
          <Title order={2} size="h4">
            Process note (private)
          </Title>
          <Text size="sm" c="dimmed">
            {PROCESS_NOTE_EXPLANATION}
          </Text>
          <Button variant="light" color="grape" leftSection={<IconLock size={16} aria-hidden />} onClick={() => setOpen(true)}>
            Add a process note
          </Button>
        </Stack>
      </Paper>
    );
  }
  return (
    <NoteSectionEditor label="Process note (private)" prompt={PROCESS_NOTE_EXPLANATION} initial={initial} onChange={onChange} onBlur={onBlur} register={register} tone="private" />
  );
}
