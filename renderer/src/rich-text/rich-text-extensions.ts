import StarterKit from '@tiptap/starter-kit';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { Placeholder } from '@tiptap/extensions';
import { getTaskListExtension } from '@mantine/tiptap';

/**
 * The editor offers exactly the nodes and marks shared/rich-text.ts accepts: paragraphs, headings,
 * lists, quotes, rules and line breaks; bold, italic, underline and strike. No links or code, so text
 * pasted from a web page or Word cannot bring them in (Tiptap drops what its schema does not know).
 */
export const richTextExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    link: false,
    code: false,
    codeBlock: false,
  }),
];

/** A note section also has task lists (homework) and shows its template's prompt while empty. */
export function noteSectionExtensions(prompt: string) {
  return [...richTextExtensions, getTaskListExtension(TaskList), TaskItem.configure({ nested: true }), Placeholder.configure({ placeholder: prompt })];
}
