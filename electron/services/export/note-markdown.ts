import type { ExportedAddendum, ExportedGoal, ExportedNote, ExportedSession } from '../../../shared/data-export';
import { APPROACH_LABELS, ATTENDANCE_LABELS, MODALITY_LABELS, PROGRESS_LABELS, RISK_LABELS, SESSION_TYPE_LABELS, sessionTimeParts } from '../../../shared/note-labels';
import { richTextToPlain, type RichTextNode } from '../../../shared/rich-text';
import { tableGrid } from '../../../shared/rich-text-table';

/**
 * Rich text (the app's Tiptap JSON) → CommonMark, with GFM task lists and strikethrough.
 *
 * A small walker rather than prosemirror-markdown: @tiptap/pm 3 no longer ships `markdown`, the
 * Tiptap extensions that would give it a schema are renderer-only dev dependencies, and task lists
 * and underline would need hand-written serializers anyway. The app's rich text is a closed set of
 * closed set of node types and four marks (shared/rich-text.ts, no links or images), all covered here;
 * tables become GFM tables.
 */

type Mark = 'bold' | 'italic' | 'strike' | 'underline';

// Nesting order of delimiters when a run carries several marks; fixed so adjacent runs share openers.
const MARK_ORDER: readonly Mark[] = ['bold', 'italic', 'strike', 'underline'];
const OPEN: Record<Mark, string> = { bold: '**', italic: '*', strike: '~~', underline: '<u>' };
const CLOSE: Record<Mark, string> = { bold: '**', italic: '*', strike: '~~', underline: '</u>' };
const HARD_BREAK = '\\\n';

/**
 * Escapes characters that would otherwise become formatting anywhere in a line. `>`, `#`, list
 * markers and the like only matter at the start of a line, handled by escapeLineStart, so ordinary
 * text such as "3 > 2" or "Dr. Smith" stays readable as plain text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<~|]/g, (char) => `\\${char}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Escapes what would start a block (heading, quote, list, rule, setext underline) at a line's start. */
function escapeLineStart(text: string): string {
  // Leading spaces would make an indented code block (4+) or nothing at all; they are dropped.
  const trimmed = text.replace(/^[ \t]+/, '');
  const ordered = /^(\d{1,9})([.)])/.exec(trimmed);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${trimmed.slice(ordered[0].length)}`;
  return /^[#>+=-]/.test(trimmed) ? `\\${trimmed}` : trimmed;
}

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

/** `notes/<client code>/<date>-<session id>.md`. Codes are ASCII by contract, so safe on every file system. */
export const noteMarkdownPath = (clientCode: string, sessionDate: string, sessionId: string): string =>
  `notes/${clientCode}/${sessionDate}-${sessionId}.md`;

export interface NoteMarkdownInput {
  clientCode: string;
  note: ExportedNote;
  session: ExportedSession;
  addenda: readonly ExportedAddendum[];
  /** The client's goals by id, to name the goals a note marks progress on. */
  goals: ReadonlyMap<string, ExportedGoal>;
}

const signer = (by: { name: string; credentials: string } | null): string =>
  by === null ? '' : escapeMarkdown(by.credentials === '' ? by.name : `${by.name}, ${by.credentials}`);

/**
 * One session note as a Markdown file: a short header, then each template section as `## Label`
 * with its structured parts (goal progress, homework review, rupture, risk) before its text, then
 * the process note when exported, then addenda in the order they were signed.
 */
export function noteToMarkdown({ clientCode, note, session, addenda, goals }: NoteMarkdownInput): string {
  const when = [session.date, ...sessionTimeParts(session.startTime, session.durationMinutes)].join(', ');
  const header = [
    `# Session note: ${escapeMarkdown(clientCode)}, ${session.date}`,
    '',
    `- Client: ${escapeMarkdown(clientCode)}`,
    `- Date: ${when}`,
    `- Session: ${SESSION_TYPE_LABELS[session.type]}, ${MODALITY_LABELS[session.modality]}, ${ATTENDANCE_LABELS[session.attendance]}`,
    ...(session.serviceCode === '' ? [] : [`- Service code: ${escapeMarkdown(session.serviceCode)}`]),
    `- Template: ${escapeMarkdown(note.template.name)} (version ${note.template.version})`,
    note.status === 'signed'
      ? `- Status: signed ${note.signedAt ?? ''}${note.signedBy ? ` by ${signer(note.signedBy)}` : ''}`
      : `- Status: draft (last saved ${note.savedAt})`,
    ...(note.contentHash === null ? [] : [`- Content hash (SHA-256): ${note.contentHash}`]),
    ...(note.voided === null ? [] : [`- VOIDED ${note.voided.at}: ${escapeMarkdown(note.voided.reason)}`]),
  ];
  const parts = [header.join('\n')];

  for (const section of note.sections) {
    const body: string[] = [];
    if (section.kind === 'goals' && note.goalProgress.length > 0) {
      body.push(
        note.goalProgress
          .map((mark) => `- ${escapeLineStart(escapeMarkdown(goals.get(mark.goalId)?.text ?? 'Goal no longer in the plan'))}: ${PROGRESS_LABELS[mark.progress]}`)
          .join('\n'),
      );
    }
    if (section.kind === 'tasks' && note.approaches.length > 0) {
      body.push(`**Approach in this session:** ${note.approaches.map((approach) => APPROACH_LABELS[approach]).join(', ')}`);
    }
    if (section.kind === 'tasks' && note.homeworkReview.length > 0) {
      body.push(`Homework review:\n\n${note.homeworkReview.map((task) => `- [${task.done ? 'x' : ' '}] ${escapeLineStart(escapeMarkdown(task.text))}`).join('\n')}`);
    }
    if (section.kind === 'bond' && note.rupture.noted) {
      const description = note.rupture.description.trim();
      body.push(`**Rupture noted**${description === '' ? '' : `: ${escapeMarkdown(description)}`}`);
    }
    if (section.kind === 'risk' && note.risk.level !== null) {
      const action = note.risk.action.trim();
      body.push(`**Risk level:** ${RISK_LABELS[note.risk.level]}${action === '' ? '' : `\n\n**Action taken:** ${inlineParagraphs(action)}`}`);
    }
    if (section.markdown !== '') body.push(richTextToMarkdown(section.content, { headingOffset: 2 }));
    parts.push(`## ${escapeMarkdown(section.label)}\n\n${body.length > 0 ? body.join('\n\n') : '_(empty)_'}`);
  }

  if (note.processNote !== undefined) {
    const text = richTextToMarkdown(note.processNote, { headingOffset: 2 });
    parts.push(`## Process note (private)\n\n${text === '' ? '_(empty)_' : text}`);
  }

  for (const addendum of addenda) {
    parts.push(`## ${addendum.kind === 'void' ? 'Void' : 'Addendum'}, signed ${addendum.signedAt} by ${signer(addendum.signedBy)}\n\n${richTextToMarkdown(addendum.text, { headingOffset: 2 }) || '_(empty)_'}\n\nHash (SHA-256): ${addendum.hash}`);
  }
  return `${parts.join('\n\n')}\n`;
}

/** Plain text typed into a text box, line breaks kept as Markdown hard breaks. */
function inlineParagraphs(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeLineStart(escapeMarkdown(line)))
    .join(HARD_BREAK);
}
