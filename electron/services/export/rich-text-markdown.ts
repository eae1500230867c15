import { richTextToPlain, type RichTextNode } from '../../../shared/rich-text';
import { tableGrid } from '../../../shared/rich-text-table';
import { escapeLineStart, escapeMarkdown, HARD_BREAK } from './markdown-escape';

/**
 * Rich text (the app's Tiptap JSON) → CommonMark, with GFM task lists and strikethrough.
 *
 * A small walker rather than prosemirror-markdown: @tiptap/pm 3 does not ship `markdown`, the
 * Tiptap extensions that would give it a schema are renderer-only dev dependencies, and task lists
 * and underline would need hand-written serializers anyway. The app's rich text is a
 * closed set of node types and four marks (shared/rich-text.ts, no links or images), all covered here;
 * tables become GFM tables.
 */

type Mark = 'bold' | 'italic' | 'strike' | 'underline';

// Nesting order of delimiters when a run carries several marks; fixed so adjacent runs share openers.
const MARK_ORDER: readonly Mark[] = ['bold', 'italic', 'strike', 'underline'];
const OPEN: Record<Mark, string> = { bold: '**', italic: '*', strike: '~~', underline: '<u>' };
const CLOSE: Record<Mark, string> = { bold: '**', italic: '*', strike: '~~', underline: '</u>' };

/** Renders one block's inline children, keeping marks open across adjacent runs that share them. */
function renderInline(nodes: readonly RichTextNode[], options: { breaks: 'hard' | 'space' }): string {
  let out = '';
  let open: Mark[] = [];
  let lineStart = true;

  const closeTo = (keep: number) => {
    if (open.length <= keep) return;
    // Delimiters must touch text to count, so trailing spaces move outside the closing ones.
    const trailing = /[ \t]*$/.exec(out)?.[0] ?? '';
    out = out.slice(0, out.length - trailing.length);
    for (let i = open.length - 1; i >= keep; i--) out += CLOSE[open[i] as Mark];
    out += trailing;
    open = open.slice(0, keep);
  };

  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      closeTo(0);
      if (options.breaks === 'hard') {
        out += HARD_BREAK;
        lineStart = true;
      } else out += ' ';
      continue;
    }
    if (node.type !== 'text') continue;
    const lines = (node.text ?? '').split(/\r\n|\r|\n/);
    lines.forEach((line, index) => {
      if (index > 0) {
        closeTo(0);
        out += options.breaks === 'hard' ? HARD_BREAK : ' ';
        lineStart = options.breaks === 'hard';
      }
      let text = escapeMarkdown(line);
      if (lineStart) text = escapeLineStart(text);
      if (text === '') return;
      if (text.trim() === '') {
        // Whitespace alone carries no visible formatting; keeping the current marks avoids "** **".
        out += text;
        return;
      }
      const marks = MARK_ORDER.filter((mark) => node.marks?.some((m) => m.type === mark));
      let keep = 0;
      while (keep < open.length && keep < marks.length && open[keep] === marks[keep]) keep++;
      closeTo(keep);
      const opening = marks.slice(keep);
      if (opening.length > 0) {
        const leading = /^[ \t]*/.exec(text)?.[0] ?? '';
        out += leading + opening.map((mark) => OPEN[mark]).join('');
        text = text.slice(leading.length);
        open = [...open, ...opening];
      }
      out += text;
      lineStart = false;
    });
  }
  closeTo(0);
  return out.replace(/[ \t]+$/, '');
}

const indent = (text: string, prefix: string, first: string): string =>
  text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line === '' ? '' : prefix + line))
    .join('\n');

interface BlockContext {
  headingOffset: number;
}

/** A list item's blocks: tight after a paragraph when a nested list follows, blank-line separated otherwise. */
function renderItemBlocks(nodes: readonly RichTextNode[], context: BlockContext): string {
  let out = '';
  let previous: RichTextNode | null = null;
  for (const node of nodes) {
    const text = renderBlock(node, context, previous);
    if (text === '') continue;
    if (out !== '') out += isList(node) ? '\n' : '\n\n';
    out += text;
    previous = node;
  }
  return out;
}

const isList = (node: RichTextNode): boolean => node.type === 'bulletList' || node.type === 'orderedList' || node.type === 'taskList';

function renderBlocks(nodes: readonly RichTextNode[], context: BlockContext): string {
  const parts: string[] = [];
  let previous: RichTextNode | null = null;
  for (const node of nodes) {
    const text = renderBlock(node, context, previous);
    if (text !== '') parts.push(text);
    previous = node;
  }
  return parts.join('\n\n');
}

function renderBlock(node: RichTextNode, context: BlockContext, previous: RichTextNode | null): string {
  const children = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
      return renderInline(children, { breaks: 'hard' });
    case 'heading': {
      const text = renderInline(children, { breaks: 'space' });
      if (text === '') return '';
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1) + context.headingOffset));
      return `${'#'.repeat(level)} ${text}`;
    }
    case 'bulletList': {
      // Two lists in a row would merge into one; a different bullet character keeps them apart.
      const bullet = previous?.type === 'bulletList' ? '*' : '-';
      return children.map((item) => indent(renderItemBlocks(item.content ?? [], context), '  ', `${bullet} `)).join('\n');
    }
    case 'orderedList': {
      const start = Math.max(0, Math.trunc(Number(node.attrs?.start ?? 1)) || 1);
      const delimiter = previous?.type === 'orderedList' ? ')' : '.';
      return children
        .map((item, i) => {
          const marker = `${start + i}${delimiter} `;
          return indent(renderItemBlocks(item.content ?? [], context), ' '.repeat(marker.length), marker);
        })
        .join('\n');
    }
    case 'taskList': {
      const bullet = previous?.type === 'taskList' ? '*' : '-';
      return children
        .map((item) => {
          const box = item.attrs?.checked === true ? '[x]' : '[ ]';
          return indent(renderItemBlocks(item.content ?? [], context), '  ', `${bullet} ${box} `);
        })
        .join('\n');
    }
    case 'listItem':
    case 'taskItem':
      return renderItemBlocks(children, context);
    case 'blockquote': {
      const inner = renderBlocks(children, context);
      return inner === '' ? '' : inner.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
    }
    case 'horizontalRule':
      return '---';
    case 'table':
      return renderTable(node, context);
    case 'tableRow':
    case 'tableCell':
    case 'tableHeader':
      // Only reached through renderTable, which lays rows and cells out itself.
      return renderBlocks(children, context);
    case 'doc':
      return renderBlocks(children, context);
    case 'text':
    case 'hardBreak':
      return renderInline([node], { breaks: 'hard' });
  }
}

/**
 * A GFM table cell holds one line: its blocks are joined with <br>, and a table inside a cell (Word
 * allows it) is flattened to its text, rows apart, since GFM tables cannot nest.
 */
function renderCell(cell: RichTextNode | null, context: BlockContext): string {
  if (!cell) return '';
  const lines = (cell.content ?? []).map((block) => {
    if (block.type === 'table') return richTextToPlain(block).split('\n').map(escapeMarkdown).join('<br>');
    if (block.type === 'heading' || block.type === 'paragraph') return renderInline(block.content ?? [], { breaks: 'hard' }).split(HARD_BREAK).join('<br>');
    return renderBlock(block, context, null).split(HARD_BREAK).join('<br>').replace(/\n+/g, '<br>');
  });
  return lines.filter((line) => line !== '').join('<br>');
}

/**
 * A table as GFM. GFM needs a header row: the table's first row when it is all header cells (as a web
 * page's <th> row is), an empty one otherwise, so no row of data is shown as a header it was not.
 */
function renderTable(table: RichTextNode, context: BlockContext): string {
  const grid = tableGrid(table);
  const width = grid[0]?.length ?? 0;
  if (width === 0) return '';
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const headed = grid[0]!.every((slot) => slot.header);
  const header = headed ? grid[0]!.map((slot) => renderCell(slot.cell, context)) : Array.from({ length: width }, () => ' ');
  const body = (headed ? grid.slice(1) : grid).map((row) => line(row.map((slot) => renderCell(slot.cell, context))));
  return [line(header), line(Array.from({ length: width }, () => '---')), ...body].join('\n');
}

/**
 * Markdown for a rich-text document; '' for null or an empty one. `headingOffset` pushes headings
 * down so a document placed under a `## Section` heading nests below it.
 */
export function richTextToMarkdown(doc: RichTextNode | null | undefined, options: { headingOffset?: number } = {}): string {
  if (!doc) return '';
  return renderBlock(doc, { headingOffset: options.headingOffset ?? 0 }, null).trim();
}
