import { Text, View } from '@react-pdf/renderer';
import { richTextToPlain, type RichTextNode } from '../../../shared/rich-text';
import { tableGrid } from '../../../shared/rich-text-table';
import { styles } from './summary-styles';

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

const cellBox = { flex: 1, paddingHorizontal: 3, paddingVertical: 1.5, borderRightWidth: 0.5, borderRightColor: '#adb5bd' } as const;

export function ExcerptBody({ blocks }: { blocks: readonly ExcerptBlock[] }) {
  return (
    <>
      {blocks.map((block, index) =>
        block.kind === 'text' ? (
          <Text key={index}>{block.text}</Text>
        ) : (
          <View key={index} style={{ marginVertical: 3, borderTopWidth: 0.5, borderLeftWidth: 0.5, borderTopColor: '#adb5bd', borderLeftColor: '#adb5bd' }}>
            {block.rows.map((row, rowIndex) => (
              <View key={rowIndex} style={{ flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#adb5bd' }} wrap={false}>
                {row.cells.map((cell, cellIndex) => (
                  <Text key={cellIndex} style={row.header ? [cellBox, styles.goalText] : cellBox}>
                    {cell}
                  </Text>
                ))}
              </View>
            ))}
          </View>
        ),
      )}
    </>
  );
}
