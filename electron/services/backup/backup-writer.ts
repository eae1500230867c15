import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  BACKUP_DATABASE_ENTRY,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_ENTRY,
  BACKUP_SCRYPT_LOG_N,
  type BackupManifest,
  type RecordCounts,
} from '../../../shared/backup';
import type { Sqlite } from '../database/open-database';
import { writeArchiveFile } from './archive-file';
import { takeCountedSnapshot } from './snapshot';
import { PreparedScryptRecipient } from './native-scrypt';

export interface WriteBackupOptions {
  sqlite: Sqlite;
  folder: string;
  now: Date;
  passphrase: string;
  appVersion: string;
  schemaVersion: string;
  onProgress?: (phase: string, fraction: number | null) => void;
}

export interface WrittenBackup {
  path: string;
  fileName: string;
  fileBytes: number;
  databaseBytes: number;
  counts: RecordCounts;
  createdAt: string;
  sha256: string;
}

const two = (value: number) => String(value).padStart(2, '0');

/** `alliance-backup-YYYYMMDD-HHMMSS.age` in local time: the clock the practitioner reads in the file list. */
export function backupFileName(now: Date): string {
  const date = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}`;
  const time = `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  return `alliance-backup-${date}-${time}.age`;
}

/**
 * One encrypted backup: a snapshot of the open vault, its manifest, age-encrypted on the way to the
 * file. The snapshot exists only in memory; nothing unencrypted touches the disk, not even a
 * temporary file.
 */
export async function writeBackup(options: WriteBackupOptions): Promise<WrittenBackup> {
  const progress = options.onProgress ?? (() => undefined);
  // The key first: scrypt's 256 MB is freed before the vault-sized snapshot is taken.
  progress('Deriving the encryption key', null);
  const recipient = await PreparedScryptRecipient.derive(options.passphrase, BACKUP_SCRYPT_LOG_N);
  progress('Taking a snapshot', null);
  const { snapshot, counts } = takeCountedSnapshot(options.sqlite);
  try {
    const createdAt = options.now.toISOString();
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: options.appVersion,
      schemaVersion: options.schemaVersion,
      createdAt,
      database: {
        file: BACKUP_DATABASE_ENTRY,
        bytes: snapshot.byteLength,
        sha256: createHash('sha256').update(snapshot).digest('hex'),
      },
      counts,
    };
    const fileName = backupFileName(options.now);
    const written = await writeArchiveFile({
      file: path.join(options.folder, fileName),
      entries: [
        { name: BACKUP_MANIFEST_ENTRY, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
        { name: BACKUP_DATABASE_ENTRY, data: snapshot },
      ],
      passphrase: recipient,
      scryptLogN: BACKUP_SCRYPT_LOG_N,
      onProgress: (fraction) => progress(fraction < 0.9 ? 'Encrypting and writing' : 'Checking the written file', fraction),
    });
    return {
      path: written.path,
      fileName,
      fileBytes: written.fileBytes,
      databaseBytes: snapshot.byteLength,
      counts,
      createdAt,
      sha256: written.sha256,
    };
  } finally {
    // The plaintext image should not outlive the backup in this process's heap.
    snapshot.fill(0);
  }
}
