import { adherenceWords, type MedicationReview } from '../../../shared/medication-review';
import {
  itemAnswered,
  missedDosesInWords,
  plannedChangeInWords,
  reviewTextFields,
  reviewTextLabels,
  sideEffectsAbsentInWords,
  sideEffectsPresentInWords,
} from '../../../shared/medication-review-words';
import { escapeLineStart, escapeMarkdown, inlineParagraphs } from './markdown-escape';

/**
 * A note's medication review as Markdown, in the words the signed note shows: per medication that was
 * asked about, its answers as a list; then the changes decided in the visit. `names` are the client's
 * medications by id; empty when nothing was answered.
 */
export function medicationReviewMarkdown(review: MedicationReview, names: ReadonlyMap<string, string>, signed: boolean): string {
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? null));
  const blocks: string[] = [];
  for (const item of review.items.filter(itemAnswered)) {
    const lines: string[] = [];
    if (item.adherence !== null) lines.push(`Adherence since the last visit: ${adherenceWords[item.adherence]}`);
    const missed = missedDosesInWords(item.missedDoses, null);
    if (missed !== null) lines.push(`Doses missed in the last 7 days: ${missed}`);
    const present = sideEffectsPresentInWords(item);
    if (present !== '') lines.push(`Side effects: ${present}`);
    const absent = sideEffectsAbsentInWords(item);
    if (absent !== '') lines.push(`Asked about, not present: ${absent}`);
    for (const key of reviewTextFields) {
      if (item[key].trim() !== '') lines.push(`${reviewTextLabels[key]}: ${inlineParagraphs(item[key].trim())}`);
    }
    const name = nameOf(item.medicationId) ?? 'A medication no longer on the list';
    blocks.push(`**${escapeMarkdown(name)}**\n\n${lines.map((line) => `- ${line}`).join('\n')}`);
  }
  if (review.changes.length > 0) {
    const heading = signed ? 'Changes decided in this visit (applied to the medication list when the note was signed):' : 'Changes decided in this visit (applied to the medication list when the note is signed):';
    const lines = review.changes.map((change) => {
      const reason = change.reason.trim();
      return `- ${escapeLineStart(escapeMarkdown(plannedChangeInWords(change, nameOf(change.medicationId))))}${reason === '' ? '' : `. Reason: ${inlineParagraphs(reason)}`}`;
    });
    blocks.push(`**${heading}**\n\n${lines.join('\n')}`);
  }
  return blocks.join('\n\n');
}
