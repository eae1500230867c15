import { isDeepStrictEqual } from 'node:util';
import type { Sqlite } from '../../electron/services/database/open-database';
import { connectionBehind, plainCopyOf, type PlainCopy } from './plain-copy';
import { RawQueries } from './queries';

export interface Beside {
  /** The hand-written queries over the plain copy. */
  raw: RawQueries;
  copy: PlainCopy;
  /** The vault's own connection, for checking what the service wrote. */
  vault: Sqlite;
}

const byCopy = new Map<PlainCopy, RawQueries>();

/**
 * The raw baseline beside the vault a service reads: `call` is any read of that service, used to find
 * the vault; its plain copy is made on first use and shared by the rows over the same vault.
 */
export async function rawBeside(call: () => Promise<unknown>): Promise<Beside> {
  const vault = await connectionBehind(call);
  const copy = plainCopyOf(vault);
  let raw = byCopy.get(copy);
  if (!raw) {
    raw = new RawQueries(copy.db);
    byCopy.set(copy, raw);
  }
  return { raw, copy, vault };
}

/** Throws unless the service and the raw queries returned the same data, order included. */
export function assertSame(what: string, ours: unknown, raw: unknown): void {
  if (isDeepStrictEqual(ours, raw)) return;
  const show = (value: unknown) => JSON.stringify(value).slice(0, 600);
  throw new Error(`raw ${what} differs from the service's:\n ours ${show(ours)}\n raw  ${show(raw)}`);
}
