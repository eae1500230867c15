import type { Identity } from 'age-encryption';
import type { BackupManifest } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../database/open-database';
import { assertChecksum, expectedSchemaOf, judgeInspection, openVerifiedSnapshot, tooNewSchema, VERIFY_CHECKS } from './backup-checks';
import { readBackupInto } from './backup-reader';
import type { ExpectedSchema } from '../database/schema-diff';
import { startInspector, type Inspector } from './restore-inspector';
import { StagingSink, type SinkResult } from './restore-sink';
import { stagingFailed } from './staging-errors';
import { openImage, stageEncryptedCopy } from './restore-staging';
import { removeStagedFile } from './staging-folders';

export { createStagingFolder, removeStagingFolder, type StagingFolder } from './staging-folders';

/*
 * Restore and verification, streamed: the backup is decrypted, untarred and, page by page, encrypted
 * into the staged vault file as it is read (restore-sink.ts), so memory stays flat whatever the vault's
 * size. Only then is anything trusted: the size and SHA-256 of the plain bytes against the manifest,
 * and SQLite's integrity_check, the schema and the record counts on the staged file itself, on a worker
 * thread so the app stays responsive. A verification does the same with a throwaway key and deletes
 * the file; a restore keeps it for the swap.
 */

export interface StageBackupOptions {
  /** The backup file. */
  file: string;
  passphrase: string;
  /** Where the encrypted copy goes; must not exist. Removed again on any failure. */
  stagedFile: string;
  /** The raw 32-byte key the staged copy is encrypted under; the caller keeps and wipes it. */
  dataKey: Buffer;
  /** Migrations this build knows; a backup with others is refused as too new. */
  knownMigrations: readonly string[];
  onProgress?: (phase: string, fraction: number | null) => void;
  /** Test-only, as in readBackupFile: replaces the passphrase's scrypt identity. */
  identity?: Identity;
  /** As in readBackupFile: the least scrypt work factor accepted (the test host's cheaper cost). */
  minScryptLogN?: number;
  /** Path to a better_sqlite3.node built for the running runtime (the Electron shell's). */
  nativeBinding?: string;
  /**
   * Check the staged file's tables on two threads at once (about half the time of the check on two
   * cores). Only for a file the vault will open and quick_check itself (a restore): the shared check
   * leaves the free list and unused pages to that quick_check. A verify checks the whole file in one go.
   */
  checkTablesInParallel?: boolean;
}

export interface StagedBackup {
  manifest: BackupManifest;
  fileBytes: number;
  /** VERIFY_CHECKS that passed, in order. */
  checks: string[];
  /**
   * `pages`: streamed into the staged file page by page; `image`: collected in memory and copied through
   * SQLite (a plain image with no room for SQLCipher's per-page bytes, or an unusual page size).
   */
  route: 'pages' | 'image';
}

/**
 * Decrypts the backup into `stagedFile` under `dataKey` and checks it: returns only when the copy
 * passed every check a restore makes. On any failure `stagedFile` (and anything SQLite put beside it)
 * is gone before this throws, with the reader's or the check's own message.
 */
export async function stageVerifiedBackup(options: StageBackupOptions): Promise<StagedBackup> {
  const progress = options.onProgress ?? (() => undefined);
  const checking: { inspector: Inspector | null } = { inspector: null };
  const startChecking = () => (checking.inspector ??= startInspector(options.nativeBinding, { shared: options.checkTablesInParallel === true }));
  const sink = new StagingSink(options.stagedFile, options.dataKey, {
    // Once page 1 shows the pages route: after the passphrase's scrypt, whose memory is then freed.
    onPagesRoute: () => {
      startChecking();
    },
  });
  try {
    // The reader aborts the sink (removing the partial file) on every failure of its own.
    const read = await readBackupInto(options.file, options.passphrase, sink, {
      onProgress: progress,
      ...(options.identity ? { identity: options.identity } : {}),
      ...(options.minScryptLogN !== undefined ? { minScryptLogN: options.minScryptLogN } : {}),
    });
    try {
      progress('Checking the database', null);
      // Built from this build's migrations (cached after the first restore or verify), never from the backup.
      const expected = await expectedSchemaOf(read.manifest, options.knownMigrations, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
      const checks =
        read.database.route === 'pages'
          ? await checkStagedPages(read.database, read.manifest, options, startChecking(), expected)
          : stageFromImage(read.database.image, read.manifest, options, progress, expected);
      return { manifest: read.manifest, fileBytes: read.fileBytes, checks, route: read.database.route };
    } catch (error) {
      await removeStagedFile(options.stagedFile);
      throw error;
    }
  } finally {
    checking.inspector?.close();
  }
}

async function checkStagedPages(
  staged: Extract<SinkResult, { route: 'pages' }>,
  manifest: BackupManifest,
  options: StageBackupOptions,
  inspector: Inspector,
  expected: ExpectedSchema | null,
): Promise<string[]> {
  // Only a file readBackupInto finished gets here, and it finishes only after every chunk authenticated.
  const checks: string[] = [VERIFY_CHECKS.authenticated];
  assertChecksum(staged.bytes, staged.sha256, manifest);
  checks.push(VERIFY_CHECKS.checksum);
  if (expected === null) throw tooNewSchema();
  checks.push(...judgeInspection(await inspector.inspect(options.stagedFile, options.dataKey, expected), manifest, options.knownMigrations));
  return checks;
}

/** The fallback route: the checks run on the image in SQLite's memory, then it is copied through ATTACH (restore-staging.ts). */
function stageFromImage(
  image: Buffer,
  manifest: BackupManifest,
  options: StageBackupOptions,
  progress: (phase: string, fraction: number | null) => void,
  expected: ExpectedSchema | null,
): string[] {
  let verified: { checks: string[]; copy: Sqlite };
  try {
    // Opened once, writable, so the staged copy is made from the very database that was checked.
    verified = openVerifiedSnapshot(image, manifest, options.knownMigrations, expected, (bytes) =>
      openImage(bytes, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    );
  } finally {
    // SQLite holds its own copy from here on; this one should not linger in the heap.
    image.fill(0);
  }
  try {
    progress('Encrypting the restored copy', null);
    stageEncryptedCopy(verified.copy, options.stagedFile, options.dataKey);
  } catch (error) {
    throw error instanceof AppError ? error : stagingFailed();
  } finally {
    verified.copy.close();
  }
  return verified.checks;
}
