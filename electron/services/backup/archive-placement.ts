import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

/** Giving a written archive its name without replacing anything, and file-system failures in the practitioner's words. */

export async function refuseExisting(target: string, folder: string): Promise<void> {
  let exists = false;
  try {
    await fs.lstat(target);
    exists = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw toIoError(error, folder, target, 0);
  }
  if (exists) throw existsError(target, folder);
}

const existsError = (target: string, folder: string) =>
  new AppError('IO_ERROR', `A file named “${path.basename(target)}” already exists in “${folder}”. It was left as it is and nothing was written.`);

/**
 * A hard link gives the file its name only if that name is free, atomically; rename would silently
 * replace a file that appeared meanwhile. File systems without hard links (FAT and exFAT USB drives,
 * some network shares) fall back to a check and a rename.
 */
export async function placeWithoutReplacing(temp: string, target: string, folder: string): Promise<void> {
  try {
    await fs.link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw existsError(target, folder);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EMLINK' && code !== 'EXDEV') throw error;
    await refuseExisting(target, folder);
    await fs.rename(temp, target);
    return;
  }
  await fs.unlink(temp);
}

const megabytes = (bytes: number): string => `${Math.max(1, Math.ceil(bytes / (1024 * 1024)))} MB`;

/** File-system failures in words for the practitioner: the folder and what to do, never a path inside a stack or file content. */
export function toIoError(error: unknown, folder: string, target: string, plainBytes: number): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError(
        'IO_ERROR',
        `The folder “${folder}” cannot be found. If it is on a USB drive or a network share, check that it is connected, then try again.`,
      );
    case 'EACCES':
    case 'EPERM':
      return new AppError('IO_ERROR', `Alliance Notes is not allowed to write in the folder “${folder}”. Choose another folder or check its permissions.`);
    case 'EROFS':
      return new AppError('IO_ERROR', `The folder “${folder}” is on a read-only drive. Choose another folder.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError(
        'IO_ERROR',
        `There is not enough free space in “${folder}” for “${path.basename(target)}” (about ${megabytes(plainBytes)} needed). Free some space or choose another folder.`,
      );
    case 'EIO':
      return new AppError('IO_ERROR', `The drive holding “${folder}” reported a read or write error. Nothing was saved; try another drive.`);
    default:
      return new AppError(
        'IO_ERROR',
        `“${path.basename(target)}” could not be written in “${folder}”${code ? ` (${code})` : ''}. Nothing was saved.`,
      );
  }
}
