import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/worker-thread';
import type { PageEncryptReply, PageEncryptRequest } from './page-cipher-protocol';
import type { Batch } from './staging-batch';

/** How long a thread told to stop (and wipe its key) may take before it is terminated. */
const STOP_GRACE_MS = 1000;

/** What the restore's staging sink hears back from its encryption thread. */
export interface EncryptThreadEvents {
  /** A batch came back: `encrypted` with its pages in `batch.carrier`, or not, to be encrypted from its plain pages. */
  returned(batch: Batch, encrypted: boolean): void;
  /** The thread failed to start or died on its own; what it held is handed over by takeBack. */
  gone(): void;
}

/**
 * The thread (page-cipher-worker.ts) that encrypts a restore's pages while the sink's own thread goes
 * on decrypting, untarring and hashing the backup. It keeps the batches it was sent until they come
 * back, so whatever it holds when it dies can be encrypted elsewhere instead of failing the restore.
 */
export class PageEncryptThread {
  private worker: Worker | null = null;
  private ready = false;
  private keySent = false;
  private exited: Promise<void> = Promise.resolve();
  private readonly holding = new Map<number, Batch>();
  private nextBatchId = 0;

  constructor(
    private readonly dataKey: Buffer,
    private readonly events: EncryptThreadEvents,
    /** Replaces how the thread is started (tests). */
    private readonly startThread?: () => Worker,
  ) {}

  start(): void {
    let worker: Worker;
    try {
      worker = (this.startThread ?? (() => startWorker('backup/page-cipher-worker.ts', null)))();
    } catch {
      return;
    }
    this.worker = worker;
    worker.on('message', (reply: PageEncryptReply) => this.onReply(reply));
    // A thread that cannot load its code reports it here, then exits; either way the sink takes over.
    worker.on('error', () => this.onGone());
    this.exited = new Promise<void>((resolve) => {
      worker.once('exit', () => {
        this.onGone();
        resolve();
      });
    });
  }

  /** Whether a batch sent now is taken at once: the thread is ready and holds fewer than `limit`. */
  canTake(limit: number): boolean {
    return this.worker !== null && this.ready && this.holding.size < limit;
  }

  /** Sends a copy of the batch's pages (in its carrier, whose buffer moves to the thread); the first also sends the key. */
  send(batch: Batch, salt: Buffer, pageSize: number): void {
    const worker = this.worker!;
    if (!this.keySent) {
      // A copy of the key whose buffer moves to the thread: none is left behind here, and the thread wipes it.
      const key = new Uint8Array(this.dataKey);
      this.post(worker, { type: 'start', key, salt: new Uint8Array(salt), pageSize }, [key.buffer]);
      this.keySent = true;
    }
    const carrier = batch.carrier ?? Buffer.alloc(batch.plain.length);
    batch.carrier = null;
    batch.plain.copy(carrier, 0, 0, batch.length);
    const id = this.nextBatchId++;
    // Recorded before it is sent: should the thread die with it, takeBack finds it here.
    this.holding.set(id, batch);
    const bytes = new Uint8Array(carrier.buffer, carrier.byteOffset, batch.length);
    this.post(worker, { type: 'batch', id, firstPage: batch.firstPage, bytes }, [carrier.buffer as ArrayBuffer]);
  }

  /** The batches sent and not come back; no batch comes back once the thread has ended. */
  takeBack(): Batch[] {
    const held = [...this.holding.values()];
    this.holding.clear();
    return held;
  }

  /**
   * Ends the thread, and only returns once it has exited. A thread that has the key is asked to wipe it
   * and end (it answers the batches sent before first); one that never got it is simply terminated.
   */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (worker === null) return this.exited;
    this.worker = null;
    this.ready = false;
    if (this.keySent) {
      this.post(worker, { type: 'stop' }, []);
      let timer: NodeJS.Timeout | undefined;
      const stopped = await Promise.race([
        this.exited.then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), STOP_GRACE_MS);
        }),
      ]);
      clearTimeout(timer);
      if (stopped) return;
    }
    await worker.terminate();
    await this.exited;
  }

  private post(worker: Worker, message: PageEncryptRequest, transfer: ArrayBuffer[]): void {
    worker.postMessage(message, transfer);
  }

  private onReply(reply: PageEncryptReply): void {
    if (reply.type === 'ready') {
      this.ready = true;
      return;
    }
    const batch = this.holding.get(reply.id);
    if (batch === undefined) return;
    this.holding.delete(reply.id);
    // Every answer to an encryption brings the buffer back ('damaged' only answers a decryption).
    if ('bytes' in reply) batch.carrier = Buffer.from(reply.bytes.buffer);
    this.events.returned(batch, reply.type === 'encrypted' && batch.carrier !== null);
  }

  /** The thread failed to start or died (not stopped by stop, which lets go of it first). */
  private onGone(): void {
    if (this.worker === null) return;
    this.worker = null;
    this.ready = false;
    this.events.gone();
  }
}
