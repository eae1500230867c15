import type { backupMethods } from '../../../shared/contract/backup';
import type { HandlersOf } from '../ipc/dispatch';
import type { BackupService } from './backup.service';

/** Backups, verification and restore. Inputs arrive already validated. */
export function backupHandlers({ backups }: { backups: BackupService }): HandlersOf<typeof backupMethods> {
  return {
    getBackupStatus: () => backups.status(),
    setBackupPassphrase: ({ passphrase }) => backups.setPassphrase(passphrase),
    chooseBackupFolder: () => backups.chooseFolder(),
    setAutomaticBackups: ({ enabled }) => backups.setAutomatic(enabled),
    backupNow: ({ destination }) => backups.backupNow(destination),
    chooseBackupFile: () => backups.chooseFile(),
    verifyBackup: ({ fileId, passphrase }) => backups.verify(fileId, passphrase),
    prepareRestore: ({ fileId, backupPassphrase, vaultPassphrase }) => backups.prepareRestore(fileId, backupPassphrase, vaultPassphrase),
    // A restore staged while the vault was unlocked is discarded when it locks (BackupService).
    confirmRestore: ({ restoreId }) => backups.confirmRestore(restoreId),
    cancelRestore: async ({ restoreId }) => {
      await backups.cancelRestore(restoreId);
      return {};
    },
  };
}
