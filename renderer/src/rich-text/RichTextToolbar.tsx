import { RichTextEditor } from '@mantine/tiptap';

/**
 * The formatting buttons every rich-text box offers, matching what shared/rich-text.ts stores. Note
 * sections add task lists (homework) and keep the toolbar in view while a long note scrolls.
 */
export function RichTextToolbar({ taskList = false, sticky = false }: { taskList?: boolean; sticky?: boolean }) {
  return (
    <RichTextEditor.Toolbar sticky={sticky} stickyOffset={sticky ? 56 : undefined}>
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
