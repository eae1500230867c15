import type { Snippet } from '../../../shared/notes';
import { foldUndecomposed } from '../../../shared/search-fold';
import { MATCH_END, MATCH_START } from './note-search-parts';

/**
 * Turns what the practitioner typed into an FTS5 query that cannot be a syntax error: the words are cut
 * out the way the index's unicode61 tokenizer cuts them (letters, digits and combining marks; anything
 * else separates), each is quoted, the last one matches as a prefix (search as you type), and all must
 * occur (implicit AND). FTS5 operators typed by the user (OR, NEAR, -, ^, *, :) are just words or
 * separators here. Letters such as Ø and Ł are folded as the index folds them (migration 0004), so
 * "Ødegaard" and "odegaard" both find "Ødegaard". Returns null when nothing searchable is left.
 */
export function ftsQuery(typed: string): string | null {
  return ftsWords(typed)?.join(' ') ?? null;
}

/** The words of `ftsQuery`, each an FTS5 phrase (the last one a prefix), or null when none is left. */
export function ftsWords(typed: string): string[] | null {
  const words = foldUndecomposed(typed.normalize('NFC')).split(/[^\p{L}\p{N}\p{M}]+/u).filter((word) => word.length > 0);
  if (words.length === 0) return null;
  const quoted = words.slice(0, 16).map((word) => `"${word.replaceAll('"', '""')}"`);
  quoted[quoted.length - 1] += '*';
  return quoted;
}

/** Splits snippet() output, with its control-character markers, into plain and matched segments. */
export function snippetSegments(marked: string): Snippet {
  const segments: Snippet = [];
  const push = (text: string, match: boolean) => {
    if (text.length === 0) return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  let match = false;
  let current = '';
  for (const char of marked) {
    if (char === MATCH_START || char === MATCH_END) {
      push(current, match);
      current = '';
      match = char === MATCH_START;
    } else current += char;
  }
  push(current, match);
  return segments;
}
