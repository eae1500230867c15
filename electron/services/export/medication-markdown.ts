import type { ExportedAllergy, ExportedMedication } from '../../../shared/data-export';
import { adherenceWords, sideEffectWords, type MedicationReview } from '../../../shared/medication-review';
import { medicationEventWords, regimenInWords } from '../../../shared/medications';
import { escapeLineStart, escapeMarkdown, inlineParagraphs } from './markdown-escape';

/** `medications/<client code>.md`: one file per client who has medications or allergies recorded. */
export const medicationMarkdownPath = (clientCode: string): string => `medications/${clientCode}.md`;

const ALLERGY_KIND_WORDS: Record<ExportedAllergy['kind'], string> = { allergy: 'allergy', adverse_reaction: 'adverse reaction' };

const bullet = (text: string) => `- ${escapeLineStart(text)}`;

function prescribedBy(regimen: ExportedMedication['history'][number]['regimen']): string {
  if (regimen.prescriber === 'me') return 'prescribed by me';
  return regimen.prescriberName.trim() === '' ? 'prescribed by another prescriber' : `prescribed by ${escapeMarkdown(regimen.prescriberName)}`;
}

/** A medication as a heading line, its current (or last) regimen, and its history oldest first. */
function medicationBlock(medication: ExportedMedication): string {
  const last = medication.history.at(-1);
  const lines = [`### ${escapeMarkdown(medication.name)}`, ''];
  if (last) {
    lines.push(`${medication.current ? 'Taking' : 'Was taking'}: ${escapeMarkdown(regimenInWords(last.regimen))}, ${prescribedBy(last.regimen)}.`);
    if (last.regimen.indication.trim() !== '') lines.push('', `For: ${escapeMarkdown(last.regimen.indication)}`);
    lines.push('', 'History:', '');
    for (const event of medication.history) {
      const reason = event.reason.trim() === '' ? '' : `, because ${escapeMarkdown(event.reason)}`;
      const decided = event.noteId === null ? '' : ' (decided in a session, applied when its note was signed)';
      lines.push(bullet(`${event.date} ${medicationEventWords[event.kind]}: ${escapeMarkdown(regimenInWords(event.regimen))}${reason}${decided}`));
    }
  }
  return lines.join('\n');
}

/** A client's medication list (current, then stopped) and allergies, in words. */
export function medicationListMarkdown(clientCode: string, medications: readonly ExportedMedication[], allergies: readonly ExportedAllergy[]): string {
  const current = medications.filter((medication) => medication.current);
  const stopped = medications.filter((medication) => !medication.current);
  const parts = [`# Medications and allergies: ${escapeMarkdown(clientCode)}`];
  parts.push(`## Current medications\n\n${current.length === 0 ? '_None._' : current.map(medicationBlock).join('\n\n')}`);
  if (stopped.length > 0) parts.push(`## Stopped medications\n\n${stopped.map(medicationBlock).join('\n\n')}`);
  const allergyLines = allergies.map((allergy) => {
    const reaction = allergy.reaction.trim() === '' ? '' : `: ${escapeMarkdown(allergy.reaction)}`;
    const removed = allergy.removedOn === null ? '' : ` ~~removed ${allergy.removedOn}${allergy.removedReason ? `, ${escapeMarkdown(allergy.removedReason)}` : ''}~~`;
    return bullet(`**${escapeMarkdown(allergy.substance)}** (${ALLERGY_KIND_WORDS[allergy.kind]})${reaction}. Recorded ${allergy.recordedOn}.${removed}`);
  });
  parts.push(`## Allergies and adverse reactions\n\n${allergyLines.length === 0 ? '_None recorded._' : allergyLines.join('\n')}`);
  return `${parts.join('\n\n')}\n`;
}

/** A note's medication review in words, for the note's medication section. */
export function medicationReviewMarkdown(review: MedicationReview, nameOf: ReadonlyMap<string, string>): string {
  const blocks = review.items.map((item) => {
    const lines = [`**${escapeMarkdown(nameOf.get(item.medicationId) ?? 'A medication no longer on the list')}**`, ''];
    if (item.adherence !== null) lines.push(bullet(`Adherence: ${adherenceWords[item.adherence]}`));
    if (item.missedDoses !== null) lines.push(bullet(`Doses missed in the last 7 days: ${item.missedDoses}`));
    const rated = item.sideEffects.filter((entry) => entry.severity !== 'none');
    if (rated.length > 0) lines.push(bullet(`Side effects: ${rated.map((entry) => `${sideEffectWords[entry.effect]} (${entry.severity})`).join(', ')}`));
    const texts: [string, string][] = [
      ['Side-effect notes', item.sideEffectNotes],
      ['How well it is working', item.working],
      ['Options discussed', item.options],
      ["Client's preference", item.preference],
      ['Decision', item.decision],
    ];
    for (const [label, text] of texts) if (text.trim() !== '') lines.push(bullet(`${label}: ${inlineParagraphs(text.trim())}`));
    return lines.join('\n');
  });
  if (review.changes.length > 0) {
    blocks.push(
      `**Changes decided in this visit:**\n\n${review.changes
        .map((change) => {
          const name = change.kind === 'start' ? change.name : nameOf.get(change.medicationId ?? '') ?? change.name;
          const reason = change.reason.trim() === '' ? '' : `, because ${inlineParagraphs(change.reason.trim())}`;
          return bullet(`${medicationEventWords[change.kind]} ${escapeMarkdown(name)}: ${escapeMarkdown(regimenInWords({ ...change.regimen }))}${reason}`);
        })
        .join('\n')}`,
    );
  }
  return blocks.join('\n\n');
}
