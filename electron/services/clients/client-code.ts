import { randomInt } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { VaultSchema } from '../database/schema';

// No I or O, which read as 1 and 0 on a printed page.
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * The next free client code, such as `KT-0007`. The letters are random rather than the client's
 * initials so that a code on a shared document reveals nothing about the name; the number counts up.
 */
export async function suggestClientCode(db: Kysely<VaultSchema>): Promise<string> {
  const codes = (await db.selectFrom('clients').select('code').execute()).map((row) => row.code.toUpperCase());
  const taken = new Set(codes);
  let next = 1;
  for (const code of codes) {
    const digits = /(\d+)$/.exec(code)?.[1];
    if (digits !== undefined) next = Math.max(next, Number.parseInt(digits, 10) + 1);
  }
  for (;;) {
    const candidate = `${LETTERS[randomInt(LETTERS.length)]}${LETTERS[randomInt(LETTERS.length)]}-${String(next).padStart(4, '0')}`;
    if (!taken.has(candidate)) return candidate;
    next += 1;
  }
}

/** True when another client (not `exceptId`) already has this code, ignoring case. */
export async function isCodeTaken(db: Kysely<VaultSchema>, code: string, exceptId: string | null): Promise<boolean> {
  let query = db.selectFrom('clients').select('id').where(sql<boolean>`code = ${code} COLLATE NOCASE`);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
