import { promises as fs } from 'node:fs';
import path from 'node:path';

/*
 * The restore staging folders inside the vault's folder (`.restore-staging-<id>`, made by
 * createStagingFolder in restore-stream.ts), and the sweep that removes those a crash left behind.
 * Kept apart from the restore itself so the vault service can sweep after an unlock without loading it.
 */

export const STAGING_FOLDER_PREFIX = '.restore-staging-';

/**
 * The staging folders of this process's restores and verifications, from just before each is made until
 * it is removed: a leftover is any other, left by a process that crashed or was killed mid-restore.
 */
const inUse = new Set<string>();

/** Called before the folder is made, so a sweep that lists it a moment later leaves it alone. */
export function markStagingFolderInUse(dir: string): void {
  inUse.add(path.resolve(dir));
}

/** Deletes a staging folder with whatever is in it; true when it is gone. Never throws. */
export async function removeStagingFolder(dir: string): Promise<boolean> {
  const removed = await fs.rm(dir, { recursive: true, force: true }).then(
    () => true,
    () => false,
  );
  if (removed) inUse.delete(path.resolve(dir));
  return removed;
}

/**
 * Deletes the staging folders in `vaultDir` that no restore or verification of this process is using:
 * a crash or a kill part-way through a restore leaves one behind, sometimes with a whole staged copy of
 * the vault in it (encrypted, but the size of the vault). Called when the app starts and after every
 * unlock. Returns the names it removed; never throws (what it cannot remove is tried again next time).
 */
export async function removeLeftoverStagingFolders(vaultDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await fs.readdir(vaultDir)).filter((name) => name.startsWith(STAGING_FOLDER_PREFIX));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const dir = path.join(vaultDir, name);
    if (inUse.has(path.resolve(dir))) continue;
    if (await fs.rm(dir, { recursive: true, force: true }).then(() => true, () => false)) removed.push(name);
  }
  return removed;
}
