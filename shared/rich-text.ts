import { z } from 'zod';

/**
 * Rich text is stored as Tiptap's JSON document, limited to the nodes and marks the editors offer, so
 * nothing pasted from Word or a web page can smuggle in links, images or scripts.
 */
export const richTextNodeTypes = [
  'doc',
  'paragraph',
  'text',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'taskList',
  'taskItem',
  'blockquote',
  'hardBreak',
  'horizontalRule',
  // Tables pasted from Word or a web page keep their cells apart (Tiptap's table JSON).
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
] as const;
export const richTextMarkTypes = ['bold', 'italic', 'underline', 'strike'] as const;

/** The widest colspan/rowspan a table cell keeps; the editor clamps pasted spans to it. */
export const RICH_TEXT_MAX_SPAN = 50;

const TABLE_CELL_TYPES: readonly string[] = ['tableCell', 'tableHeader'];

/**
 * A cell's span attributes, when present, are whole numbers from 1 to RICH_TEXT_MAX_SPAN: the viewer,
 * the PDF and Markdown lay cells out on a grid by them, so a huge or fractional span is refused here.
 */
function spansValid(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    const { type, attrs, content } = node as { type?: unknown; attrs?: Record<string, unknown>; content?: unknown };
    if (typeof type === 'string' && TABLE_CELL_TYPES.includes(type) && attrs) {
      for (const name of ['colspan', 'rowspan']) {
        const span = attrs[name];
        if (span !== undefined && !(Number.isInteger(span) && (span as number) >= 1 && (span as number) <= RICH_TEXT_MAX_SPAN)) return false;
      }
    }
    if (Array.isArray(content)) pending.push(...(content as unknown[]));
  }
  return true;
}

/** A rich-text document larger than this (as JSON) is refused; a long note is about 50 KB. */
export const RICH_TEXT_MAX_JSON_CHARS = 1_000_000;

const attrValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

export interface RichTextNode {
  type: (typeof richTextNodeTypes)[number];
  attrs?: Record<string, string | number | boolean | null> | undefined;
  content?: RichTextNode[] | undefined;
  text?: string | undefined;
  marks?: { type: (typeof richTextMarkTypes)[number]; attrs?: Record<string, string | number | boolean | null> | undefined }[] | undefined;
}

/**
 * How deeply nodes may nest. The editors' deepest structure (lists in lists) stays far below this; the
 * schema below checks nodes recursively, and a few hundred levels would overflow the stack.
 */
export const RICH_TEXT_MAX_DEPTH = 100;

const nodeShapeSchema: z.ZodType<RichTextNode> = z.lazy(() =>
  z.strictObject({
    type: z.enum(richTextNodeTypes),
    attrs: z.record(z.string(), attrValue).optional(),
    content: z.array(nodeShapeSchema).optional(),
    text: z.string().optional(),
    marks: z
      .array(z.strictObject({ type: z.enum(richTextMarkTypes), attrs: z.record(z.string(), attrValue).optional() }))
      .optional(),
  }),
);

/** The depth is measured without recursion, so that even a hostile value cannot overflow the stack here. */
function nestsWithin(value: unknown, maxDepth: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (depth > maxDepth) return false;
    const content = typeof node === 'object' && node !== null ? (node as { content?: unknown }).content : undefined;
    if (Array.isArray(content)) for (const child of content) pending.push([child, depth + 1]);
  }
  return true;
}

export const richTextNodeSchema: z.ZodType<RichTextNode> = z
  .custom<unknown>((value) => nestsWithin(value, RICH_TEXT_MAX_DEPTH), `Text can be nested at most ${RICH_TEXT_MAX_DEPTH} levels deep.`)
  .pipe(nodeShapeSchema)
  .refine(spansValid, `A table cell can span 1 to ${RICH_TEXT_MAX_SPAN} columns or rows.`);

export const richTextDocSchema = richTextNodeSchema.refine((node) => node.type === 'doc', 'A rich-text value must be a document.')
  .refine((node) => JSON.stringify(node).length <= RICH_TEXT_MAX_JSON_CHARS, 'This text is too long to save (about 1 MB at most).');

export type RichTextDoc = RichTextNode & { type: 'doc' };

/** The text of a document with blocks separated by newlines: for search, previews and PDFs. */
export function richTextToPlain(doc: RichTextNode | null | undefined): string {
  if (!doc) return '';
  const blocks: string[] = [];
  const walk = (node: RichTextNode, into: string[]): void => {
    if (node.type === 'tableRow') {
      // One line per row, cells kept apart ("Mon | Walked"), so words of two cells never run together.
      const cells = (node.content ?? []).map((cell) => richTextToPlain(cell).replace(/\s*\n\s*/g, ' '));
      if (cells.some((cell) => cell !== '')) blocks.push(cells.join(' | '));
      return;
    }
    if (node.type === 'text') into.push(node.text ?? '');
    else if (node.type === 'hardBreak') into.push('\n');
    const isBlock = node.type !== 'text' && node.type !== 'hardBreak' && node.type !== 'doc';
    if (isBlock && !node.content?.some((child) => child.type !== 'text' && child.type !== 'hardBreak')) {
      const inline: string[] = [];
      for (const child of node.content ?? []) walk(child, inline);
      blocks.push(inline.join(''));
      return;
    }
    for (const child of node.content ?? []) walk(child, into);
  };
  walk(doc, blocks);
  return blocks.map((line) => line.trim()).filter((line) => line.length > 0).join('\n');
}

/** An empty document, what a cleared editor holds. */
export const emptyRichText = (): RichTextDoc => ({ type: 'doc', content: [{ type: 'paragraph' }] });

/** True when the document has no visible text. */
export const isRichTextEmpty = (doc: RichTextNode | null | undefined): boolean => richTextToPlain(doc).length === 0;

/** A document of plain paragraphs, one per line given: text the app writes itself (a void's reason). */
export const paragraphsDoc = (...lines: readonly string[]): RichTextDoc => ({
  type: 'doc',
  content: lines.map((text) => (text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] })),
});
