import { createHash, randomBytes, type Hash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { alreadyThere, sizeMismatch, stagingFailed, writeError } from './staging-errors';
import { emptyBatch, MAX_BATCHES, WRITE_BATCH_BYTES, writeFully, type Batch } from './staging-batch';
import { startWorker } from '../workers/worker-thread';
import type { DatabaseSink } from './database-sink';
import type { PageEncryptReply, PageEncryptRequest } from './page-cipher-protocol';
import { markRollbackJournal } from './snapshot';
import { plainPageLayout, SQLCIPHER_RESERVE_BYTES, SQLCIPHER_SALT_BYTES, SqlcipherPages } from './sqlcipher-pages';

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
/** How long a thread told to stop (and wipe its key) may take before it is terminated. */
const STOP_GRACE_MS = 1000;
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
 * ready, if it cannot start, or if it fails or dies, the pages are encrypted here as before: a restore
 * never fails for want of a thread. This thread does all the file's I/O, so its errors read as they always did.
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
  private readonly batches: Batch[] = [];
  private readonly free: Batch[] = [];
  /** The batch being filled, and how far. */
  private current: Batch | null = null;
  private currentFill = 0;
  /** Bytes handed out to batches so far: the next batch's place in the file. */
  private position = 0;
  /** Batches handed off (to the thread or to the disk) and not yet written. */
  private busy = 0;
  private readonly waiting: (() => void)[] = [];
  /** The writes, one after another, in a chain that never rejects; the first error is kept in `writeFailure`. */
  private writing: Promise<void> = Promise.resolve();
  private writeFailure: unknown = null;
  // The encryption thread:
  private worker: Worker | null = null;
  private workerReady = false;
  private keySent = false;
  private workerExited: Promise<void> = Promise.resolve();
  private readonly inWorker = new Map<number, Batch>();
  private nextBatchId = 0;
  // Route `image`:
  private image: Buffer | null = null;

  constructor(
    private readonly file: string,
    private readonly dataKey: Buffer,
    private readonly options: { onPagesRoute?: () => void; startEncryptWorker?: () => Worker } = {},
  ) {
    if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
  }

  async begin(size: number): Promise<void> {
    this.size = size;
    // Too short to hold a header: the fallback reports it as SQLite would.
    if (size < HEADER_BYTES) return this.decide();
    // Here rather than with the sink: begin comes once the passphrase's scrypt has finished and freed its
    // 256 MiB, so the thread's memory does not add to that peak, and the bundled thread is ready within
    // tens of milliseconds, during which the first pages are encrypted on this thread.
    this.startEncryptionThread();
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
      await this.stopEncryptionThread();
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
    await this.stopEncryptionThread();
    for (const batch of this.inWorker.values()) this.release(batch);
    this.inWorker.clear();
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
      this.salt = randomBytes(SQLCIPHER_SALT_BYTES);
      await this.addPages(this.head.subarray(0, have));
    } else {
      this.route = 'image';
      // Nothing for the thread to do: the image is copied through SQLite (restore-staging.ts).
      await this.stopEncryptionThread();
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
      const batch = this.free.pop() ?? (this.batches.length < MAX_BATCHES ? this.newBatch() : null);
      if (batch !== null) {
        batch.position = this.position;
        batch.firstPage = this.position / this.pageSize + 1;
        return batch;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private newBatch(): Batch {
    const batch = emptyBatch(this.batchBytes);
    this.batches.push(batch);
    return batch;
  }

  /** Sends the filled batch to be encrypted (on the thread when it is ready, here otherwise) and written. */
  private handOff(): void {
    const batch = this.current!;
    batch.length = this.currentFill;
    this.current = null;
    this.currentFill = 0;
    this.position += batch.length;
    this.pageNumber += batch.length / this.pageSize;
    this.busy += 1;
    if (batch.firstPage === 1) {
      // A rollback-journal header, as every backup's image has (snapshot.ts): a WAL one would need a -wal
      // file that does not exist. The hash was taken of the bytes as they came.
      markRollbackJournal(batch.plain.subarray(0, this.pageSize));
    }
    // With every other batch already on the thread, this one is encrypted here rather than waited for: on
    // two cores the thread is the slower half, and this thread would otherwise sit idle until it catches up.
    if (this.worker !== null && this.workerReady && this.inWorker.size < MAX_BATCHES - 1) this.sendToWorker(batch);
    else this.encryptHereAndWrite(batch);
  }

  private sendToWorker(batch: Batch): void {
    const worker = this.worker!;
    if (!this.keySent) {
      // A copy of the key whose buffer moves to the thread: none is left behind here, and the thread wipes it.
      const key = new Uint8Array(this.dataKey);
      this.post(worker, { type: 'start', key, salt: new Uint8Array(this.salt!), pageSize: this.pageSize }, [key.buffer]);
      this.keySent = true;
    }
    const carrier = batch.carrier ?? Buffer.alloc(this.batchBytes);
    batch.carrier = null;
    batch.plain.copy(carrier, 0, 0, batch.length);
    const id = this.nextBatchId++;
    // Recorded before it is sent: should the thread die with it, the exit handler finds it here.
    this.inWorker.set(id, batch);
    const bytes = new Uint8Array(carrier.buffer, carrier.byteOffset, batch.length);
    this.post(worker, { type: 'batch', id, firstPage: batch.firstPage, bytes }, [carrier.buffer as ArrayBuffer]);
  }

  private post(worker: Worker, message: PageEncryptRequest, transfer: ArrayBuffer[]): void {
    worker.postMessage(message, transfer);
  }

  private onReply(reply: PageEncryptReply): void {
    if (reply.type === 'ready') {
      this.workerReady = true;
      return;
    }
    const batch = this.inWorker.get(reply.id);
    if (batch === undefined) return;
    this.inWorker.delete(reply.id);
    // Every answer to an encryption brings the buffer back ('damaged' only answers a decryption).
    if ('bytes' in reply) batch.carrier = Buffer.from(reply.bytes.buffer);
    if (this.aborted) return this.release(batch);
    if (reply.type === 'encrypted' && batch.carrier !== null) this.queueWrite(batch, batch.carrier);
    else this.encryptHereAndWrite(batch);
  }

  /** The thread failed to start or died: whatever it held is encrypted here, and so is everything after. */
  private onWorkerGone(): void {
    if (this.worker === null) return;
    this.worker = null;
    this.workerReady = false;
    if (this.aborted) return;
    const lost = [...this.inWorker.values()];
    this.inWorker.clear();
    for (const batch of lost) this.encryptHereAndWrite(batch);
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
        this.release(batch);
      }
    });
  }

  /** The batch is done with (written, or dropped by abort): its plain pages are wiped and it can be filled again. */
  private release(batch: Batch): void {
    batch.plain.fill(0);
    this.busy -= 1;
    this.free.push(batch);
    for (const wake of this.waiting.splice(0)) wake();
  }

  private async allWritten(): Promise<void> {
    while (this.busy > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    await this.writing;
  }

  private startEncryptionThread(): void {
    let worker: Worker;
    try {
      worker = (this.options.startEncryptWorker ?? (() => startWorker('backup/page-cipher-worker.ts', null)))();
    } catch {
      return;
    }
    this.worker = worker;
    worker.on('message', (reply: PageEncryptReply) => this.onReply(reply));
    // A thread that cannot load its code reports it here, then exits; either way this thread takes over.
    worker.on('error', () => this.onWorkerGone());
    this.workerExited = new Promise<void>((resolve) => {
      worker.once('exit', () => {
        this.onWorkerGone();
        resolve();
      });
    });
  }

  /**
   * Ends the thread, and only returns once it has exited. A thread that has the key is asked to wipe it
   * and end (it answers the batches sent before first); one that never got it is simply terminated.
   */
  private async stopEncryptionThread(): Promise<void> {
    const worker = this.worker;
    if (worker === null) return this.workerExited;
    this.worker = null;
    this.workerReady = false;
    if (this.keySent) {
      this.post(worker, { type: 'stop' }, []);
      let timer: NodeJS.Timeout | undefined;
      const stopped = await Promise.race([
        this.workerExited.then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), STOP_GRACE_MS);
        }),
      ]);
      clearTimeout(timer);
      if (stopped) return;
    }
    await worker.terminate();
    await this.workerExited;
  }

  private wipe(): void {
    this.head.fill(0);
    this.current?.plain.fill(0);
    this.scratch.fill(0);
    this.cipher?.dispose();
    this.cipher = null;
  }
}
