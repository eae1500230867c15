import '@mantine/tiptap/styles.css';
import { useId, useMemo, useRef, useState } from 'react';
import { Input, Stack } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import { RichTextToolbar } from './RichTextToolbar';
import { useEditor } from '@tiptap/react';
import { richTextNodeSchema, type RichTextNode } from '../../../shared/rich-text';
import { richTextExtensions } from './rich-text-extensions';

interface RichTextFieldProps {
  label: string;
  value: RichTextNode | null;
  onChange: (value: RichTextNode) => void;
  error?: string | undefined;
  description?: string;
}

/** A labelled Tiptap editor with a small toolbar; reports its document as the contract's JSON. */
export function RichTextField({ label, value, onChange, error, description }: RichTextFieldProps) {
  const labelId = useId();
  const errorId = useId();
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // Options that keep their identity between renders: Tiptap calls setOptions when any differs, and its
  // redraw from the last state can move the caret of a keystroke still in flight (see
  // NoteSectionEditor). The content option is read only when the editor is made, so the first value stays.
  const [initialContent] = useState(() => value ?? '');
  const editorProps = useMemo(
    () => ({
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        'aria-describedby': errorId,
        dir: 'auto',
      },
    }),
    [labelId, errorId],
  );
  const editor = useEditor({
    extensions: richTextExtensions,
    content: initialContent,
    editorProps,
    onUpdate: ({ editor: current }) => {
      // Checked against the contract, so the form only ever holds a document the service accepts.
      const parsed = richTextNodeSchema.safeParse(current.getJSON());
      if (parsed.success) onChangeRef.current(parsed.data);
    },
  });

  return (
    <Stack gap={4}>
      <Input.Label id={labelId} onClick={() => editor?.commands.focus()}>
        {label}
      </Input.Label>
      {description && <Input.Description>{description}</Input.Description>}
      <RichTextEditor editor={editor} style={error ? { borderColor: 'var(--mantine-color-error)' } : undefined}>
        <RichTextToolbar label={label} />
        <RichTextEditor.Content mih={120} />
      </RichTextEditor>
      <Input.Error id={errorId}>{error}</Input.Error>
    </Stack>
  );
}
