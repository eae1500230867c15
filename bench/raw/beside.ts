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
  const show = (value: unknown) => (JSON.stringify(value) ?? String(value)).slice(0, 600);
  const at = firstDifference(ours, raw, '');
  throw new Error(`raw ${what} differs from the service's at ${at.path || '(top)'}:\n ours ${show(at.ours)}\n raw  ${show(at.raw)}`);
}

/** Where two values first differ (depth first, in key order), so a mismatch deep in a long list is readable. */
function firstDifference(ours: unknown, raw: unknown, path: string): { path: string; ours: unknown; raw: unknown } {
  if (typeof ours === 'object' && ours !== null && typeof raw === 'object' && raw !== null && Array.isArray(ours) === Array.isArray(raw)) {
    const keys = [...new Set([...Object.keys(ours), ...Object.keys(raw)])];
    for (const key of keys) {
      const a = (ours as Record<string, unknown>)[key];
      const b = (raw as Record<string, unknown>)[key];
      if (!isDeepStrictEqual(a, b)) return firstDifference(a, b, Array.isArray(ours) ? `${path}[${key}]` : `${path}.${key}`);
    }
  }
  return { path, ours, raw };
}
