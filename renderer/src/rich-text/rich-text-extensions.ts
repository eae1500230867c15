import StarterKit from '@tiptap/starter-kit';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { Placeholder } from '@tiptap/extensions';
import { getTaskListExtension } from '@mantine/tiptap';
import { HEADING_LEVELS, PastedHeadings } from './pasted-headings';
import { tableExtensions } from './table-extension';

/**
 * The editor offers exactly the nodes and marks shared/rich-text.ts accepts: paragraphs, headings,
 * lists, quotes, rules, line breaks and tables; bold, italic, underline and strike. No links or code,
 * so text pasted from a web page or Word cannot bring them in (Tiptap drops what its schema does not
 * know). Pasted tables stay tables and pasted headings of any level stay headings, so cells and
 * headings never run into the text beside them.
 */
export const richTextExtensions = [
  StarterKit.configure({
    heading: { levels: [...HEADING_LEVELS] },
    link: false,
    code: false,
    codeBlock: false,
  }),
  PastedHeadings,
  ...tableExtensions,
];

/** A note section also has task lists (homework) and shows its template's prompt while empty. */
export function noteSectionExtensions(prompt: string) {
  return [...richTextExtensions, getTaskListExtension(TaskList), TaskItem.configure({ nested: true }), Placeholder.configure({ placeholder: prompt })];
}
