import type { ReactNode } from 'react';
import { Typography } from '@mantine/core';
import { RICH_TEXT_MAX_SPAN, type RichTextNode } from '../../../shared/rich-text';

type Mark = NonNullable<RichTextNode['marks']>[number];

function withMarks(text: ReactNode, marks: readonly Mark[] | undefined): ReactNode {
  return (marks ?? []).reduce<ReactNode>((inner, mark) => {
    switch (mark.type) {
      case 'bold':
        return <strong>{inner}</strong>;
      case 'italic':
        return <em>{inner}</em>;
      case 'underline':
        return <u>{inner}</u>;
      case 'strike':
        return <s>{inner}</s>;
    }
  }, text);
}

// The contract allows whole spans from 1 to RICH_TEXT_MAX_SPAN; anything else shows as a single cell.
const spanOf = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= RICH_TEXT_MAX_SPAN ? value : 1);

function renderNode(node: RichTextNode, key: number): ReactNode {
  const children = node.content?.map(renderNode);
  switch (node.type) {
    case 'doc':
      return <div key={key}>{children}</div>;
    case 'text':
      return <span key={key}>{withMarks(node.text ?? '', node.marks)}</span>;
    case 'hardBreak':
      return <br key={key} />;
    case 'horizontalRule':
      return <hr key={key} />;
    case 'paragraph':
      return <p key={key} dir="auto">{children}</p>;
    // Headings inside a record sit below the page's own h1/h2, so they start at h3.
    case 'heading':
      return node.attrs?.level === 3 ? <h4 key={key} dir="auto">{children}</h4> : <h3 key={key} dir="auto">{children}</h3>;
    case 'bulletList':
      return <ul key={key}>{children}</ul>;
    case 'taskList':
      return (
        <ul key={key} className="task-list-view">
          {children}
        </ul>
      );
    case 'orderedList':
      return <ol key={key}>{children}</ol>;
    case 'listItem':
      return <li key={key} dir="auto">{children}</li>;
    case 'taskItem':
      return (
        <li key={key} dir="auto">
          <span aria-label={node.attrs?.checked === true ? 'Done' : 'Not done'}>{node.attrs?.checked === true ? '☑' : '☐'}</span> {children}
        </li>
      );
    case 'blockquote':
      return <blockquote key={key}>{children}</blockquote>;
    case 'table':
      return (
        <table key={key} className="rich-text-table">
          <tbody>{children}</tbody>
        </table>
      );
    case 'tableRow':
      return <tr key={key}>{children}</tr>;
    case 'tableHeader':
    case 'tableCell': {
      const Cell = node.type === 'tableHeader' ? 'th' : 'td';
      return (
        <Cell key={key} dir="auto" colSpan={spanOf(node.attrs?.colspan)} rowSpan={spanOf(node.attrs?.rowspan)}>
          {children}
        </Cell>
      );
    }
  }
}

/**
 * Shows a stored rich-text document read-only. It renders React elements from the JSON (never HTML
 * strings), so nothing in a record can run as markup.
 */
export function RichTextView({ doc }: { doc: RichTextNode }) {
  return <Typography>{renderNode(doc, 0)}</Typography>;
}
