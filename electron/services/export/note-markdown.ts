import type { ExportedAddendum, ExportedGoal, ExportedNote, ExportedSession } from '../../../shared/data-export';
import { APPROACH_LABELS, ATTENDANCE_LABELS, MODALITY_LABELS, PROGRESS_LABELS, RISK_LABELS, SESSION_TYPE_LABELS, sessionTimeParts } from '../../../shared/note-labels';
import { escapeLineStart, escapeMarkdown, inlineParagraphs } from './markdown-escape';
import { medicationReviewMarkdown } from './medication-review-markdown';
import { richTextToMarkdown } from './rich-text-markdown';

// The export's Markdown in one import for its callers: escaping and rich text live in their own modules.
export { escapeMarkdown } from './markdown-escape';
export { richTextToMarkdown } from './rich-text-markdown';

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
  /** The client's medications by id, to name the medications a medication review is about. */
  medicationNames?: ReadonlyMap<string, string>;
}

const signer = (by: { name: string; credentials: string } | null): string =>
  by === null ? '' : escapeMarkdown(by.credentials === '' ? by.name : `${by.name}, ${by.credentials}`);

/**
 * One session note as a Markdown file: a short header, then each template section as `## Label`
 * with its structured parts (goal progress, homework review, rupture, risk, medication review) before its text, then
 * the process note when exported, then addenda in the order they were signed.
 */
export function noteToMarkdown({ clientCode, note, session, addenda, goals, medicationNames = new Map() }: NoteMarkdownInput): string {
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
    // A repair may be of this session's rupture or of an earlier one, so it is shown with or without one.
    if (section.kind === 'bond' && note.rupture.repaired === true) body.push('**Repair worked on** in this session');
    if (section.kind === 'risk' && note.risk.level !== null) {
      const action = note.risk.action.trim();
      body.push(`**Risk level:** ${RISK_LABELS[note.risk.level]}${action === '' ? '' : `\n\n**Action taken:** ${inlineParagraphs(action)}`}`);
    }
    if (section.kind === 'medication' && note.medicationReview) {
      const review = medicationReviewMarkdown(note.medicationReview, medicationNames, note.status === 'signed');
      if (review !== '') body.push(review);
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
