import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { PIECE_BYTES } from './archive-tar';

/** The archive file's bytes on disk: whole writes, and the read-back hash that verifies them. */

/** Writes every piece in order (one writev call for all of them when the drive takes it whole); returns the bytes written. */
export async function writeAll(handle: FileHandle, pieces: readonly Uint8Array[]): Promise<number> {
  if (pieces.length === 0) return 0;
  let written = pieces.length === 1 ? 0 : (await handle.writev(pieces as Uint8Array[])).bytesWritten;
  // A short write (rare on a regular file) goes on piece by piece from where it stopped.
  let skip = written;
  for (const piece of pieces) {
    if (skip >= piece.byteLength) {
      skip -= piece.byteLength;
      continue;
    }
    let offset = skip;
    skip = 0;
    while (offset < piece.byteLength) {
      const { bytesWritten } = await handle.write(piece, offset, piece.byteLength - offset);
      offset += bytesWritten;
      written += bytesWritten;
    }
  }
  return written;
}

/** Writes all of `data` at `position`. */
export async function writeAllAt(handle: FileHandle, data: Buffer, position: number): Promise<void> {
  for (let offset = 0; offset < data.length; ) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset, position + offset);
    offset += bytesWritten;
  }
}

export interface HashedFile {
  sha256: string;
  bytes: number;
  /** The first `headBytes` bytes, and the SHA-256 of everything after them. */
  head: Buffer;
  restSha256: string;
}

/** Streams a file through SHA-256 with one reusable buffer; `headBytes` splits off a head returned as is. */
export async function hashFile(file: string, expectedBytes = 0, onBytes?: (done: number) => void, headBytes = 0): Promise<HashedFile> {
  const hash = createHash('sha256');
  const rest = createHash('sha256');
  const head = Buffer.alloc(headBytes);
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(PIECE_BYTES, expectedBytes || PIECE_BYTES)));
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const piece = buffer.subarray(0, bytesRead);
      hash.update(piece);
      const inHead = Math.max(0, Math.min(bytesRead, headBytes - bytes));
      if (inHead > 0) piece.copy(head, bytes, 0, inHead);
      rest.update(piece.subarray(inHead));
      bytes += bytesRead;
      onBytes?.(bytes);
    }
    return { sha256: hash.digest('hex'), bytes, head: head.subarray(0, Math.min(headBytes, bytes)), restSha256: rest.digest('hex') };
  } finally {
    await handle.close();
  }
}
