import { read } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/worker-thread';
import type { PageEncryptReply, PageEncryptRequest } from './page-cipher-protocol';
import { PageAuthenticationError, SqlcipherPages } from './sqlcipher-pages';

/** Pieces on the thread at once; a piece asked for while they are all there is decrypted here instead. */
const THREAD_PIECES = 2;
/** Below this a backup takes well under a second and a thread would cost more than it saves. */
export const PAGE_THREAD_MIN_BYTES = 16 * 1024 * 1024;
const STOP_GRACE_MS = 1000;

/** How the page thread is started: replaced in tests; null for none. */
export type StartPageThread = (() => Worker) | null;

export const startPageThread = (): Worker => startWorker('backup/page-cipher-worker.ts', null);

/**
 * vault.db's pages for a backup, read from the file and decrypted a piece at a time. Each piece is
 * decrypted on the page thread (page-cipher-worker.ts) while this thread encrypts and writes the pieces
 * before it: on two cores the page cipher (an HMAC and an AES pass per page, the larger half of a
 * backup's work) then overlaps the rest. Until the thread is ready, when it already holds THREAD_PIECES
 * pieces, and if it cannot start, fails or dies, a piece is decrypted here instead, read again from the
 * file when the thread had it: a backup never fails for want of a thread.
 */
export class SnapshotPageReader {
  private cipher: SqlcipherPages | null = null;
  private worker: Worker | null = null;
  private ready = false;
  private keySent = false;
  private readonly onThread = new Map<number, (reply: PageEncryptReply | null) => void>();
  private nextId = 0;
  /** Pieces given to the thread and not yet back: at most THREAD_PIECES. */
  private threadPlaces = 0;
  private closed = false;

  constructor(
    private readonly handle: number,
    private readonly dataKey: Buffer,
    private readonly salt: Buffer,
    private readonly pageSize: number,
    start: StartPageThread,
  ) {
    if (start !== null) this.startThread(start);
  }

  /**
   * Pages `first` to `first + count - 1`, decrypted, in a buffer of their own. Throws PageAuthenticationError
   * for a page that fails its check, and whatever reading the file throws (after close, always).
   */
  async piece(first: number, count: number): Promise<Buffer> {
    // The place is taken when the piece is asked for, not when its read completes: reads finish in any
    // order, and the pieces asked for first (the ones written first) should be the thread's.
    const forThread = this.worker !== null && this.ready && this.threadPlaces < THREAD_PIECES;
    if (!forThread) return this.decryptHere(await this.read(first, count), first);
    this.threadPlaces += 1;
    try {
      const encrypted = await this.read(first, count);
      if (this.worker === null) return this.decryptHere(encrypted, first);
      const reply = await this.sendToThread(encrypted, first);
      if (reply?.type === 'decrypted') return Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength);
      if (reply?.type === 'damaged') throw new PageAuthenticationError(reply.page);
      // The thread failed or ended with it: the piece's buffer went with it, so it is read again.
      return this.decryptHere(await this.read(first, count), first);
    } finally {
      this.threadPlaces -= 1;
    }
  }

  /** Ends the thread (it wipes its key copy) and wipes this thread's cipher; pieces asked for after this fail. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopThread();
    this.cipher?.dispose();
    this.cipher = null;
  }

  private read(first: number, count: number): Promise<Buffer> {
    const length = count * this.pageSize;
    const bytes = Buffer.allocUnsafe(length);
    // A plain descriptor rather than a FileHandle: the snapshot must release it synchronously when the vault locks.
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('snapshot closed'));
      read(this.handle, bytes, 0, length, (first - 1) * this.pageSize, (error, bytesRead) => {
        if (error) reject(error);
        else if (bytesRead !== length) reject(new Error('short read'));
        else resolve(bytes);
      });
    });
  }

  private decryptHere(encrypted: Buffer, first: number): Buffer {
    if (this.closed) throw new Error('snapshot closed');
    this.cipher ??= new SqlcipherPages(this.dataKey, this.salt, this.pageSize);
    const { pageSize } = this;
    const plain = Buffer.allocUnsafe(encrypted.length);
    try {
      for (let at = 0, page = first; at < encrypted.length; at += pageSize, page += 1) {
        this.cipher.decryptPage(encrypted.subarray(at, at + pageSize), page, plain.subarray(at, at + pageSize));
      }
    } catch (error) {
      plain.fill(0);
      throw error;
    }
    return plain;
  }

  private sendToThread(encrypted: Buffer, first: number): Promise<PageEncryptReply | null> {
    const worker = this.worker!;
    if (!this.keySent) {
      // A copy of the key whose buffer moves to the thread: none is left behind here, and the thread wipes it.
      const key = new Uint8Array(this.dataKey);
      this.post(worker, { type: 'start', key, salt: new Uint8Array(this.salt), pageSize: this.pageSize, decrypt: true }, [key.buffer]);
      this.keySent = true;
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.onThread.set(id, resolve);
      const bytes = new Uint8Array(encrypted.buffer, encrypted.byteOffset, encrypted.byteLength);
      this.post(worker, { type: 'batch', id, firstPage: first, bytes }, [encrypted.buffer as ArrayBuffer]);
    });
  }

  private post(worker: Worker, message: PageEncryptRequest, transfer: ArrayBuffer[]): void {
    worker.postMessage(message, transfer);
  }

  private onReply(reply: PageEncryptReply): void {
    if (reply.type === 'ready') {
      this.ready = true;
      return;
    }
    const resolve = this.onThread.get(reply.id);
    this.onThread.delete(reply.id);
    resolve?.(reply);
  }

  /** The thread could not start, failed or ended: what it held is done here, and so is everything after. */
  private onThreadGone(): void {
    this.worker = null;
    this.ready = false;
    const lost = [...this.onThread.values()];
    this.onThread.clear();
    for (const resolve of lost) resolve(null);
  }

  private startThread(start: () => Worker): void {
    let worker: Worker;
    try {
      worker = start();
    } catch {
      return;
    }
    this.worker = worker;
    worker.on('message', (reply: PageEncryptReply) => this.onReply(reply));
    // A thread that cannot load its code reports it here, then exits; either way this thread takes over.
    worker.on('error', () => {
      if (this.worker === worker) this.onThreadGone();
    });
    worker.once('exit', () => {
      if (this.worker === worker) this.onThreadGone();
    });
  }

  /**
   * Synchronous, as a lock needs: a thread that has the key is asked to wipe it and end, and terminated
   * if it has not within a second; one that never got it is terminated at once.
   */
  private stopThread(): void {
    const worker = this.worker;
    if (worker === null) return;
    this.onThreadGone();
    if (this.keySent) {
      this.post(worker, { type: 'stop' }, []);
      setTimeout(() => void worker.terminate(), STOP_GRACE_MS).unref();
    } else {
      void worker.terminate();
    }
  }
}
