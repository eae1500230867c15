import { closeSync, fsyncSync, openSync, promises as fs, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes `data` next to `target` under a temporary name, flushes it to disk, renames it over the
 * target and flushes the folder, so readers see either the old file or the complete new one.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    // A full disk fails part-way through the write: the half-written temporary file must not stay
    // behind, and a failure to remove it must not hide the error that explains why.
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dir);
}

/** fsyncs a folder so a rename inside it survives a power cut. */
export async function syncFolder(dir: string): Promise<void> {
  // Folder fsync makes the rename durable on Linux; Windows cannot open folders this way.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * writeFileAtomic without awaiting, for the few small files written where the caller cannot wait (a
 * lock is synchronous): the same temporary file, flush, rename and folder flush.
 */
export function writeFileAtomicSync(target: string, data: string | Uint8Array, mode = 0o600): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = openSync(temp, 'wx', mode);
  try {
    try {
      writeFileSync(handle, data);
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  if (process.platform === 'win32') return;
  const folder = openSync(dir, 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}
