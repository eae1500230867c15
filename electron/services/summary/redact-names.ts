/**
 * For a "client code only" summary: replaces the client's names wherever the practitioner wrote them
 * in quoted text, so the document names nobody. Whole names go first, then each part of a name
 * ("Zoë", "Ødegaard"), matched without regard to case and only as whole words, so "Ann" does not eat
 * "announced". Scripts written without spaces (Chinese, Japanese, Thai) have no word edges to look
 * for, so their names are matched anywhere.
 */
export const REDACTED_NAME = '[client]';

const NO_SPACES_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hangul}]/u;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function nameRedactor(client: { legalName: string; preferredName: string }): (text: string) => string {
  const names = [client.legalName, client.preferredName].map((name) => name.normalize('NFC').trim()).filter((name) => name !== '');
  const parts = names.flatMap((name) => name.split(/[\s\-‐'’]+/u)).filter((part) => [...part].length >= 2);
  // Longest first, so "Minh Khai" is replaced as one before "Minh" alone.
  const candidates = [...new Set([...names, ...parts])].sort((a, b) => b.length - a.length);
  if (candidates.length === 0) return (text) => text;
  const pattern = new RegExp(
    candidates
      .map((candidate) => (NO_SPACES_SCRIPT.test(candidate) ? escape(candidate) : `(?<![\\p{L}\\p{M}\\p{N}])${escape(candidate)}(?![\\p{L}\\p{M}\\p{N}])`))
      .join('|'),
    'giu',
  );
  return (text) => text.normalize('NFC').replace(pattern, REDACTED_NAME);
}
