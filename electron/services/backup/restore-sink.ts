import { createHash, type Hash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import type { DatabaseSink } from './backup-reader';
import { markRollbackJournal } from './snapshot';
import { plainPageLayout, SQLCIPHER_RESERVE_BYTES, SqlcipherPages } from './sqlcipher-pages';

/*
 * Where a restore's database entry goes while the backup is decrypted: straight into the staged vault
 * file, one SQLCipher page at a time, so no vault-sized buffer is ever held. A backup's image comes from
 * the vault itself, so its pages already leave the 80 bytes SQLCipher keeps at the end of every page
 * (page 1 records it at offset 20): each plain page is encrypted in place as is, and SQLite then checks
 * the file it makes. An image without that room (one from another tool) cannot be encrypted page by
 * page; it is collected into a buffer and copied through SQLite as before (restore-staging.ts).
 */

/** What the sink made: the staged file (`pages`) or, for an image it cannot encrypt page by page, the image itself. */
export type SinkResult =
  | { route: 'pages'; bytes: number; sha256: string; pages: number }
  | { route: 'image'; image: Buffer };

/**
 * The page size openEncryptedDatabase can read: sqlite3mc's SQLCipher 4 mode (legacy=4) decrypts page 1
 * before it can read the header's page size, so it assumes this one; any other is left to the fallback,
 * which writes a 4096-byte-page file.
 */
export const STREAMED_PAGE_SIZE = 4096;
/** Encrypted pages written per call: few system calls, and a few milliseconds of work between awaits. */
const WRITE_BATCH_BYTES = 1024 * 1024;
/** What plainPageLayout needs to read a header. */
const HEADER_BYTES = 100;

export const stagingFailed = (): AppError =>
  new AppError('IO_ERROR', 'The backup could not be staged in the vault folder. Nothing was changed.');
const alreadyThere = (): AppError =>
  new AppError('IO_ERROR', 'A file is already where the restored copy was to be written. Nothing was changed.');
const diskFull = (): AppError =>
  new AppError(
    'IO_ERROR',
    "There is not enough free space on the vault's drive for the restored copy (it needs about as much as the backup holds). Free some space and try again. Nothing was changed.",
  );
const sizeMismatch = (): AppError => new AppError('BACKUP_CORRUPT', "The backup's database is not the size its manifest records: the checksum cannot match.");

function writeError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EEXIST') return alreadyThere();
  if (code === 'ENOSPC' || code === 'EDQUOT') return diskFull();
  return stagingFailed();
}

/**
 * Streams a backup's database entry into `file` (which must not exist) as a SQLCipher 4 vault database
 * under the raw 32-byte `dataKey`, hashing the plain bytes (SHA-256) as they pass. Nothing of `file` is
 * trusted until the caller has compared the hash with the manifest and SQLite has checked the file.
 * `abort` removes the file; `end` syncs it to disk before it returns.
 */
export class StagingSink implements DatabaseSink<SinkResult> {
  private size = 0;
  private received = 0;
  private readonly hash: Hash = createHash('sha256');
  /** The first bytes, until the header says which route the entry takes. */
  private readonly head = Buffer.alloc(HEADER_BYTES);
  private route: 'undecided' | 'pages' | 'image' = 'undecided';
  private finished = false;
  // Route `pages`:
  private handle: FileHandle | null = null;
  private created = false;
  private cipher: SqlcipherPages | null = null;
  private page: Buffer = Buffer.alloc(0);
  private pageFill = 0;
  private pageNumber = 0;
  private batch: Buffer = Buffer.alloc(0);
  /** The other batch, being written while this one fills: encryption and the disk work at the same time. */
  private spare: Buffer = Buffer.alloc(0);
  private batchFill = 0;
  private position = 0;
  /** The write in flight, settling to its error (null when it succeeded), so a failure is never left unhandled. */
  private writing: Promise<unknown> = Promise.resolve(null);
  // Route `image`:
  private image: Buffer | null = null;

  constructor(
    private readonly file: string,
    private readonly dataKey: Buffer,
    private readonly options: { onPagesRoute?: () => void } = {},
  ) {
    if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
  }

  async begin(size: number): Promise<void> {
    this.size = size;
    // Too short to hold a header: the fallback reports it as SQLite would.
    if (size < HEADER_BYTES) await this.decide();
  }

  async write(piece: Buffer): Promise<void> {
    if (this.received + piece.length > this.size) throw sizeMismatch();
    this.hash.update(piece);
    let offset = 0;
    if (this.route === 'undecided') {
      const take = Math.min(HEADER_BYTES - this.received, piece.length);
      piece.copy(this.head, this.received, 0, take);
      this.received += take;
      offset = take;
      if (this.received < HEADER_BYTES) return;
      await this.decide();
    }
    const rest = piece.subarray(offset);
    this.received += rest.length;
    if (this.route === 'image') this.image!.set(rest, this.received - rest.length);
    else await this.addPages(rest);
  }

  async end(): Promise<SinkResult> {
    if (this.received !== this.size) throw sizeMismatch();
    if (this.route === 'undecided') await this.decide();
    this.finished = true;
    if (this.route === 'image') {
      const image = this.image!;
      this.image = null;
      return { route: 'image', image };
    }
    try {
      await this.flush();
      await this.settleWrite();
      // The caller renames this file into place as the vault: it must be on the disk, not only in the cache.
      await this.handle!.sync();
      await this.handle!.close();
      this.handle = null;
    } catch (error) {
      this.finished = false;
      throw writeError(error);
    }
    this.wipe();
    return { route: 'pages', bytes: this.received, sha256: this.hash.digest('hex'), pages: this.pageNumber };
  }

  async abort(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.wipe();
    this.image?.fill(0);
    this.image = null;
    // A write in flight must not land after the file is removed (or keep it open).
    await this.writing;
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
    // After the handle is closed: Windows will not delete an open file.
    if (this.created) await fs.rm(this.file, { force: true });
  }

  /** Called once the first 100 bytes are in (or the entry is shorter): pages when the header allows it. */
  private async decide(): Promise<void> {
    const have = Math.min(this.received, HEADER_BYTES);
    const layout = have === HEADER_BYTES ? plainPageLayout(this.head) : null;
    if (layout && layout.pageSize === STREAMED_PAGE_SIZE && layout.reserve === SQLCIPHER_RESERVE_BYTES && this.size > 0 && this.size % layout.pageSize === 0) {
      await this.create();
      this.route = 'pages';
      this.options.onPagesRoute?.();
      this.page = Buffer.alloc(layout.pageSize);
      const batchBytes = Math.max(layout.pageSize, WRITE_BATCH_BYTES - (WRITE_BATCH_BYTES % layout.pageSize));
      this.batch = Buffer.alloc(batchBytes);
      this.spare = Buffer.alloc(batchBytes);
      this.cipher = SqlcipherPages.forNewFile(this.dataKey, layout.pageSize);
      await this.addPages(this.head.subarray(0, have));
    } else {
      this.route = 'image';
      this.image = Buffer.alloc(this.size);
      this.image.set(this.head.subarray(0, have), 0);
    }
    this.head.fill(0);
  }

  private async create(): Promise<void> {
    // A stale -journal or -wal beside a new file would be replayed into it by SQLite, so they count as "exists".
    if ([this.file, `${this.file}-journal`, `${this.file}-wal`].some((candidate) => existsSync(candidate))) throw alreadyThere();
    try {
      // Exclusive creation: another writer racing for the same name makes this fail instead of sharing a file.
      this.handle = await fs.open(this.file, 'wx', 0o600);
      this.created = true;
    } catch (error) {
      throw writeError(error);
    }
  }

  private async addPages(bytes: Buffer): Promise<void> {
    const { page } = this;
    for (let offset = 0; offset < bytes.length; ) {
      const take = Math.min(page.length - this.pageFill, bytes.length - offset);
      bytes.copy(page, this.pageFill, offset, offset + take);
      this.pageFill += take;
      offset += take;
      if (this.pageFill < page.length) continue;
      this.pageNumber += 1;
      if (this.pageNumber === 1) {
        // A rollback-journal header, as every backup's image has (snapshot.ts): a WAL one would need a -wal
        // file that does not exist. The hash above was taken of the bytes as they came.
        markRollbackJournal(page);
      }
      this.cipher!.encryptPage(page, this.pageNumber, this.batch.subarray(this.batchFill, this.batchFill + page.length));
      this.pageFill = 0;
      this.batchFill += page.length;
      if (this.batchFill === this.batch.length) await this.flush();
    }
  }

  /** Starts writing the filled batch and swaps in the other one, once the write before has finished. */
  private async flush(): Promise<void> {
    await this.settleWrite();
    const batch = this.batch;
    const length = this.batchFill;
    const position = this.position;
    this.writing = this.writeAll(batch, length, position).then(
      () => null,
      (error: unknown) => error,
    );
    this.position += length;
    this.batch = this.spare;
    this.spare = batch;
    this.batchFill = 0;
  }

  private async settleWrite(): Promise<void> {
    const error = await this.writing;
    this.writing = Promise.resolve(null);
    if (error !== null) throw writeError(error);
  }

  private async writeAll(batch: Buffer, length: number, position: number): Promise<void> {
    for (let done = 0; done < length; ) {
      const { bytesWritten } = await this.handle!.write(batch, done, length - done, position + done);
      done += bytesWritten;
    }
  }

  private wipe(): void {
    this.page.fill(0);
    this.head.fill(0);
    this.cipher?.dispose();
    this.cipher = null;
  }
}
