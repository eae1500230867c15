import { Extension, mergeAttributes, Node } from '@tiptap/core';
import { tableEditing } from '@tiptap/pm/tables';
import { RICH_TEXT_MAX_SPAN } from '../../../shared/rich-text';

/**
 * Tables, so that a table pasted from Word or a web page keeps its cells apart ("Mon | Walked") instead
 * of running them together ("MonWalked"). The node names and JSON match Tiptap's own table extension
 * (table, tableRow, tableHeader, tableCell with colspan/rowspan), built directly on prosemirror-tables,
 * which @tiptap/pm ships: @tiptap/extension-table has no release matching the installed @tiptap/core.
 * No column widths are kept: Word's fixed widths mean nothing in a note, the viewer, the PDF or Markdown.
 */

/** A span from pasted HTML, kept within what the service accepts (shared/rich-text.ts). */
const spanFrom = (element: HTMLElement, name: 'colspan' | 'rowspan'): number => {
  const value = Number.parseInt(element.getAttribute(name) ?? '1', 10);
  return Number.isFinite(value) ? Math.min(RICH_TEXT_MAX_SPAN, Math.max(1, value)) : 1;
};

const spanAttributes = {
  colspan: { default: 1, parseHTML: (element: HTMLElement) => spanFrom(element, 'colspan'), renderHTML: (attrs: { colspan: number }) => (attrs.colspan > 1 ? { colspan: attrs.colspan } : {}) },
  rowspan: { default: 1, parseHTML: (element: HTMLElement) => spanFrom(element, 'rowspan'), renderHTML: (attrs: { rowspan: number }) => (attrs.rowspan > 1 ? { rowspan: attrs.rowspan } : {}) },
};

export const TableCell = Node.create({
  name: 'tableCell',
  // Cells hold blocks, as Word's do (paragraphs, lists): anything narrower would make the parser close
  // the table early and move a cell's list below it.
  content: 'block+',
  isolating: true,
  addAttributes: () => spanAttributes,
  parseHTML: () => [{ tag: 'td' }],
  renderHTML: ({ HTMLAttributes }) => ['td', mergeAttributes(HTMLAttributes), 0],
});

export const TableHeader = Node.create({
  name: 'tableHeader',
  content: 'block+',
  isolating: true,
  addAttributes: () => spanAttributes,
  parseHTML: () => [{ tag: 'th' }],
  renderHTML: ({ HTMLAttributes }) => ['th', mergeAttributes(HTMLAttributes), 0],
});

export const TableRow = Node.create({
  name: 'tableRow',
  content: '(tableCell | tableHeader)*',
  parseHTML: () => [{ tag: 'tr' }],
  renderHTML: () => ['tr', 0],
});

export const Table = Node.create({
  name: 'table',
  group: 'block',
  content: 'tableRow+',
  isolating: true,
  parseHTML: () => [{ tag: 'table' }],
  renderHTML: () => ['table', ['tbody', 0]],
  // Cell selection, and tables kept rectangular (a pasted row with a missing cell gets an empty one).
  addProseMirrorPlugins: () => [tableEditing()],
});

/** prosemirror-tables finds the table's parts by the `tableRole` in each node's schema spec. */
const TABLE_ROLES: Record<string, string> = { table: 'table', tableRow: 'row', tableCell: 'cell', tableHeader: 'header_cell' };
const TableRoles = Extension.create({
  name: 'tableRoles',
  extendNodeSchema: (extension) => (TABLE_ROLES[extension.name] ? { tableRole: TABLE_ROLES[extension.name] } : {}),
});

export const tableExtensions = [TableRoles, Table, TableRow, TableHeader, TableCell];
