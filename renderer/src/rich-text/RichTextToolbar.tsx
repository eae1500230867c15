import { RichTextEditor } from '@mantine/tiptap';
import { useRovingToolbar } from './useRovingToolbar';

interface RichTextToolbarProps {
  /** The field's label: the toolbar is announced as "Formatting, <label>". */
  label: string;
  taskList?: boolean;
  sticky?: boolean;
}

/**
 * The formatting buttons every rich-text box offers, matching what shared/rich-text.ts stores. Note
 * sections add task lists (homework) and keep the toolbar in view while a long note scrolls. One Tab
 * stop, arrow keys inside (useRovingToolbar), so Tab goes from one field's text to the next.
 */
export function RichTextToolbar({ label, taskList = false, sticky = false }: RichTextToolbarProps) {
  const ref = useRovingToolbar<HTMLDivElement>();
  return (
    <RichTextEditor.Toolbar ref={ref} role="toolbar" aria-label={`Formatting, ${label}`} sticky={sticky} stickyOffset={sticky ? 56 : undefined}>
      <RichTextEditor.ControlsGroup>
        <RichTextEditor.Bold />
        <RichTextEditor.Italic />
        <RichTextEditor.Underline />
        <RichTextEditor.Strikethrough />
        <RichTextEditor.ClearFormatting />
      </RichTextEditor.ControlsGroup>
      <RichTextEditor.ControlsGroup>
        <RichTextEditor.H2 />
        <RichTextEditor.H3 />
      </RichTextEditor.ControlsGroup>
      <RichTextEditor.ControlsGroup>
        <RichTextEditor.BulletList />
        <RichTextEditor.OrderedList />
        {taskList ? <RichTextEditor.TaskList /> : <RichTextEditor.Blockquote />}
      </RichTextEditor.ControlsGroup>
      <RichTextEditor.ControlsGroup>
        <RichTextEditor.Undo />
        <RichTextEditor.Redo />
      </RichTextEditor.ControlsGroup>
    </RichTextEditor.Toolbar>
  );
}
