import { richTextToPlain, type RichTextNode } from '../../../shared/rich-text';
import { tableGrid } from '../../../shared/rich-text-table';

/*
 * Kept apart from summary-rich-text.tsx, which draws these blocks with @react-pdf/renderer: the summary's
 * data is gathered on every summary call, and importing the PDF library with it would load it when the
 * app starts instead of when the first PDF is laid out.
 */

/**
 * A quoted note section for the PDF: its text, with any table drawn as a table (one box per cell) so
 * a pasted "Mon | Walked" table keeps its columns. Text and cells are plain text after the name
 * redaction, as the rest of the summary is.
 */
export type ExcerptBlock = { kind: 'text'; text: string } | { kind: 'table'; rows: { header: boolean; cells: string[] }[] };

export function excerptBlocks(doc: RichTextNode | null | undefined, redact: (text: string) => string): ExcerptBlock[] {
  const blocks: ExcerptBlock[] = [];
  let pending: RichTextNode[] = [];
  const flushText = () => {
    const text = richTextToPlain({ type: 'doc', content: pending });
    if (text !== '') blocks.push({ kind: 'text', text: redact(text) });
    pending = [];
  };
  for (const block of doc?.content ?? []) {
    if (block.type !== 'table') {
      pending.push(block);
      continue;
    }
    flushText();
    const rows = tableGrid(block).map((row) => ({
      header: row.every((slot) => slot.header),
      // A cell's paragraphs become lines within its box.
      cells: row.map((slot) => redact(richTextToPlain(slot.cell))),
    }));
    if (rows.some((row) => row.cells.some((cell) => cell !== ''))) blocks.push({ kind: 'table', rows });
  }
  flushText();
  return blocks;
}

