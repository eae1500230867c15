import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar-stream';
import { BACKUP_SCRYPT_LOG_N, BACKUP_SCRYPT_LOG_N_RANGE } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { drained } from './stream-drain';
import { NativeScryptRecipient, type PreparedScryptRecipient } from './native-scrypt';
import { sealHeader } from './age-header';
import { CHUNK_PLAIN_BYTES, cipherPayloadBytes, PAYLOAD_NONCE_BYTES, PayloadEncrypter } from './age-payload';
import { syncFolder } from '../fs/write-file-atomic';

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

export interface WriteArchiveOptions {
  file: string;
  /** Written in this order; a reader relies on the manifest coming first. */
  entries: readonly ArchiveEntry[];
  /**
   * null writes a plain tar: only for an export the practitioner explicitly confirmed unencrypted.
   * A recipient whose key is already derived (PreparedScryptRecipient) may stand in for the passphrase.
   */
  passphrase: string | PreparedScryptRecipient | null;
  scryptLogN?: number;
  /** The least work factor accepted: 2^18 unless the test host's cheaper backup cost is in use. */
  minScryptLogN?: number;
  /** 0…1: writing up to 0.9, reading the file back for verification after that. */
  onProgress?: (fraction: number) => void;
  /**
   * Replace a file of that name (atomically, by rename). Only for a name the practitioner chose in a
   * save dialog, which has already asked whether to replace it; backups never replace anything.
   */
  replace?: boolean;
}

export interface WrittenArchive {
  path: string;
  fileBytes: number;
  /** SHA-256 of the file as written, and as read back before it was renamed into place. */
  sha256: string;
}

/**
 * Pieces handed to tar and age one at a time. The encrypter turns each piece into ciphertext chunks
 * at once, so the piece size bounds what is in flight; the whole ciphertext never exists in memory.
 */
const PIECE_BYTES = 1024 * 1024;
const TAR_BLOCK = 512;
const TAR_END_BYTES = 2 * TAR_BLOCK;
const WRITE_SHARE = 0.9;

/**
 * The one place an archive file (backup or export) is written. It goes to a temporary file in the
 * target folder (same file system, so the final rename is atomic and a half-written backup never has
 * the real name), is flushed, read back and compared with the hash of what was written, and only
 * then takes its name. An existing file is never replaced: backups have unique names, so a clash
 * means something unexpected is there.
 */
export async function writeArchiveFile(options: WriteArchiveOptions): Promise<WrittenArchive> {
  const logN = options.scryptLogN ?? BACKUP_SCRYPT_LOG_N;
  const min = options.minScryptLogN ?? BACKUP_SCRYPT_LOG_N_RANGE.min;
  if (!Number.isInteger(logN) || logN < min || logN > BACKUP_SCRYPT_LOG_N_RANGE.max) {
    // A programming error, not the practitioner's: below 18 weakens the passphrase, above 20 the
    // age-encryption package (and so this app) could not read the backup back.
    throw new Error(`scrypt work factor must be ${min}..${BACKUP_SCRYPT_LOG_N_RANGE.max}`);
  }
  const target = path.resolve(options.file);
  const folder = path.dirname(target);
  const plainBytes = tarSize(options.entries);
  const late = lateEntries(options.entries);
  if (late.length > 0 && options.passphrase === null) throw new Error('late archive entries need an encrypted archive');
  const report = (fraction: number) => options.onProgress?.(Math.min(1, Math.max(0, fraction)));

  if (!options.replace) await refuseExisting(target, folder);
  const temp = path.join(folder, `.${path.basename(target)}.partial-${randomBytes(6).toString('hex')}`);
  let handle: FileHandle | null = null;
  try {
    const file = await fs.open(temp, 'wx', 0o600);
    handle = file;
    let pulled = 0;
    const plain = tarStream(options.entries, new Date(), (bytes) => {
      pulled += bytes;
      report((pulled / plainBytes) * WRITE_SHARE);
    });
    // What was written after the head (below) is hashed as it goes; the head is kept to compare.
    const hash = createHash('sha256');
    let fileBytes = 0;
    const write = async (pieces: readonly Uint8Array[]) => {
      for (const piece of pieces) hash.update(piece);
      fileBytes += await writeAll(file, pieces);
    };
    let encrypter: PayloadEncrypter | null = null;
    let head = Buffer.alloc(0);
    if (options.passphrase !== null) {
      // The standard scrypt passphrase recipient, derived off the main thread (see native-scrypt.ts).
      const recipient = typeof options.passphrase === 'string' ? new NativeScryptRecipient(options.passphrase, logN) : options.passphrase;
      const { header, fileKey } = await sealHeader(recipient);
      const nonce = randomBytes(PAYLOAD_NONCE_BYTES);
      encrypter = new PayloadEncrypter(fileKey, nonce, { holdFirstChunk: late.length > 0 });
      fileKey.fill(0);
      // With late entries, the first chunk is written last, over zeros reserved after the nonce.
      const reserved = late.length > 0 ? cipherPayloadBytes(Math.min(plainBytes, CHUNK_PLAIN_BYTES)) : 0;
      head = Buffer.concat([header, nonce, Buffer.alloc(reserved)]);
      fileBytes += await writeAll(file, [head]);
    }
    const reader = plain.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      await write(encrypter ? encrypter.push(value) : [value]);
    }
    if (encrypter) await write(encrypter.finish());
    if (encrypter && late.length > 0) {
      const first = Buffer.concat(encrypter.sealHeldChunk((chunk) => fillLateEntries(chunk, late)));
      first.copy(head, head.length - first.length);
      await writeAllAt(file, head, 0);
    }
    await file.sync();
    await file.close();
    handle = null;
    const sha256 = hash.digest('hex');

    report(WRITE_SHARE);
    const readBack = await hashFile(temp, fileBytes, (done) => report(WRITE_SHARE + (done / Math.max(1, fileBytes)) * (1 - WRITE_SHARE)), head.length);
    if (readBack.restSha256 !== sha256 || !readBack.head.equals(head) || readBack.bytes !== fileBytes) {
      throw new AppError(
        'IO_ERROR',
        `The file written to “${folder}” did not read back the same as what was written, so it was not kept. The drive may be failing; try another one.`,
      );
    }
    if (options.replace) await fs.rename(temp, target);
    else await placeWithoutReplacing(temp, target, folder);
    await syncFolder(folder);
    report(1);
    return { path: target, fileBytes, sha256: readBack.sha256 };
  } catch (error) {
    if (handle !== null) await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw toIoError(error, folder, target, plainBytes);
  }
}

interface LateEntry {
  /** Where the entry's data starts in the tar. */
  offset: number;
  bytes: number;
  fill: () => Uint8Array;
}

/** The late entries and where their data lies in the tar: inside its first chunk, or it is a programming error. */
function lateEntries(entries: readonly ArchiveEntry[]): LateEntry[] {
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

function fillLateEntries(chunk: Buffer, late: readonly LateEntry[]): void {
  for (const entry of late) {
    const data = entry.fill();
    // tar's header already holds the length, and the chunk's size is fixed.
    if (data.byteLength !== entry.bytes) throw new Error(`late archive entry is ${data.byteLength} bytes, not the ${entry.bytes} declared`);
    chunk.set(data, entry.offset);
  }
}

/** What tar-stream writes for these entries: each entry, then two empty blocks. */
function tarSize(entries: readonly ArchiveEntry[]): number {
  let size = TAR_END_BYTES;
  for (const entry of entries) size += tarEntryBytes(entry);
  return size;
}

/**
 * The tar as a pull stream: a piece is produced only when age (or the file, for a plain tar) asks for
 * one, and tar-stream's own backpressure holds the entry writer until then.
 */
function tarStream(entries: readonly ArchiveEntry[], mtime: Date, onBytes: (bytes: number) => void): ReadableStream<Uint8Array> {
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

/** Writes every piece in order (one writev call for all of them when the drive takes it whole); returns the bytes written. */
async function writeAll(handle: FileHandle, pieces: readonly Uint8Array[]): Promise<number> {
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
async function writeAllAt(handle: FileHandle, data: Buffer, position: number): Promise<void> {
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

async function refuseExisting(target: string, folder: string): Promise<void> {
  let exists = false;
  try {
    await fs.lstat(target);
    exists = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw toIoError(error, folder, target, 0);
  }
  if (exists) throw existsError(target, folder);
}

const existsError = (target: string, folder: string) =>
  new AppError('IO_ERROR', `A file named “${path.basename(target)}” already exists in “${folder}”. It was left as it is and nothing was written.`);

/**
 * A hard link gives the file its name only if that name is free, atomically; rename would silently
 * replace a file that appeared meanwhile. File systems without hard links (FAT and exFAT USB drives,
 * some network shares) fall back to a check and a rename.
 */
async function placeWithoutReplacing(temp: string, target: string, folder: string): Promise<void> {
  try {
    await fs.link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw existsError(target, folder);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EMLINK' && code !== 'EXDEV') throw error;
    await refuseExisting(target, folder);
    await fs.rename(temp, target);
    return;
  }
  await fs.unlink(temp);
}

const megabytes = (bytes: number): string => `${Math.max(1, Math.ceil(bytes / (1024 * 1024)))} MB`;

/** File-system failures in words for the practitioner: the folder and what to do, never a path inside a stack or file content. */
function toIoError(error: unknown, folder: string, target: string, plainBytes: number): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError(
        'IO_ERROR',
        `The folder “${folder}” cannot be found. If it is on a USB drive or a network share, check that it is connected, then try again.`,
      );
    case 'EACCES':
    case 'EPERM':
      return new AppError('IO_ERROR', `Alliance Notes is not allowed to write in the folder “${folder}”. Choose another folder or check its permissions.`);
    case 'EROFS':
      return new AppError('IO_ERROR', `The folder “${folder}” is on a read-only drive. Choose another folder.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError(
        'IO_ERROR',
        `There is not enough free space in “${folder}” for “${path.basename(target)}” (about ${megabytes(plainBytes)} needed). Free some space or choose another folder.`,
      );
    case 'EIO':
      return new AppError('IO_ERROR', `The drive holding “${folder}” reported a read or write error. Nothing was saved; try another drive.`);
    default:
      return new AppError(
        'IO_ERROR',
        `“${path.basename(target)}” could not be written in “${folder}”${code ? ` (${code})` : ''}. Nothing was saved.`,
      );
  }
}
