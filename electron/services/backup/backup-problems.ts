import { BACKUP_FORMAT_VERSION, BACKUP_SCRYPT_LOG_N_RANGE } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';

const MB = 1024 * 1024;

/** Every message a damaged or foreign file can produce; written for the practitioner, never with file content. */
export const problems = {
  empty: () =>
    new AppError('BACKUP_CORRUPT', 'The file is empty: it holds no backup. It may have been copied before the backup finished; use another copy.'),
  incomplete: () =>
    new AppError(
      'BACKUP_CORRUPT',
      'The backup is incomplete: it ends early, as if copying or saving it was interrupted. Use another copy of this backup, or a different backup.',
    ),
  header: () =>
    new AppError('BACKUP_CORRUPT', "The backup's header is damaged, so it cannot be opened. Use another copy of this backup, or a different backup."),
  damagedAt: (offset: number) =>
    new AppError(
      'BACKUP_CORRUPT',
      `The backup is damaged (at about ${formatMegabytes(offset)} into the file): part of it no longer matches what was encrypted, so none of it is used. Use another copy of this backup, or a different backup.`,
    ),
  workFactor: () =>
    new AppError(
      'BACKUP_CORRUPT',
      `The backup's header asks for a far slower passphrase check than Alliance Notes uses (at most 2^${BACKUP_SCRYPT_LOG_N_RANGE.max}), so it was not tried: the header is damaged, or the file was not made by Alliance Notes.`,
    ),
  weakWorkFactor: (logN: number) =>
    new AppError(
      'NOT_A_BACKUP',
      `This file was not made by Alliance Notes: its passphrase protection is weaker (scrypt work factor 2^${logN}) than the 2^${BACKUP_SCRYPT_LOG_N_RANGE.min} every Alliance Notes backup uses, so it was not opened. Use a backup the app wrote.`,
    ),
  wrongPassphrase: () =>
    new AppError(
      'WRONG_PASSPHRASE',
      'That passphrase does not open this backup. Backups use the backup passphrase that was set in Settings → Backups when the backup was made; check it and try again.',
    ),
  notAge: (hint: string) =>
    new AppError(
      'NOT_A_BACKUP',
      `This is not an Alliance Notes backup${hint}. Backups are encrypted files named like alliance-backup-20260615-120000.age.`,
    ),
  armored: () =>
    new AppError(
      'NOT_A_BACKUP',
      'This is not an Alliance Notes backup as the app writes it: it is an age file in text form (ASCII armor). If a backup was converted to text, use the original .age file instead.',
    ),
  ageKey: () =>
    new AppError(
      'NOT_A_BACKUP',
      'This file is encrypted to an age key, not with a passphrase, so it is not an Alliance Notes backup (those always use a passphrase). Open it with its key in the age tool instead.',
    ),
  notOurs: (why: string) => new AppError('NOT_A_BACKUP', `This file opens with the passphrase, but ${why}, so it is not an Alliance Notes backup.`),
  tooNew: (version: number) =>
    new AppError(
      'BACKUP_TOO_NEW',
      `This backup was made by a newer version of Alliance Notes (backup format ${version}; this version reads format ${BACKUP_FORMAT_VERSION}). Update the app to restore it.`,
    ),
  manifest: () =>
    new AppError('BACKUP_CORRUPT', "The backup's manifest (its list of contents) is incomplete or malformed, so the backup cannot be checked."),
  noDatabase: () => new AppError('BACKUP_CORRUPT', 'The backup holds its manifest but no database, so there is nothing to restore.'),
  sizeMismatch: () => new AppError('BACKUP_CORRUPT', "The backup's database is not the size its manifest records: the checksum cannot match."),
  unreadable: () =>
    new AppError('IO_ERROR', 'The backup file could not be read to the end: the drive reported an error. Check that it is connected and try again.'),
  unpacking: () => new AppError('IO_ERROR', 'The backup could not be unpacked. Nothing was changed.'),
  unopenable: () => new AppError('BACKUP_CORRUPT', 'The database inside the backup cannot be opened: it is damaged.'),
};

function formatMegabytes(bytes: number): string {
  const value = bytes / MB;
  return value < 10 ? `${value.toFixed(1)} MB` : `${Math.round(value)} MB`;
}
