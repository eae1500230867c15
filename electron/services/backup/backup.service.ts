import { randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import {
  type BackupInfo,
  type BackupKind,
  type BackupProgress,
  type BackupRecord,
  type BackupStatus,
  type ChosenFile,
  type PreparedRestore,
} from '../../../shared/backup';
import { assertAcceptablePassphrase } from '../../../shared/passphrase-policy';
import type { VaultStatus } from '../../../shared/contract';
import type { Dialogs } from '../dialogs';
import type { VaultService } from '../vault/vault.service';
import { latestSchemaVersion } from '../database/migrate';
import { appendActivity } from '../activity/activity-log';
import { verifyRecords } from '../activity/record-verification';
import type { ActivityLogVerdict } from '../../../shared/clients';
import type { ChainAnchor } from '../../../shared/record-verification';
import { readBackupSettings, writeBackupSettings } from './backup-settings';
import { listBackupHistory, recordBackup, type BackupHistoryRow } from './backup-history.repository';
import { writeBackup } from './backup-writer';
import { openVaultSnapshot } from './vault-snapshot';
import { removeStagingFolder, type StagingFolder } from './restore-stream';
import { rotateBackupFolder } from './rotation';
import { ChosenBackupFiles } from './chosen-backup-files';
import { backupPassphraseFor, isWritableFolder, savedPassphraseForReading } from './backup-readiness';
import { backupStatus, DAY_MS } from './backup-status';
import { currentVaultSummary, machineBackups, putBackMachineBackups } from './restore-carry-over';
import { OneAtATime, throttledProgress } from './exclusive-runs';
import { PendingRestores } from './pending-restores';
import { stageChosenBackup } from './stage-chosen-backup';

export interface BackupServiceOptions {
  vault: VaultService;
  dialogs: Dialogs;
  appVersion: string;
  emitProgress: (progress: BackupProgress) => void;
  /** Files written in this session, so "Show in folder" may reveal them. */
  onSaved: (file: string) => void;
  /** Path to a better_sqlite3.node built for the running runtime (the Electron shell sets it). */
  nativeBinding?: string;
  now?: () => Date;
  /**
   * The scrypt work factor (log2 N) backups are written with and the least one they are read with.
   * Only the test host sets it (`--backup-cost`), to spare each e2e test seconds of scrypt; the app
   * always writes BACKUP_SCRYPT_LOG_N and refuses less.
   */
  scryptLogN?: number;
}

/**
 * Backups, verification and restore. The vault service owns the vault folder and keys; this service
 * owns backup files, the backup settings and the history, and the automatic schedule.
 */
export class BackupService {
  private readonly restores = new PendingRestores();
  private readonly exclusive = new OneAtATime();
  private readonly progress: ReturnType<typeof throttledProgress>;
  private readonly now: () => Date;

  private readonly chosen: ChosenBackupFiles;

  constructor(private readonly options: BackupServiceOptions) {
    this.chosen = new ChosenBackupFiles(options.dialogs);
    this.progress = throttledProgress((progress) => options.emitProgress(progress));
    this.now = options.now ?? (() => new Date());
  }

  private get vault(): VaultService {
    return this.options.vault;
  }

  async status(): Promise<BackupStatus> {
    return backupStatus(this.vault.database(), this.now());
  }

  async setPassphrase(passphrase: string): Promise<BackupStatus> {
    assertAcceptablePassphrase(passphrase);
    await writeBackupSettings(this.vault.database(), { passphrase });
    return this.status();
  }

  async chooseFolder(): Promise<BackupStatus> {
    this.vault.database();
    const folder = await this.options.dialogs.chooseFolder({ title: 'Choose a folder for backups' });
    if (folder === null) return this.status();
    if (!(await isWritableFolder(folder))) {
      throw new AppError('IO_ERROR', 'Backups cannot be written to that folder. Choose another one (a USB drive works).');
    }
    await writeBackupSettings(this.vault.database(), { folder });
    return this.status();
  }

  async setAutomatic(enabled: boolean): Promise<BackupStatus> {
    const settings = await readBackupSettings(this.vault.database());
    if (enabled) backupPassphraseFor(settings, 'folder');
    await writeBackupSettings(this.vault.database(), { automatic: enabled });
    return this.status();
  }

  /** Writes one backup; `backup: null` when the folder dialog was cancelled. */
  backupNow(destination: 'folder' | 'choose', kind: BackupKind = 'manual'): Promise<{ backup: BackupRecord | null }> {
    return this.exclusive.run(async () => {
      const db = this.vault.database();
      const settings = await readBackupSettings(db);
      const passphrase = backupPassphraseFor(settings, destination);
      let folder = settings.folder;
      if (destination === 'choose') {
        folder = await this.options.dialogs.chooseFolder({ title: 'Back up to…' });
        if (folder === null) return { backup: null };
      }
      if (folder === null) throw new AppError('NEEDS_SETUP', 'Choose a backup folder in Settings → Backups first.');
      const createdAt = this.now();
      try {
        const written = await writeBackup({
          openSnapshot: () => this.vault.openReader(({ live, file, dataKey, nativeBinding }) => openVaultSnapshot(live, file, dataKey, { nativeBinding })),
          folder,
          now: createdAt,
          passphrase,
          appVersion: this.options.appVersion,
          schemaVersion: latestSchemaVersion(),
          onProgress: (phase, fraction) => this.progress('backup', phase, fraction),
          ...(this.options.scryptLogN !== undefined ? { scryptLogN: this.options.scryptLogN } : {}),
        });
        const row: BackupHistoryRow = {
          id: randomUUID(),
          kind,
          createdAt: written.createdAt,
          folder,
          fileName: written.fileName,
          path: written.path,
          fileBytes: written.fileBytes,
          databaseBytes: written.databaseBytes,
          counts: written.counts,
          // writeArchiveFile read the file back and matched its hash before renaming it into place.
          verifiedAt: this.now().toISOString(),
          sha256: written.sha256,
        };
        await recordBackup(this.vault.database(), row);
        await writeBackupSettings(this.vault.database(), { lastFailure: null });
        this.options.onSaved(written.path);
        if (kind === 'automatic') await this.rotate(folder);
        const { sha256: _sha256, ...record } = row;
        return { backup: record };
      } catch (error) {
        const message = error instanceof AppError ? error.message : 'The backup could not be written.';
        await writeBackupSettings(this.vault.database(), { lastFailure: { at: this.now().toISOString(), message } }).catch(() => undefined);
        throw error;
      }
    });
  }

  async chooseFile(): Promise<{ file: ChosenFile | null }> {
    return { file: await this.chosen.choose() };
  }

  /**
   * Checks a backup as a restore would, without changing the vault: the backup is staged, encrypted
   * under a throwaway key, in a temporary folder inside the vault's folder, checked there, and deleted.
   */
  verify(fileId: string, passphrase: string | undefined): Promise<BackupInfo> {
    return this.exclusive.run(async () => {
      // Nothing is ever opened with this key after the check; it exists so no plain page touches the disk.
      const throwaway = randomBytes(32);
      try {
        const { info, staging } = await this.readVerified(fileId, passphrase, 'verify', throwaway);
        await staging.remove();
        return info;
      } finally {
        throwaway.fill(0);
      }
    });
  }

  prepareRestore(fileId: string, backupPassphrase: string | undefined, vaultPassphrase: string | undefined): Promise<PreparedRestore> {
    return this.exclusive.run(async () => {
      this.chosen.path(fileId);
      const stagedWhileUnlocked = (await this.vault.status()).state === 'unlocked';
      // The vault passphrase is checked first: a typo there should not cost a full decryption.
      const key = await this.vault.keyForRestore(vaultPassphrase);
      try {
        // Staged under the vault's own key, where confirmRestore renames it into place.
        const { info, staging, activityLog } = await this.readVerified(fileId, backupPassphrase, 'restore', key.dataKey);
        const { id } = staging;
        this.restores.add({ id, stagingDir: staging.dir, stagedFile: staging.file, key, info, stagedWhileUnlocked, activityLog });
        this.progress('restore', 'Ready to restore', 1);
        return { restoreId: id, backup: info, current: await currentVaultSummary(this.vault) };
      } catch (error) {
        key.dataKey.fill(0);
        throw error;
      }
    });
  }

  confirmRestore(restoreId: string): Promise<{ status: VaultStatus; recoveryKey: string | null; verification: ActivityLogVerdict | null }> {
    return this.exclusive.run(async () => {
      const pending = await this.restores.take(restoreId, async () => (await this.vault.status()).state === 'unlocked');
      // Backup settings and history describe this machine's backups, not the restored data: keep them.
      const carried = await machineBackups(this.vault);
      try {
        this.progress('restore', 'Replacing the vault', null);
        // prepareRestore staged this file in the vault's private folder and ran integrity_check on it there
        // (restore-stream.ts): the vault's own check of it can run after opening, off the main thread.
        const { recoveryKey } = await this.vault.installRestoredDatabase(pending.stagedFile, pending.key, { checkedBeforeInstall: true, activityLog: pending.activityLog });
        const db = this.vault.database();
        if (carried) await putBackMachineBackups(db, carried);
        await db.transaction().execute((trx) =>
          appendActivity(trx, { action: 'restore', recordType: 'vault', recordId: 'vault', clientId: null, fields: [`backup ${pending.info.createdAt}`] }, this.now()),
        );
        // Every restore is followed by "Verify records", against the anchor the backup's manifest gave.
        this.progress('restore', 'Verifying records', null);
        // The restore itself has succeeded by now: a check that cannot finish (the vault locked) says so
        // as null rather than as a failed restore.
        const verification = await verifyRecords(this.vault).catch(() => null);
        this.progress('restore', 'Restored', 1);
        return { status: await this.vault.status(), recoveryKey, verification };
      } finally {
        pending.key.dataKey.fill(0);
        await removeStagingFolder(pending.stagingDir);
      }
    });
  }

  cancelRestore(restoreId: string): Promise<void> {
    return this.restores.cancel(restoreId);
  }

  /**
   * Called when the vault locks. A restore staged while it was unlocked holds a copy of the data key
   * and would open the vault without its passphrase: locking must wipe that key like the vault's own.
   */
  discardRestoresStagedWhileUnlocked(): Promise<void> {
    return this.restores.discardStagedWhileUnlocked();
  }

  /** The stored backup passphrase, for encrypted exports; null when none is set. */
  async storedPassphrase(): Promise<string | null> {
    return (await readBackupSettings(this.vault.database())).passphrase;
  }

  /**
   * Runs an automatic backup when one is due: automatic backups on, and the last automatic one older
   * than a day. Failures are recorded for the Backups page and Dashboard, never thrown.
   */
  async runAutomaticIfDue(): Promise<BackupRecord | null> {
    if ((await this.vault.status()).state !== 'unlocked') return null;
    const db = this.vault.database();
    const settings = await readBackupSettings(db);
    if (!settings.automatic || settings.passphrase === null || settings.folder === null) return null;
    const last = (await listBackupHistory(db, 50)).find((row) => row.kind === 'automatic');
    if (last && this.now().getTime() - Date.parse(last.createdAt) < DAY_MS) return null;
    try {
      return (await this.backupNow('folder', 'automatic')).backup;
    } catch {
      return null;
    }
  }

  /** Drops staged restores (and their keys); called when the app quits. */
  dispose(): Promise<void> {
    return this.restores.cancelAll();
  }

  /** Stages and checks the chosen backup (stage-chosen-backup.ts), with the saved passphrase when none was typed. */
  private async readVerified(
    fileId: string,
    passphrase: string | undefined,
    operation: 'verify' | 'restore',
    dataKey: Buffer,
  ): Promise<{ info: BackupInfo; staging: StagingFolder; activityLog: ChainAnchor | null }> {
    const file = this.chosen.path(fileId);
    const secret = passphrase ?? (await savedPassphraseForReading(this.vault));
    return stageChosenBackup({
      file,
      passphrase: secret,
      vaultDir: this.vault.dir,
      operation,
      dataKey,
      nativeBinding: this.options.nativeBinding,
      minScryptLogN: this.options.scryptLogN,
      onProgress: (phase, fraction) => this.progress(operation, phase, fraction),
    });
  }

  private async rotate(folder: string): Promise<void> {
    const history = await listBackupHistory(this.vault.database(), 1000);
    const verified = new Set(history.filter((row) => row.folder === folder && row.verifiedAt !== null).map((row) => row.fileName));
    await rotateBackupFolder(folder, verified, this.now());
  }
}
