/** Markdown escaping: text that reads as itself in Markdown, whatever characters it holds. */

/** A CommonMark hard line break: a backslash at the end of the line. */
export const HARD_BREAK = '\\\n';

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
export function escapeLineStart(text: string): string {
  // Leading spaces would make an indented code block (4+) or nothing at all; they are dropped.
  const trimmed = text.replace(/^[ \t]+/, '');
  const ordered = /^(\d{1,9})([.)])/.exec(trimmed);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${trimmed.slice(ordered[0].length)}`;
  return /^[#>+=-]/.test(trimmed) ? `\\${trimmed}` : trimmed;
}

/** Plain text typed into a text box, line breaks kept as Markdown hard breaks. */
export function inlineParagraphs(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeLineStart(escapeMarkdown(line)))
    .join(HARD_BREAK);
}
