import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Identity } from 'age-encryption';
import type { BackupManifest } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../database/open-database';
import { startWorker } from '../workers/worker-thread';
import { assertChecksum, expectedSchemaOf, judgeInspection, openVerifiedSnapshot, tooNewSchema, VERIFY_CHECKS } from './backup-checks';
import { readBackupInto } from './backup-reader';
import type { ExpectedSchema } from '../database/schema-diff';
import { inspectDatabase, openStagedReadOnly, SHARED_CHECK_BYTES, type InspectJob, type InspectReply, type Inspection } from './restore-inspect';
import { StagingSink, type SinkResult } from './restore-sink';
import { stagingFailed } from './staging-errors';
import { openImage, stageEncryptedCopy } from './restore-staging';
import { markStagingFolderInUse, removeStagingFolder, STAGING_FOLDER_PREFIX } from './staging-folders';

export { removeStagingFolder } from './staging-folders';

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
 * The page cache of the connection that checks the staged file, in KiB. integrity_check reads each page
 * once, but its index checks look rows up again; on the 250 MB bench vault it took 2.3 s with 2 MiB,
 * 1.8 s with 4 MiB and no less with 8 or 16 MiB. Every page read is decrypted and authenticated, so a
 * cache that is too small costs time, and one larger than this only memory.
 */
export const INSPECT_CACHE_KIB = 4096;

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

/** The fallback: today's checks on the image in SQLite's memory, then a copy through ATTACH (restore-staging.ts). */
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

/** A worker thread, started ahead, that runs the checks on one staged file (restore-inspect-worker.ts). */
export interface Inspector {
  /**
   * The checks' findings. On the worker thread when it runs; on this thread, blocking, if no worker
   * started or SQLite could not load there (as the check after an unlock does).
   */
  inspect(file: string, dataKey: Buffer, expected: ExpectedSchema): Promise<Inspection>;
  /** Stops the thread if it is still waiting; safe after inspect and more than once. */
  close(): void;
}

/**
 * Starts the checking thread (two, with `shared`: see restore-inspect.ts's SharedCheck). They are
 * started while the backup is still being decrypted, so loading them (modules, the SQLite addon)
 * overlaps that work instead of following it.
 */
export function startInspector(nativeBinding?: string, options: { shared?: boolean } = {}): Inspector {
  const threads = Array.from({ length: options.shared ? 2 : 1 }, () => startCheckThread());
  const sharedClaims = threads.length > 1 ? new SharedArrayBuffer(SHARED_CHECK_BYTES) : null;
  return {
    async inspect(file, dataKey, expected) {
      if (threads.every((thread) => thread.worker !== null)) {
        threads.forEach((thread, index) => {
          const share = sharedClaims ? { share: { claims: sharedClaims, lead: index === 0 } } : {};
          const job: InspectJob = { file, dataKey: new Uint8Array(dataKey), cacheKiB: INSPECT_CACHE_KIB, expected, ...share, ...(nativeBinding ? { nativeBinding } : {}) };
          try {
            thread.worker!.postMessage(job);
          } finally {
            // postMessage copied the job; this copy of the key is no longer needed.
            job.dataKey.fill(0);
          }
        });
        // The answers are used once the threads have exited: their connections to the file are then surely
        // closed, so the file can be renamed or deleted (Windows refuses both while a handle is open).
        const answers = await Promise.all(threads.map(async (thread) => (await thread.exited, thread.answer())));
        const combined = combineAnswers(answers);
        if (combined) return combined;
      }
      return inspectOnThisThread(file, dataKey, expected, nativeBinding);
    },
    close() {
      for (const thread of threads) void thread.worker?.terminate();
    },
  };
}

function startCheckThread(): { worker: Worker | null; exited: Promise<void>; answer: () => InspectReply } {
  let worker: Worker | null;
  try {
    worker = startWorker('backup/restore-inspect-worker.ts', null);
  } catch {
    worker = null;
  }
  let answer: InspectReply = { unavailable: true };
  const exited = new Promise<void>((resolve) => {
    if (worker === null) return resolve();
    worker.on('message', (message: InspectReply) => {
      answer = message;
    });
    worker.on('error', () => undefined);
    worker.once('exit', () => resolve());
  });
  return { worker, exited, answer: () => answer };
}

/**
 * One finding from the threads' answers, or null when they cannot give one (a thread could not run
 * SQLite) and the whole check must run here. A shared check passes only if every table was checked.
 */
function combineAnswers(answers: InspectReply[]): Inspection | null {
  const inspections: Inspection[] = [];
  for (const answer of answers) {
    if (!('inspection' in answer)) return null;
    inspections.push(answer.inspection);
  }
  const [lead] = inspections;
  if (inspections.length === 1 || lead === undefined) return lead ?? null;
  // Each thread compares the schema before anything else, so either one's finding stands for both.
  const altered = inspections.find((inspection) => inspection.opened && 'altered' in inspection);
  if (altered) return altered;
  const opened = inspections.filter((inspection): inspection is Extract<Inspection, { integrity: boolean }> => inspection.opened && !('altered' in inspection));
  if (opened.length < inspections.length || !lead.opened || 'altered' in lead) return { opened: false };
  const total = lead.tables?.total ?? -1;
  const checked = opened.reduce((sum, inspection) => sum + (inspection.tables?.total === total ? inspection.tables.checked : Number.NaN), 0);
  const integrity = opened.every((inspection) => inspection.integrity) && checked === total;
  return integrity ? { opened: true, integrity, migrations: lead.migrations ?? null, counts: lead.counts ?? null } : { opened: true, integrity: false };
}

/** The checks of one staged file on a thread of their own (startInspector, used at once). */
export async function inspectOffMainThread(file: string, dataKey: Buffer, expected: ExpectedSchema, nativeBinding?: string): Promise<Inspection> {
  const inspector = startInspector(nativeBinding);
  try {
    return await inspector.inspect(file, dataKey, expected);
  } finally {
    inspector.close();
  }
}

function inspectOnThisThread(file: string, dataKey: Buffer, expected: ExpectedSchema, nativeBinding?: string): Inspection {
  let db: Sqlite;
  try {
    db = openStagedReadOnly(file, dataKey, { cacheKiB: INSPECT_CACHE_KIB, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch {
    return { opened: false };
  }
  try {
    return inspectDatabase(db, expected);
  } finally {
    db.close();
  }
}

/** The staged file and anything SQLite may have put beside it. */
export async function removeStagedFile(file: string): Promise<void> {
  for (const suffix of ['', '-journal', '-wal', '-shm']) await fs.rm(`${file}${suffix}`, { force: true }).catch(() => undefined);
}

export interface StagingFolder {
  id: string;
  dir: string;
  /** `vault.db` inside it: the name the vault gives its database, so a rename moves it into place. */
  file: string;
  /**
   * Deletes the folder with whatever is in it, and any parent folder that making it created (left
   * empty). Never throws: what it cannot delete is encrypted, and a failure must not hide the outcome
   * being reported.
   */
  remove(): Promise<void>;
}

/**
 * A private folder for a staged copy inside the vault's folder: on the same drive as vault.db, so the
 * swap is a rename, and as private as the vault itself. Made owner-only (0700).
 */
export async function createStagingFolder(vaultDir: string, id: string): Promise<StagingFolder> {
  const dir = path.join(vaultDir, `${STAGING_FOLDER_PREFIX}${id}`);
  // Registered before it exists, so a sweep for leftovers that lists it a moment later leaves it alone.
  markStagingFolderInUse(dir);
  let firstCreated: string | undefined;
  try {
    firstCreated = await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  } catch {
    void removeStagingFolder(dir);
    throw stagingFailed();
  }
  // Verifying a backup on a machine with no vault yet must not leave an empty vault folder behind.
  const created: string[] = [];
  if (firstCreated !== undefined) {
    for (let parent = path.dirname(dir); parent.length >= firstCreated.length && parent.startsWith(firstCreated); parent = path.dirname(parent)) {
      created.push(parent);
      if (parent === firstCreated) break;
    }
  }
  return {
    id,
    dir,
    file: path.join(dir, 'vault.db'),
    async remove() {
      if (!(await removeStagingFolder(dir))) return;
      for (const parent of created) {
        // Only while empty: rmdir refuses a folder that something else (a new vault) has written to since.
        if (!(await fs.rmdir(parent).then(() => true, () => false))) break;
      }
    },
  };
}

