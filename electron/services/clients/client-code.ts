import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { VaultSchema } from '../database/schema';
import { allClientCodes } from './clients.repository';

// No I or O, which read as 1 and 0 on a printed page.
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * The next free client code, such as `KT-0007`. The letters are random rather than the client's
 * initials so that a code on a shared document reveals nothing about the name; the number counts up.
 */
export async function suggestClientCode(db: Kysely<VaultSchema>): Promise<string> {
  return clientCodeGenerator(await allClientCodes(db))();
}

/**
 * Free codes one after another, for many new clients at once (an import): each call returns a code
 * that is neither in `taken` nor returned before, counting up from the highest number in use.
 */
export function clientCodeGenerator(taken: Iterable<string>): () => string {
  const codes = new Set([...taken].map((code) => code.toUpperCase()));
  let next = 1;
  for (const code of codes) {
    const digits = /(\d+)$/.exec(code)?.[1];
    if (digits !== undefined) next = Math.max(next, Number.parseInt(digits, 10) + 1);
  }
  return () => {
    for (;;) {
      const candidate = `${LETTERS[randomInt(LETTERS.length)]}${LETTERS[randomInt(LETTERS.length)]}-${String(next).padStart(4, '0')}`;
      next += 1;
      if (!codes.has(candidate)) {
        codes.add(candidate);
        return candidate;
      }
    }
  };
}
