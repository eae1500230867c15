import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  BACKUP_DATABASE_ENTRY,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_ENTRY,
  BACKUP_SCRYPT_LOG_N,
  BACKUP_SCRYPT_LOG_N_RANGE,
  type BackupManifest,
  type RecordCounts,
} from '../../../shared/backup';
import { writeArchiveFile } from './archive-file';
import { PreparedScryptRecipient } from './native-scrypt';
import type { VaultSnapshot } from './vault-snapshot';

export interface WriteBackupOptions {
  /** Opens the snapshot to back up (see openVaultSnapshot); the backup closes it. */
  openSnapshot: () => Promise<VaultSnapshot>;
  folder: string;
  now: Date;
  passphrase: string;
  appVersion: string;
  schemaVersion: string;
  onProgress?: (phase: string, fraction: number | null) => void;
  /** The scrypt work factor (log2 N); BACKUP_SCRYPT_LOG_N unless the test host asks for a cheaper one. */
  scryptLogN?: number;
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
 * file. The snapshot is read once, in pieces, in one read transaction, and hashed as it goes into the
 * archive; the manifest (the archive's first entry, which records that hash) is filled in at the end,
 * when the payload's first chunk is sealed last (archive-file.ts). Nothing unencrypted touches the
 * disk, not even a temporary file, and the vault is never held in memory whole.
 */
export async function writeBackup(options: WriteBackupOptions): Promise<WrittenBackup> {
  const progress = options.onProgress ?? (() => undefined);
  // The key first: scrypt's 256 MB is freed before the snapshot is read.
  progress('Deriving the encryption key', null);
  const logN = options.scryptLogN ?? BACKUP_SCRYPT_LOG_N;
  const recipient = await PreparedScryptRecipient.derive(options.passphrase, logN);
  progress('Taking a snapshot', null);
  const snapshot = await options.openSnapshot();
  try {
    const { counts } = snapshot;
    const createdAt = options.now.toISOString();
    const manifestOf = (sha256: string): Buffer => {
      const manifest: BackupManifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: options.appVersion,
        schemaVersion: options.schemaVersion,
        createdAt,
        database: { file: BACKUP_DATABASE_ENTRY, bytes: snapshot.bytes, sha256 },
        counts,
        activityLog: snapshot.activityLog,
      };
      return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    };
    // A SHA-256 is always 64 hex digits, so the placeholder gives the manifest its final length.
    const manifestBytes = manifestOf('0'.repeat(64)).length;
    const hash = createHash('sha256');
    async function* hashedPieces(): AsyncGenerator<Uint8Array> {
      for await (const piece of snapshot.pieces()) {
        hash.update(piece);
        yield piece;
      }
    }
    const fileName = backupFileName(options.now);
    const written = await writeArchiveFile({
      file: path.join(options.folder, fileName),
      entries: [
        {
          name: BACKUP_MANIFEST_ENTRY,
          bytes: manifestBytes,
          // Called once the whole archive has streamed, and the archive checks the entry's length.
          late: () => manifestOf(hash.digest('hex')),
        },
        { name: BACKUP_DATABASE_ENTRY, bytes: snapshot.bytes, pieces: hashedPieces },
      ],
      passphrase: recipient,
      scryptLogN: logN,
      minScryptLogN: Math.min(logN, BACKUP_SCRYPT_LOG_N_RANGE.min),
      onProgress: (fraction) => progress(fraction < 0.9 ? 'Encrypting and writing' : 'Checking the written file', fraction),
    });
    return {
      path: written.path,
      fileName,
      fileBytes: written.fileBytes,
      databaseBytes: snapshot.bytes,
      counts,
      createdAt,
      sha256: written.sha256,
    };
  } finally {
    // Ends the read transaction (later writes may be checkpointed again) and wipes any in-memory image.
    snapshot.close();
  }
}
