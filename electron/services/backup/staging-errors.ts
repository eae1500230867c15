import { AppError } from '../../../shared/errors';

/** What a restore says when its copy cannot be staged in the vault folder: each cause in words, nothing changed. */

export const stagingFailed = (): AppError =>
  new AppError('IO_ERROR', 'The backup could not be staged in the vault folder. Nothing was changed.');
export const alreadyThere = (): AppError =>
  new AppError('IO_ERROR', 'A file is already where the restored copy was to be written. Nothing was changed.');
const diskFull = (): AppError =>
  new AppError(
    'IO_ERROR',
    "There is not enough free space on the vault's drive for the restored copy (it needs about as much as the backup holds). Free some space and try again. Nothing was changed.",
  );
export const sizeMismatch = (): AppError => new AppError('BACKUP_CORRUPT', "The backup's database is not the size its manifest records: the checksum cannot match.");

export function writeError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EEXIST') return alreadyThere();
  if (code === 'ENOSPC' || code === 'EDQUOT') return diskFull();
  return stagingFailed();
}
