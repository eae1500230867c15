import type { ExportedAllergy, ExportedMedication } from '../../../shared/data-export';
import { medicationEventWords, regimenInWords } from '../../../shared/medications';
import { escapeLineStart, escapeMarkdown } from './markdown-escape';

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
