import { memo, useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import { RichTextToolbar } from '../rich-text/RichTextToolbar';
import { useEditor } from '@tiptap/react';
import type { RichTextNode } from '../../../shared/rich-text';
import { noteSectionExtensions } from '../rich-text/rich-text-extensions';

export type DocGetter = () => RichTextNode;

interface NoteSectionEditorProps {
  label: string;
  prompt: string;
  initial: RichTextNode | null;
  /** Called on every edit; cheap on purpose (the document is read only when a save starts). */
  onChange: () => void;
  onBlur: () => void;
  /** Hands the parent a way to read this section's document when it saves. */
  register: (getter: DocGetter) => () => void;
  /** Structured parts of the section (goal marks, rupture flag, risk level) shown above the text. */
  children?: ReactNode;
  /** Tints the private process note so it is never mistaken for the progress note. */
  tone?: 'private';
}

/**
 * One section of a note: heading, its structured parts, and a Tiptap editor whose placeholder is the
 * template's prompt. The editor is uncontrolled and never re-renders React per keystroke, and memo keeps
 * a change in one section's panel from re-rendering the others: typing in a 10,000-word note stays
 * within a frame.
 */
export const NoteSectionEditor = memo(function NoteSectionEditor({ label, prompt, initial, onChange, onBlur, register, children, tone }: NoteSectionEditorProps) {
  const headingId = useId();
  const promptId = useId();
  const onChangeRef = useRef(onChange);
  const onBlurRef = useRef(onBlur);
  onChangeRef.current = onChange;
  onBlurRef.current = onBlur;

  // The same extension objects on every render: Tiptap compares them by identity and, when they differ,
  // resets the editor's options mid-typing, a needless redraw while keystrokes are still in flight.
  const extensions = useMemo(() => noteSectionExtensions(prompt), [prompt]);
  // Stable too: Tiptap compares every option by identity on each render, and a new editorProps object
  // makes it call setOptions, whose view.updateState redraws from the last state. A keystroke still in
  // flight then loses its caret: the first letter typed after a click into an empty section ended up
  // after the rest ("lient said hello.C") when the section's panel re-rendered at that moment.
  const editorProps = useMemo(
    () => ({
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': headingId,
        'aria-describedby': promptId,
        dir: 'auto',
      },
    }),
    [headingId, promptId],
  );
  const editor = useEditor({
    extensions,
    content: initial ?? '',
    shouldRerenderOnTransaction: false,
    editorProps,
    onUpdate: () => onChangeRef.current(),
    onBlur: () => onBlurRef.current(),
  });

  useEffect(() => (editor ? register(() => editor.getJSON() as RichTextNode) : undefined), [editor, register]);

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={headingId} bg={tone === 'private' ? 'var(--mantine-color-grape-light)' : undefined}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {label}
          </Title>
          <Text size="sm" c="dimmed" id={promptId}>
            {prompt}
          </Text>
        </div>
        {children}
        <RichTextEditor editor={editor}>
          <RichTextToolbar label={label} taskList sticky />
          <RichTextEditor.Content mih={100} />
        </RichTextEditor>
      </Stack>
    </Paper>
  );
});
