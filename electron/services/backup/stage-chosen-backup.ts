import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { BackupInfo } from '../../../shared/backup';
import type { ChainAnchor } from '../../../shared/record-verification';
import { migrations } from '../../../migrations';
import { createStagingFolder, stageVerifiedBackup, type StagingFolder } from './restore-stream';

export interface StageChosenBackupOptions {
  file: string;
  passphrase: string;
  vaultDir: string;
  operation: 'verify' | 'restore';
  /** The key the staged copy is encrypted under as it streams. */
  dataKey: Buffer;
  nativeBinding?: string | undefined;
  /** The least scrypt work factor accepted; only the test host lowers it (see BackupServiceOptions.scryptLogN). */
  minScryptLogN?: number | undefined;
  onProgress: (phase: string, fraction: number | null) => void;
}

/**
 * Decrypts the chosen backup into a new staging folder inside the vault's folder, encrypted under
 * `dataKey` as it streams, and checks the staged copy (restore-stream.ts). Returns the folder, with
 * the checked copy in it, for the caller to keep (restore) or remove (verify); on any failure the
 * folder is gone before this throws, and the vault's own files were never touched.
 */
export async function stageChosenBackup(options: StageChosenBackupOptions): Promise<{ info: BackupInfo; staging: StagingFolder; activityLog: ChainAnchor | null }> {
  const { file, operation } = options;
  const staging = await createStagingFolder(options.vaultDir, randomUUID());
  try {
    const staged = await stageVerifiedBackup({
      file,
      passphrase: options.passphrase,
      stagedFile: staging.file,
      dataKey: options.dataKey,
      knownMigrations: migrations.map((step) => step.name),
      // A restored file is quick_checked again when the vault opens it (installRestoredDatabase), which
      // covers what a table-by-table check leaves out.
      checkTablesInParallel: operation === 'restore',
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.minScryptLogN !== undefined ? { minScryptLogN: options.minScryptLogN } : {}),
      onProgress: options.onProgress,
    });
    options.onProgress('Verified', 1);
    return {
      staging,
      activityLog: staged.manifest.activityLog ?? null,
      info: {
        fileName: path.basename(file),
        fileBytes: staged.fileBytes,
        createdAt: staged.manifest.createdAt,
        appVersion: staged.manifest.appVersion,
        schemaVersion: staged.manifest.schemaVersion,
        databaseBytes: staged.manifest.database.bytes,
        counts: staged.manifest.counts,
        checks: staged.checks,
      },
    };
  } catch (error) {
    await staging.remove();
    throw error instanceof AppError ? error : new AppError('IO_ERROR', 'The backup could not be staged in the vault folder. Nothing was changed.');
  }
}
