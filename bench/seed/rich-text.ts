import type { RichTextNode } from '../../shared/rich-text';

/** Tiptap JSON nodes as the editors write them, limited to the nodes and marks shared/rich-text.ts allows. */
export type Inline = string | { text: string; bold?: boolean; italic?: boolean };

const textNode = (part: Inline): RichTextNode => {
  if (typeof part === 'string') return { type: 'text', text: part };
  const marks = [...(part.bold ? [{ type: 'bold' as const }] : []), ...(part.italic ? [{ type: 'italic' as const }] : [])];
  return marks.length > 0 ? { type: 'text', text: part.text, marks } : { type: 'text', text: part.text };
};

export const paragraph = (...parts: Inline[]): RichTextNode => ({ type: 'paragraph', content: parts.filter((part) => (typeof part === 'string' ? part : part.text) !== '').map(textNode) });

export const bulletList = (items: readonly string[]): RichTextNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
});

/** Homework as the Tasks section holds it: the next note offers these items for review. */
export const taskList = (items: readonly { text: string; checked: boolean }[]): RichTextNode => ({
  type: 'taskList',
  content: items.map((item) => ({ type: 'taskItem', attrs: { checked: item.checked }, content: [paragraph(item.text)] })),
});

export const doc = (blocks: readonly RichTextNode[]): RichTextNode => ({ type: 'doc', content: [...blocks] });
