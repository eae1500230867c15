import { createHash, randomBytes, type Hash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { alreadyThere, sizeMismatch, stagingFailed, writeError } from './staging-errors';
import { BatchPool, MAX_BATCHES, WRITE_BATCH_BYTES, writeFully, type Batch } from './staging-batch';
import type { DatabaseSink } from './database-sink';
import { PageEncryptThread } from './page-encrypt-thread';
import { markRollbackJournal } from './snapshot';
import { plainPageLayout, SQLCIPHER_RESERVE_BYTES, SQLCIPHER_SALT_BYTES, SqlcipherPages } from './sqlcipher-pages';

/*
 * Where a restore's database entry goes while the backup is decrypted: straight into the staged vault
 * file, one SQLCipher page at a time, so no vault-sized buffer is ever held. A backup's image comes from
 * the vault itself, so its pages already leave the 80 bytes SQLCipher keeps at the end of every page
 * (page 1 records it at offset 20): each plain page is encrypted in place as is, and SQLite then checks
 * the file it makes. An image without that room (one from another tool) cannot be encrypted page by
 * page; it is collected into a buffer and copied through SQLite instead (restore-staging.ts).
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
/** What plainPageLayout needs to read a header. */
const HEADER_BYTES = 100;

/**
 * Streams a backup's database entry into `file` (which must not exist) as a SQLCipher 4 vault database
 * under the raw 32-byte `dataKey`, hashing the plain bytes (SHA-256) as they pass. Nothing of `file` is
 * trusted until the caller has compared the hash with the manifest and SQLite has checked the file.
 * `abort` removes the file; `end` syncs it to disk before it returns.
 *
 * The pages are encrypted on a worker thread (page-cipher-worker.ts) while this thread goes on
 * decrypting, untarring and hashing the backup: on two cores the two halves of the work overlap (on the
 * 238 MB bench vault, 1.0–1.1 s instead of 1.55 s from the first page to the last). Until the thread is
 * ready, if it cannot start, or if it fails or dies, the pages are encrypted on this thread: a restore
 * never fails for want of a thread. This thread does all the file's I/O, so its errors read the same
 * whichever thread encrypted the pages.
 * `options.startEncryptWorker` replaces how the thread is started (tests).
 */
export class StagingSink implements DatabaseSink<SinkResult> {
  private size = 0;
  private received = 0;
  private readonly hash: Hash = createHash('sha256');
  /** The first bytes, until the header says which route the entry takes. */
  private readonly head = Buffer.alloc(HEADER_BYTES);
  private route: 'undecided' | 'pages' | 'image' = 'undecided';
  private finished = false;
  private aborted = false;
  // Route `pages`:
  private handle: FileHandle | null = null;
  private created = false;
  private pageSize = 0;
  private batchBytes = 0;
  /** The file's salt: one for every page, whichever thread encrypts it. */
  private salt: Buffer | null = null;
  /** This thread's cipher, made only when a batch is encrypted here. */
  private cipher: SqlcipherPages | null = null;
  private scratch: Buffer = Buffer.alloc(0);
  private pageNumber = 0;
  private pool: BatchPool | null = null;
  /** The batch being filled, and how far. */
  private current: Batch | null = null;
  private currentFill = 0;
  /** Bytes handed out to batches so far: the next batch's place in the file. */
  private position = 0;
  /** The writes, one after another, in a chain that never rejects; the first error is kept in `writeFailure`. */
  private writing: Promise<void> = Promise.resolve();
  private writeFailure: unknown = null;
  private readonly thread: PageEncryptThread;
  // Route `image`:
  private image: Buffer | null = null;

  constructor(
    private readonly file: string,
    private readonly dataKey: Buffer,
    private readonly options: { onPagesRoute?: () => void; startEncryptWorker?: () => Worker } = {},
  ) {
    if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
    this.thread = new PageEncryptThread(
      dataKey,
      {
        returned: (batch, encrypted) => {
          if (this.aborted) return this.pool!.release(batch);
          if (encrypted) this.queueWrite(batch, batch.carrier!);
          else this.encryptHereAndWrite(batch);
        },
        // Whatever the thread held is encrypted here, and so is everything after.
        gone: () => {
          if (this.aborted) return;
          for (const batch of this.thread.takeBack()) this.encryptHereAndWrite(batch);
        },
      },
      options.startEncryptWorker,
    );
  }

  async begin(size: number): Promise<void> {
    this.size = size;
    // Too short to hold a header: the fallback reports it as SQLite would.
    if (size < HEADER_BYTES) return this.decide();
    // Here rather than with the sink: begin comes once the passphrase's scrypt has finished and freed its
    // 256 MiB, so the thread's memory does not add to that peak, and the bundled thread is ready within
    // tens of milliseconds, during which the first pages are encrypted on this thread.
    this.thread.start();
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
      if (this.current !== null && this.currentFill > 0) this.handOff();
      await this.allWritten();
      if (this.writeFailure !== null) throw this.writeFailure;
      await this.thread.stop();
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
    this.aborted = true;
    this.image?.fill(0);
    this.image = null;
    // No batch comes back once the thread has ended; what it held is dropped, and wiped here.
    await this.thread.stop();
    for (const batch of this.thread.takeBack()) this.pool!.release(batch);
    this.wipe();
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
      this.pageSize = layout.pageSize;
      this.batchBytes = Math.max(layout.pageSize, WRITE_BATCH_BYTES - (WRITE_BATCH_BYTES % layout.pageSize));
      this.pool = new BatchPool(this.batchBytes);
      this.salt = randomBytes(SQLCIPHER_SALT_BYTES);
      await this.addPages(this.head.subarray(0, have));
    } else {
      this.route = 'image';
      // Nothing for the thread to do: the image is copied through SQLite (restore-staging.ts).
      await this.thread.stop();
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
    for (let offset = 0; offset < bytes.length; ) {
      this.current ??= await this.nextBatch();
      const batch = this.current;
      const take = Math.min(this.batchBytes - this.currentFill, bytes.length - offset);
      bytes.copy(batch.plain, this.currentFill, offset, offset + take);
      this.currentFill += take;
      offset += take;
      if (this.currentFill === this.batchBytes) this.handOff();
    }
  }

  /** A free batch, once one is: bounds the memory a slow thread or disk can make the restore hold. */
  private async nextBatch(): Promise<Batch> {
    for (;;) {
      if (this.writeFailure !== null) throw writeError(this.writeFailure);
      if (this.aborted) throw stagingFailed();
      const batch = this.pool!.take();
      if (batch !== null) {
        batch.position = this.position;
        batch.firstPage = this.position / this.pageSize + 1;
        return batch;
      }
      await this.pool!.waitForOne();
    }
  }

  /** Sends the filled batch to be encrypted (on the thread when it is ready, here otherwise) and written. */
  private handOff(): void {
    const batch = this.current!;
    batch.length = this.currentFill;
    this.current = null;
    this.currentFill = 0;
    this.position += batch.length;
    this.pageNumber += batch.length / this.pageSize;
    this.pool!.handedOff();
    if (batch.firstPage === 1) {
      // A rollback-journal header, as every backup's image has (snapshot.ts): a WAL one would need a -wal
      // file that does not exist. The hash was taken of the bytes as they came.
      markRollbackJournal(batch.plain.subarray(0, this.pageSize));
    }
    // With every other batch already on the thread, this one is encrypted here rather than waited for: on
    // two cores the thread is the slower half, and this thread would otherwise sit idle until it catches up.
    if (this.thread.canTake(MAX_BATCHES - 1)) this.thread.send(batch, this.salt!, this.pageSize);
    else this.encryptHereAndWrite(batch);
  }

  private encryptHereAndWrite(batch: Batch): void {
    if (this.cipher === null) {
      this.cipher = new SqlcipherPages(this.dataKey, this.salt!, this.pageSize);
      this.scratch = Buffer.alloc(this.pageSize);
    }
    for (let offset = 0, pageNumber = batch.firstPage; offset < batch.length; offset += this.pageSize, pageNumber += 1) {
      const page = batch.plain.subarray(offset, offset + this.pageSize);
      this.cipher.encryptPage(page, pageNumber, this.scratch);
      this.scratch.copy(page);
    }
    this.queueWrite(batch, batch.plain);
  }

  /** Writes after the writes before it; positioned, so batches may come back from the thread in any order. */
  private queueWrite(batch: Batch, bytes: Buffer): void {
    this.writing = this.writing.then(async () => {
      try {
        if (this.writeFailure === null && !this.aborted) await writeFully(this.handle!, bytes, batch.length, batch.position);
      } catch (error) {
        this.writeFailure = error;
      } finally {
        this.pool!.release(batch);
      }
    });
  }

  private async allWritten(): Promise<void> {
    await this.pool!.allReleased();
    await this.writing;
  }

  private wipe(): void {
    this.head.fill(0);
    this.current?.plain.fill(0);
    this.scratch.fill(0);
    this.cipher?.dispose();
    this.cipher = null;
  }
}
