import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';

/** Every regular file below `root`, bounded so a crowded temp folder cannot stall the suite. */
export function* filesUnder(root: string, budget = { files: 50_000 }): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (budget.files-- <= 0) return;
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full, budget);
    else if (entry.isFile()) yield full;
  }
}
