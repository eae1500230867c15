import * as tar from 'tar-stream';
import { drained } from './stream-drain';
import { CHUNK_PLAIN_BYTES } from './age-payload';

/*
 * The tar inside an archive: its entries, its exact size before it is written, the pull stream that
 * produces it piece by piece, and the late entries filled in once the rest has been written.
 */

/**
 * Pieces handed to tar and age one at a time. The encrypter turns each piece into ciphertext chunks
 * at once, so the piece size bounds what is in flight; the whole ciphertext never exists in memory.
 */
export const PIECE_BYTES = 1024 * 1024;
const TAR_BLOCK = 512;
const TAR_END_BYTES = 2 * TAR_BLOCK;

/**
 * An entry held in memory, one read piece by piece when tar asks for it (a vault-sized database), or
 * one whose bytes are known only once the entries after it have been read (a manifest holding their
 * checksum): a `late` entry has a fixed length, must lie within the payload's first chunk, and is
 * filled in when that chunk is sealed, last (encrypted archives only).
 */
export type ArchiveEntry =
  | { name: string; data: Uint8Array }
  | { name: string; bytes: number; pieces: () => AsyncIterable<Uint8Array> }
  | { name: string; bytes: number; late: () => Uint8Array };

const entryBytes = (entry: ArchiveEntry): number => ('data' in entry ? entry.data.byteLength : entry.bytes);
/** What tar-stream writes for an entry: a 512-byte header, then the data padded to 512 bytes. */
const tarEntryBytes = (entry: ArchiveEntry): number => TAR_BLOCK + Math.ceil(entryBytes(entry) / TAR_BLOCK) * TAR_BLOCK;

async function* inPieces(entry: ArchiveEntry): AsyncIterable<Uint8Array> {
  if ('late' in entry) {
    // A placeholder of the right length; the real bytes replace it before its chunk is sealed.
    yield new Uint8Array(entry.bytes);
    return;
  }
  if (!('data' in entry)) {
    let total = 0;
    for await (const piece of entry.pieces()) {
      total += piece.byteLength;
      // tar has already written the size in the entry's header; a different length would corrupt the archive.
      if (total > entry.bytes) throw new Error(`archive entry ${entry.name} is longer than declared`);
      yield piece;
    }
    if (total !== entry.bytes) throw new Error(`archive entry ${entry.name} is shorter than declared`);
    return;
  }
  for (let offset = 0; offset < entry.data.byteLength; offset += PIECE_BYTES) yield entry.data.subarray(offset, offset + PIECE_BYTES);
}

export interface LateEntry {
  /** Where the entry's data starts in the tar. */
  offset: number;
  bytes: number;
  fill: () => Uint8Array;
}

/** The late entries and where their data lies in the tar: inside its first chunk, or it is a programming error. */
export function lateEntries(entries: readonly ArchiveEntry[]): LateEntry[] {
  const found: LateEntry[] = [];
  let offset = 0;
  for (const entry of entries) {
    if ('late' in entry) {
      if (offset + TAR_BLOCK + entry.bytes > CHUNK_PLAIN_BYTES) throw new Error(`late archive entry ${entry.name} must end within the first ${CHUNK_PLAIN_BYTES} bytes`);
      found.push({ offset: offset + TAR_BLOCK, bytes: entry.bytes, fill: entry.late });
    }
    offset += tarEntryBytes(entry);
  }
  return found;
}

export function fillLateEntries(chunk: Buffer, late: readonly LateEntry[]): void {
  for (const entry of late) {
    const data = entry.fill();
    // tar's header already holds the length, and the chunk's size is fixed.
    if (data.byteLength !== entry.bytes) throw new Error(`late archive entry is ${data.byteLength} bytes, not the ${entry.bytes} declared`);
    chunk.set(data, entry.offset);
  }
}

/** What tar-stream writes for these entries: each entry, then two empty blocks. */
export function tarSize(entries: readonly ArchiveEntry[]): number {
  let size = TAR_END_BYTES;
  for (const entry of entries) size += tarEntryBytes(entry);
  return size;
}

/**
 * The tar as a pull stream: a piece is produced only when age (or the file, for a plain tar) asks for
 * one, and tar-stream's own backpressure holds the entry writer until then.
 */
export function tarStream(entries: readonly ArchiveEntry[], mtime: Date, onBytes: (bytes: number) => void): ReadableStream<Uint8Array> {
  const pack = tar.pack();
  let current: ReturnType<typeof pack.entry> | null = null;
  const feed = async () => {
    for (const entry of entries) {
      await new Promise<void>((resolve, reject) => {
        const sink = pack.entry(
          { name: entry.name, size: entryBytes(entry), mode: 0o600, mtime, type: 'file' },
          (error) => (error ? reject(error) : resolve()),
        );
        // A failed entry destroys the pack, which destroys the entry again with that error; it reaches
        // the callback above, and an 'error' event nobody listens to would crash the process instead.
        sink.on('error', () => undefined);
        current = sink;
        void (async () => {
          for await (const piece of inPieces(entry)) {
            if (!sink.write(piece) && !(await drained(sink))) return;
          }
          sink.end(null);
        })().catch(reject);
      });
    }
    current = null;
    pack.finalize();
  };
  feed().catch((error: unknown) => pack.destroy(error instanceof Error ? error : new Error('tar entry failed')));
  const iterator = pack[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        onBytes(next.value.byteLength);
        controller.enqueue(next.value);
      },
      cancel() {
        // Destroying the entry too releases a writer waiting for a drain that would never come.
        (current as { destroy(): void } | null)?.destroy();
        pack.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}
