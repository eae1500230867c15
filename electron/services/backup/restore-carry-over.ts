import type { Kysely } from 'kysely';
import type { PreparedRestore } from '../../../shared/backup';
import { lastActivityAt } from '../activity/activity-log.repository';
import type { VaultSchema } from '../database/schema';
import type { VaultService } from '../vault/vault.service';
import { listBackupHistory, replaceBackupHistory, type BackupHistoryRow } from './backup-history.repository';
import { readBackupSettings, writeBackupSettings, type BackupSettings } from './backup-settings';
import { countRecords } from './snapshot';

/** What a restore reads from the vault it replaces: shown before it is confirmed, and carried over after. */

/** The open vault's record counts and last change, shown beside the backup's; null while locked. */
export async function currentVaultSummary(vault: VaultService): Promise<PreparedRestore['current']> {
  if ((await vault.status()).state !== 'unlocked') return null;
  // Every ordinary table's rows, counted as a backup's manifest counts them.
  const counts = countRecords(vault.connection());
  return { counts, lastChangeAt: await lastActivityAt(vault.database()) };
}

/** Backup settings and history describe this machine's backups, not the restored data; null while locked. */
export interface MachineBackups {
  settings: BackupSettings;
  history: BackupHistoryRow[];
}

export async function machineBackups(vault: VaultService): Promise<MachineBackups | null> {
  if ((await vault.status()).state !== 'unlocked') return null;
  const db = vault.database();
  return { settings: await readBackupSettings(db), history: await listBackupHistory(db, 1000) };
}

/** Puts this machine's backup settings and history into the restored vault, in place of the backup's. */
export async function putBackMachineBackups(db: Kysely<VaultSchema>, carried: MachineBackups): Promise<void> {
  await writeBackupSettings(db, carried.settings);
  await replaceBackupHistory(db, carried.history);
}
