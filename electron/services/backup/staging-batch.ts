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
