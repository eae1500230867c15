import { RICH_TEXT_MAX_SPAN, type RichTextNode } from './rich-text';

/**
 * A table of the app's rich text laid out as a rectangular grid, for outputs that cannot span cells
 * (Markdown, the PDF's rows of boxes). A cell spanning several columns or rows appears once, in its
 * first slot; the slots it covers are empty (`cell: null`), so every row has as many slots as the
 * widest and no text moves to another column.
 */
export interface TableSlot {
  cell: RichTextNode | null;
  header: boolean;
}

/** The cap on the grid's size keeps a hostile span from making a huge empty table (spans are at most RICH_TEXT_MAX_SPAN). */
const MAX_SLOTS = 10_000;

export function tableGrid(table: RichTextNode): TableSlot[][] {
  const rows = (table.content ?? []).filter((row) => row.type === 'tableRow');
  const grid: (TableSlot | undefined)[][] = rows.map(() => []);
  let slots = 0;
  rows.forEach((row, rowIndex) => {
    let column = 0;
    for (const cell of row.content ?? []) {
      if (cell.type !== 'tableCell' && cell.type !== 'tableHeader') continue;
      while (grid[rowIndex]![column] !== undefined) column++;
      const header = cell.type === 'tableHeader';
      const colspan = spanOf(cell.attrs?.colspan);
      const rowspan = Math.min(spanOf(cell.attrs?.rowspan), rows.length - rowIndex);
      for (let r = 0; r < rowspan; r++) {
        for (let c = 0; c < colspan; c++) {
          if (slots++ > MAX_SLOTS) return;
          grid[rowIndex + r]![column + c] = { cell: r === 0 && c === 0 ? cell : null, header };
        }
      }
      column += colspan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, column) => row[column] ?? { cell: null, header: false }));
}

const spanOf = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value >= 1 ? Math.min(value, RICH_TEXT_MAX_SPAN) : 1);
