import path from 'node:path';
import type { Kysely } from 'kysely';
import type { BackupRecord, RecordCounts } from '../../../shared/backup';
import type { VaultSchema } from '../database/schema';

/** The backup_history table: this machine's backups, newest first, with each file's hash. */
export interface BackupHistoryRow extends BackupRecord {
  /** SHA-256 of the written file, to recognise it later. */
  sha256: string;
}

export async function recordBackup(db: Kysely<VaultSchema>, row: BackupHistoryRow): Promise<void> {
  await db
    .insertInto('backup_history')
    .values({
      id: row.id,
      kind: row.kind,
      created_at: row.createdAt,
      folder: row.folder,
      file_name: row.fileName,
      file_bytes: row.fileBytes,
      database_bytes: row.databaseBytes,
      file_sha256: row.sha256,
      counts: JSON.stringify(row.counts),
      verified_at: row.verifiedAt,
    })
    .execute();
}

/** Newest first. */
export async function listBackupHistory(db: Kysely<VaultSchema>, limit: number): Promise<BackupHistoryRow[]> {
  const rows = await db.selectFrom('backup_history').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    createdAt: row.created_at,
    folder: row.folder,
    fileName: row.file_name,
    path: path.join(row.folder, row.file_name),
    fileBytes: row.file_bytes,
    databaseBytes: row.database_bytes,
    counts: parseCounts(row.counts),
    verifiedAt: row.verified_at,
    sha256: row.file_sha256,
  }));
}

/** After a restore: the history of this machine's backups replaces the one inside the backup. */
export async function replaceBackupHistory(db: Kysely<VaultSchema>, rows: readonly BackupHistoryRow[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('backup_history').execute();
    for (const row of rows) await recordBackup(trx, row);
  });
}

function parseCounts(json: string): RecordCounts {
  try {
    const value = JSON.parse(json) as unknown;
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => Number.isInteger(entry[1]) && (entry[1] as number) >= 0));
    }
  } catch {
    // An unreadable row shows no counts rather than hiding the backup.
  }
  return {};
}
