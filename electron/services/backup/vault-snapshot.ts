import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { RecordCounts } from '../../../shared/backup';
import type { ChainAnchor } from '../../../shared/record-verification';
import { readChainAnchor } from '../activity/activity-log.repository';
import { AppError } from '../../../shared/errors';
import { openEncryptedDatabase, type Sqlite } from '../database/open-database';
import { countRecords, markRollbackJournal, takeSnapshot } from './snapshot';
import { PageAuthenticationError, SQLCIPHER_SALT_BYTES } from './sqlcipher-pages';
import { PAGE_THREAD_MIN_BYTES, SnapshotPageReader, startPageThread, type StartPageThread } from './snapshot-pages';

/** A consistent, plain image of the vault for a backup, read in pieces; close it when done. */
export interface VaultSnapshot {
  /** How it is read: `pages` streams vault.db's own pages; `image` is SQLite's in-memory copy (the fallback). */
  readonly source: 'pages' | 'image';
  readonly bytes: number;
  readonly counts: RecordCounts;
  /** The activity log's length and newest hash in this snapshot, for the manifest (see ChainAnchor). */
  readonly activityLog: ChainAnchor;
  /** The plain SQLite image in order, in pieces of at most PIECE_BYTES; may be read more than once. */
  pieces(): AsyncGenerator<Buffer>;
  close(): void;
}

export interface OpenVaultSnapshotOptions {
  nativeBinding?: string;
  /**
   * Starts the thread that decrypts pages (snapshot-pages.ts); null for none. By default one is started
   * for a vault of PAGE_THREAD_MIN_BYTES or more.
   */
  startPageThread?: StartPageThread;
}

/** Pages decrypted per read: 1 MiB at 4 KiB pages, a few milliseconds of work between awaits. */
const PIECE_BYTES = 1024 * 1024;

/**
 * Opens a snapshot of the vault at `file` for a backup without holding the vault in memory.
 *
 * SQLite's WAL rules make the file itself a snapshot: the live connection checkpoints everything into
 * vault.db and empties the WAL, then a second connection starts a read transaction. A reader that began
 * with an empty WAL reads vault.db alone, and no checkpoint may write into vault.db while it reads, so
 * later writes (autosave goes on during a backup) stay in the WAL. vault.db's pages are then read from
 * the file, checked and decrypted here (sqlcipher-pages.ts), in order, and counted in that same read
 * transaction. If the WAL could not be emptied (another connection was reading or writing), the same
 * read transaction serializes the database into memory instead: the whole image is held at once, but no
 * empty WAL is needed.
 */
export function openVaultSnapshot(live: Sqlite, file: string, dataKey: Buffer, options: OpenVaultSnapshotOptions = {}): VaultSnapshot {
  const reader = openEncryptedDatabase(file, dataKey, { create: false, nativeBinding: options.nativeBinding });
  let began = false;
  try {
    // The reader's pages pass through here, not through its cache; a small one keeps the process small.
    reader.pragma('cache_size=-2048');
    const [checkpoint] = checkpointWithoutWaiting(live);
    reader.exec('BEGIN');
    began = true;
    // A read transaction starts at its first read.
    reader.prepare('SELECT count(*) FROM sqlite_schema').get();
    const emptied = checkpoint !== undefined && checkpoint.busy === 0 && checkpoint.log === 0 && walIsEmpty(file);
    const counts = countRecords(reader);
    const activityLog = readChainAnchor(reader);
    const anchored = (snapshot: UnanchoredSnapshot): VaultSnapshot => ({ ...snapshot, activityLog });
    if (!emptied) return anchored(imageSnapshot(reader, counts));
    const pageSize = Number(reader.pragma('page_size', { simple: true }));
    const pageCount = Number(reader.pragma('page_count', { simple: true }));
    if (statSync(file).size < pageSize * pageCount) return anchored(imageSnapshot(reader, counts));
    const start = options.startPageThread !== undefined ? options.startPageThread : pageSize * pageCount >= PAGE_THREAD_MIN_BYTES ? startPageThread : null;
    return anchored(pageSnapshot(reader, file, dataKey, pageSize, pageCount, counts, start));
  } catch (error) {
    if (began) reader.exec('ROLLBACK');
    reader.close();
    throw error;
  }
}

/**
 * TRUNCATE waits for other readers through the busy handler (seconds, on the main thread); a reader
 * in the way means the fallback instead, so this asks once and does not wait.
 */
function checkpointWithoutWaiting(live: Sqlite): { busy: number; log: number; checkpointed: number }[] {
  const timeout = Number(live.pragma('busy_timeout', { simple: true }));
  live.pragma('busy_timeout=0');
  try {
    return live.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  } finally {
    live.pragma(`busy_timeout=${timeout}`);
  }
}

/** No WAL file, or one with no frames: every committed page is in vault.db. */
function walIsEmpty(file: string): boolean {
  try {
    return statSync(`${file}-wal`).size === 0;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** Pieces read and decrypted ahead of the one being written: enough to keep the page thread busy. */
const PIECES_AHEAD = 4;

type UnanchoredSnapshot = Omit<VaultSnapshot, 'activityLog'>;

function pageSnapshot(reader: Sqlite, file: string, dataKey: Buffer, pageSize: number, pageCount: number, counts: RecordCounts, start: StartPageThread): UnanchoredSnapshot {
  const salt = Buffer.alloc(SQLCIPHER_SALT_BYTES);
  const handle = openSync(file, 'r');
  let closed = false;
  try {
    if (fstatSync(handle).size < SQLCIPHER_SALT_BYTES || readSync(handle, salt, 0, SQLCIPHER_SALT_BYTES, 0) !== SQLCIPHER_SALT_BYTES) {
      throw unreadable();
    }
  } catch (error) {
    closeSync(handle);
    throw error;
  }
  const pages = new SnapshotPageReader(handle, dataKey, salt, pageSize, start);
  const pagesPerPiece = Math.max(1, Math.floor(PIECE_BYTES / pageSize));
  const piece = async (first: number): Promise<Buffer> => {
    try {
      return await pages.piece(first, Math.min(pagesPerPiece, pageCount - first + 1));
    } catch (error) {
      if (closed) throw lockedDuringBackup();
      if (error instanceof PageAuthenticationError) throw damagedPage();
      throw unreadable();
    }
  };
  return {
    source: 'pages',
    bytes: pageSize * pageCount,
    counts,
    async *pieces() {
      const ahead: { first: number; plain: Promise<Buffer> }[] = [];
      let next = 1;
      const readAhead = () => {
        while (ahead.length < PIECES_AHEAD && next <= pageCount && !closed) {
          const plain = piece(next);
          // Awaited in order below; one that fails meanwhile must not count as unhandled.
          plain.catch(() => undefined);
          ahead.push({ first: next, plain });
          next += pagesPerPiece;
        }
      };
      readAhead();
      while (ahead.length > 0) {
        const { first, plain: pending } = ahead.shift()!;
        const plain = await pending;
        if (closed) {
          plain.fill(0);
          throw lockedDuringBackup();
        }
        readAhead();
        // As in takeSnapshot: a WAL-mode header would make tools look for a -wal file that is not there.
        if (first === 1) markRollbackJournal(plain);
        yield plain;
      }
      if (closed) throw lockedDuringBackup();
    },
    close() {
      if (closed) return;
      closed = true;
      pages.close();
      closeSync(handle);
      endReading(reader);
    },
  };
}

/** The fallback: SQLite's image of the reader's snapshot, in memory, wiped on close. */
function imageSnapshot(reader: Sqlite, counts: RecordCounts): UnanchoredSnapshot {
  const image = takeSnapshot(reader);
  let closed = false;
  return {
    source: 'image',
    bytes: image.length,
    counts,
    async *pieces() {
      for (let offset = 0; offset < image.length; offset += PIECE_BYTES) {
        if (closed) throw lockedDuringBackup();
        yield image.subarray(offset, offset + PIECE_BYTES);
      }
    },
    close() {
      if (closed) return;
      closed = true;
      image.fill(0);
      endReading(reader);
    },
  };
}

function endReading(reader: Sqlite): void {
  try {
    reader.exec('ROLLBACK');
  } finally {
    reader.close();
  }
}

const lockedDuringBackup = () => new AppError('VAULT_LOCKED', 'The vault locked while the backup was being written, so it was stopped. Nothing was saved; unlock and back up again.');
const unreadable = () => new AppError('IO_ERROR', 'The vault file could not be read for the backup. Nothing was saved; try again.');
const damagedPage = () =>
  new AppError('VAULT_DAMAGED', 'Part of the vault file failed its check while it was read for the backup, so no backup was written. Lock and unlock the vault to check it.');
