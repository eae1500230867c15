import { Text, View } from '@react-pdf/renderer';
import { styles } from './summary-styles';
import type { ExcerptBlock } from './excerpt-blocks';

const cellBox = { flex: 1, paddingHorizontal: 3, paddingVertical: 1.5, borderRightWidth: 0.5, borderRightColor: '#adb5bd' } as const;

/** A quoted note section drawn in the PDF: its text, and each table as a table, one box per cell. */
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
