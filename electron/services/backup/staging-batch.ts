import type { FileHandle } from 'node:fs/promises';

/** The batches of pages a restore's staging sink fills, encrypts and writes (restore-sink.ts). */

/** Pages encrypted and written per batch: few messages and system calls, and a few milliseconds of work each. */
export const WRITE_BATCH_BYTES = 1024 * 1024;
/**
 * Batches that may exist at once (filling, on the encryption thread, being written): `write` waits for
 * one to come free, so a slow disk or thread slows the decryption instead of piling up memory. Each
 * batch is two buffers of WRITE_BATCH_BYTES (its plain pages and the one sent to the thread).
 */
export const MAX_BATCHES = 4;

/** One batch of pages, from the moment it starts filling until its encrypted pages are on the disk. */
export interface Batch {
  /**
   * Its plain pages, kept until the encrypted ones are written: if the encryption thread fails or dies
   * with the batch, this thread encrypts it from here (in place) instead of failing the restore.
   */
  plain: Buffer;
  /** The copy that travels to the encryption thread and comes back encrypted; null while it is there or lost. */
  carrier: Buffer | null;
  length: number;
  position: number;
  firstPage: number;
}

export const emptyBatch = (bytes: number): Batch => ({ plain: Buffer.alloc(bytes), carrier: null, length: 0, position: 0, firstPage: 0 });

/** Writes `length` bytes of `buffer` at `position`, however many writes the file system takes. */
export async function writeFully(handle: FileHandle, buffer: Buffer, length: number, position: number): Promise<void> {
  for (let done = 0; done < length; ) {
    const { bytesWritten } = await handle.write(buffer, done, length - done, position + done);
    done += bytesWritten;
  }
}

/**
 * The batches of one staged file: at most MAX_BATCHES, reused once written, with a wait for one to come
 * free. Counts those handed off (to the thread or the disk) and not yet written, so the sink can wait
 * for every write.
 */
export class BatchPool {
  private readonly all: Batch[] = [];
  private readonly free: Batch[] = [];
  private readonly waiting: (() => void)[] = [];
  private busy = 0;

  constructor(private readonly batchBytes: number) {}

  /** A free batch, or null while all MAX_BATCHES are in use (see waitForOne). */
  take(): Batch | null {
    const batch = this.free.pop();
    if (batch !== undefined) return batch;
    if (this.all.length >= MAX_BATCHES) return null;
    const made = emptyBatch(this.batchBytes);
    this.all.push(made);
    return made;
  }

  /** Resolves when a batch is released. */
  waitForOne(): Promise<void> {
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  handedOff(): void {
    this.busy += 1;
  }

  /** The batch is done with (written, or dropped by abort): its plain pages are wiped and it can be filled again. */
  release(batch: Batch): void {
    batch.plain.fill(0);
    this.busy -= 1;
    this.free.push(batch);
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** Resolves once every batch handed off has been released. */
  async allReleased(): Promise<void> {
    while (this.busy > 0) await this.waitForOne();
  }
}
