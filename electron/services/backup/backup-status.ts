import type { Kysely } from 'kysely';
import { BACKUP_OVERDUE_DAYS, type BackupStatus } from '../../../shared/backup';
import type { VaultSchema } from '../database/schema';
import { listBackupHistory } from './backup-history.repository';
import { isWritableFolder } from './backup-readiness';
import { readBackupSettings } from './backup-settings';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** What the Backups page and the Dashboard show: the settings (never the passphrase itself) and recent backups. */
export async function backupStatus(db: Kysely<VaultSchema>, now: Date): Promise<BackupStatus> {
  const settings = await readBackupSettings(db);
  // The file hash stays in the main process; the contract's records do not carry it.
  const history = (await listBackupHistory(db, 20)).map(({ sha256: _sha256, ...record }) => record);
  const lastSuccess = history[0] ?? null;
  const overdue = lastSuccess === null || now.getTime() - Date.parse(lastSuccess.createdAt) > BACKUP_OVERDUE_DAYS * DAY_MS;
  return {
    passphraseSet: settings.passphrase !== null,
    folder: settings.folder,
    folderMissing: settings.folder !== null && !(await isWritableFolder(settings.folder)),
    automatic: settings.automatic,
    lastSuccess,
    lastFailure: settings.lastFailure,
    overdue,
    recent: history,
  };
}
