import path from 'node:path';
import { existsSync, promises as fs } from 'node:fs';
import { DATABASE_FILE, HEADER_FILE } from './vault-header';

/** File-system chores on the vault folder: names, modes, copies and removals. */

/** `20261123-081500` in local time, for folder names people read. */
const fileStamp = (date: Date): string => {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
};

/**
 * Keeps the current file under a second name: a hard link costs nothing however large the vault is,
 * and the rename that swaps the restored file in leaves the old one reachable through it. A copy where
 * the file system has no hard links (FAT on a USB drive).
 */
async function keepCopy(source: string, target: string): Promise<void> {
  try {
    await fs.link(source, target);
  } catch {
    await fs.copyFile(source, target);
  }
}

/**
 * mkdir's mode applies only to a folder it creates: a vault folder that already existed (made by hand,
 * copied, or created before this rule) kept its mode, 0755 included, so other accounts could list it
 * and copy the encrypted files. Set on every create and open. Best effort: Windows and some shared
 * drives have no such modes, and the files inside are 0600 anyway.
 */
export async function restrictFolderToOwner(dir: string): Promise<void> {
  try {
    const stat = await fs.stat(dir);
    if (stat.isDirectory() && (stat.mode & 0o777) !== 0o700) await fs.chmod(dir, 0o700);
  } catch {
    // A drive without POSIX modes, or a folder owned by someone else: nothing more can be done here.
  }
}

/** vault.db and its -wal and -shm, gone (a vault whose creation failed part way). */
export async function removeDatabaseFiles(dir: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) {
    await fs.rm(path.join(dir, `${DATABASE_FILE}${suffix}`), { force: true });
  }
}

/**
 * Before a restore swaps vault.db: the current database (and its -wal) and header kept in
 * `vault.before-restore-<time>/`, and the -wal and -shm removed, since their frames belong to the old
 * database and SQLite must never replay them onto the new one. Returns the folder.
 */
export async function setAsideForRestore(dir: string): Promise<string> {
  const database = path.join(dir, DATABASE_FILE);
  const before = path.join(dir, `vault.before-restore-${fileStamp(new Date())}`);
  await fs.mkdir(before, { recursive: true, mode: 0o700 });
  for (const suffix of ['', '-wal']) {
    const source = `${database}${suffix}`;
    if (existsSync(source)) await keepCopy(source, path.join(before, `${DATABASE_FILE}${suffix}`));
  }
  await fs.copyFile(path.join(dir, HEADER_FILE), path.join(before, HEADER_FILE));
  for (const suffix of ['-wal', '-shm']) await fs.rm(`${database}${suffix}`, { force: true });
  return before;
}

/** The database set aside by setAsideForRestore, back in place of a restored one that failed to open. */
export async function putBackSetAside(dir: string, before: string): Promise<void> {
  const database = path.join(dir, DATABASE_FILE);
  await fs.rename(path.join(before, DATABASE_FILE), database);
  if (existsSync(path.join(before, `${DATABASE_FILE}-wal`))) await fs.rename(path.join(before, `${DATABASE_FILE}-wal`), `${database}-wal`);
}
