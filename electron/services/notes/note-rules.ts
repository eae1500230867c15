import type { Kysely } from 'kysely';
import type { NoteTemplate } from '../../../shared/note-templates';
import type { NoteContent } from '../../../shared/notes';
import { richTextToPlain, type RichTextNode } from '../../../shared/rich-text';
import type { VaultSchema } from '../database/schema';
import { invalid } from '../clients/service-context';
import { goalIdsOfClient } from '../clients/goals.repository';

/**
 * Checks a draft's content against its own template and client before it is saved, and returns it with
 * every section of the template present (empty ones as null), so stored notes all have the same shape.
 */
export async function checkedContent(
  db: Kysely<VaultSchema>,
  template: NoteTemplate,
  clientId: string,
  content: NoteContent,
): Promise<NoteContent> {
  const keys = new Set(template.sections.map((section) => section.key));
  const problems: Record<string, string> = {};
  for (const key of Object.keys(content.sections)) {
    if (!keys.has(key)) problems[`sections.${key}`] = `This note's template (${template.name}) has no section "${key}".`;
  }
  const goalIds = content.goalProgress.map((mark) => mark.goalId);
  if (new Set(goalIds).size !== goalIds.length) problems.goalProgress = 'A goal is marked twice; keep one progress mark per goal.';
  else if (goalIds.length > 0) {
    const own = await goalIdsOfClient(db, clientId, goalIds);
    if (own.length !== goalIds.length) problems.goalProgress = "Only goals from this client's treatment plan can be marked.";
  }
  if ((content.approaches ?? []).length > 0 && !template.sections.some((section) => section.kind === 'tasks')) {
    problems.approaches = `This note's template (${template.name}) has no Tasks section to record the approach in.`;
  }
  // A note without the section keeps the shape (and, once signed, the hash) such notes always had.
  if (content.medicationReview !== undefined && !template.sections.some((section) => section.kind === 'medication')) {
    problems.medicationReview = `This note's template (${template.name}) has no Medication review section.`;
  }
  if (Object.keys(problems).length > 0) throw invalid(problems);
  return { ...content, sections: Object.fromEntries(template.sections.map((section) => [section.key, content.sections[section.key] ?? null])) };
}

/** What must be true before a note can be signed, as field messages; empty when it can be signed. */
export function signingProblems(content: NoteContent, practitionerName: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (practitionerName.trim() === '') problems.practitionerName = 'Add your name in Settings before signing.';
  if (content.risk.level === 'high' && content.risk.action.trim() === '') {
    problems['risk.action'] = 'A high risk level needs the action taken before the note can be signed.';
  }
  return problems;
}

/** The homework set in a note: the text of each task-list item in its template's tasks section. */
export function homeworkOf(template: NoteTemplate, content: NoteContent): { text: string; done: boolean }[] {
  const section = template.sections.find((candidate) => candidate.kind === 'tasks');
  const doc = section ? content.sections[section.key] : null;
  const items: string[] = [];
  const walk = (node: RichTextNode): void => {
    if (node.type === 'taskItem') {
      const text = richTextToPlain(node).replace(/\s*\n\s*/g, ' ').trim();
      if (text !== '') items.push(text.slice(0, 500));
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  if (doc) walk(doc);
  return items.slice(0, 50).map((text) => ({ text, done: false }));
}
