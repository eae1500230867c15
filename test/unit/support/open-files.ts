import { readdirSync, readlinkSync } from 'node:fs';

/** Files this process holds open under `dir` (Linux): a closed connection or reader holds none. */
export function openFilesUnder(dir: string): string[] {
  const held: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(dir)) held.push(target);
    } catch {
      // The descriptor closed while listing.
    }
  }
  return held;
}
