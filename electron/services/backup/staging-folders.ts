import { promises as fs } from 'node:fs';
import path from 'node:path';
import { stagingFailed } from './staging-errors';

/*
 * The restore staging folders inside the vault's folder (`.restore-staging-<id>`): making one, removing
 * it with the staged file, and the sweep that removes those a crash left behind. Kept apart from the
 * restore itself so the vault service can sweep after an unlock without loading it.
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

/** The staged file and anything SQLite may have put beside it. */
export async function removeStagedFile(file: string): Promise<void> {
  for (const suffix of ['', '-journal', '-wal', '-shm']) await fs.rm(`${file}${suffix}`, { force: true }).catch(() => undefined);
}

export interface StagingFolder {
  id: string;
  dir: string;
  /** `vault.db` inside it: the name the vault gives its database, so a rename moves it into place. */
  file: string;
  /**
   * Deletes the folder with whatever is in it, and any parent folder that making it created (left
   * empty). Never throws: what it cannot delete is encrypted, and a failure must not hide the outcome
   * being reported.
   */
  remove(): Promise<void>;
}

/**
 * A private folder for a staged copy inside the vault's folder: on the same drive as vault.db, so the
 * swap is a rename, and as private as the vault itself. Made owner-only (0700).
 */
export async function createStagingFolder(vaultDir: string, id: string): Promise<StagingFolder> {
  const dir = path.join(vaultDir, `${STAGING_FOLDER_PREFIX}${id}`);
  // Registered before it exists, so a sweep for leftovers that lists it a moment later leaves it alone.
  markStagingFolderInUse(dir);
  let firstCreated: string | undefined;
  try {
    firstCreated = await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  } catch {
    void removeStagingFolder(dir);
    throw stagingFailed();
  }
  // Verifying a backup on a machine with no vault yet must not leave an empty vault folder behind.
  const created: string[] = [];
  if (firstCreated !== undefined) {
    for (let parent = path.dirname(dir); parent.length >= firstCreated.length && parent.startsWith(firstCreated); parent = path.dirname(parent)) {
      created.push(parent);
      if (parent === firstCreated) break;
    }
  }
  return {
    id,
    dir,
    file: path.join(dir, 'vault.db'),
    async remove() {
      if (!(await removeStagingFolder(dir))) return;
      for (const parent of created) {
        // Only while empty: rmdir refuses a folder that something else (a new vault) has written to since.
        if (!(await fs.rmdir(parent).then(() => true, () => false))) break;
      }
    },
  };
}
