import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Identity } from 'age-encryption';
import { BACKUP_SCRYPT_LOG_N_RANGE, type BackupManifest } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { unpack, type Unpacker } from './backup-unpack';
import { problems } from './backup-problems';
import { NativeScryptIdentity } from './native-scrypt';
import { openHeader } from './age-header';
import { headerStageError, inspectHeader } from './age-header-check';
import { bufferSink, type DatabaseSink } from './database-sink';
import { CHUNK_CIPHER_BYTES, CHUNK_PLAIN_BYTES, PAYLOAD_NONCE_BYTES, PayloadAuthenticationError, PayloadDecrypter, TAG_BYTES, cipherPayloadBytes } from './age-payload';

export interface ReadBackupOptions {
  onProgress?: (phase: string, fraction: number | null) => void;
  /**
   * Replaces the passphrase's scrypt identity. Only tests use it, to derive the key once and try many
   * damaged copies of one file without paying scrypt for each; the passphrase is then ignored.
   */
  identity?: Identity;
  /**
   * The least scrypt work factor (log2 N) a backup may ask for: BACKUP_SCRYPT_LOG_N_RANGE.min unless the
   * test host writes its backups at a cheaper cost (`--backup-cost`), which it must then read back.
   */
  minScryptLogN?: number;
}

export interface ReadBackup {
  manifest: BackupManifest;
  /** The plain SQLite image: the caller wipes it when done. */
  database: Buffer;
  fileBytes: number;
}

export interface ReadBackupInto<T> {
  manifest: BackupManifest;
  /** What the sink's `end` returned. */
  database: T;
  fileBytes: number;
}

/** More header than this is not a header age could have written for a passphrase. */
const HEADER_LIMIT = 64 * 1024;
/** One read buffer of this size is reused for the whole file: the decrypter copies what it keeps. */
const READ_BYTES = 1024 * 1024;

/**
 * Opens a backup: checks the age header itself (so foreign and damaged files get their own message
 * before any key is derived), decrypts with the passphrase while streaming the file from disk, and
 * unpacks the tar as it arrives. Returns only after age's final chunk authenticated, so a file that was
 * cut short can never pass as a smaller backup. The database comes back as one buffer; a restore
 * streams it into the staged vault instead (readBackupInto).
 */
export function readBackupFile(file: string, passphrase: string, options: ReadBackupOptions = {}): Promise<ReadBackup> {
  return readBackupInto(file, passphrase, bufferSink(), options);
}

/**
 * readBackupFile's reading, checks and messages, with the database entry streamed into `sink` as it is
 * decrypted. `sink.end` is called, and this returns, only once the whole file authenticated and the
 * entry is the size its manifest records; on any failure the sink is aborted before this throws.
 */
export async function readBackupInto<T>(file: string, passphrase: string, sink: DatabaseSink<T>, options: ReadBackupOptions = {}): Promise<ReadBackupInto<T>> {
  const progress = options.onProgress ?? (() => undefined);
  let handle: FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    await sink.abort().catch(() => undefined);
    throw openError(error);
  }
  let unpacked: Unpacker<T> | null = null;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new AppError('NOT_A_BACKUP', 'That is a folder or a device, not a backup file.');
    const fileBytes = stat.size;
    if (fileBytes === 0) throw problems.empty();

    const prefix = Buffer.alloc(Math.min(fileBytes, HEADER_LIMIT));
    await readFully(handle, prefix, 0);
    const headerBytes = inspectHeader(prefix, prefix.length === fileBytes, options.minScryptLogN ?? BACKUP_SCRYPT_LOG_N_RANGE.min);
    const payloadBytes = fileBytes - headerBytes - PAYLOAD_NONCE_BYTES;
    // Even an empty backup has a nonce and one authenticated chunk; anything shorter was cut off.
    if (payloadBytes < TAG_BYTES) throw problems.incomplete();

    progress('Checking the passphrase', null);
    let fileKey: Uint8Array;
    try {
      fileKey = await openHeader(prefix.subarray(0, headerBytes), options.identity ?? new NativeScryptIdentity(passphrase));
    } catch (error) {
      throw headerStageError(error);
    }
    const nonce = Buffer.alloc(PAYLOAD_NONCE_BYTES);
    await readFully(handle, nonce, headerBytes);
    const decrypter = new PayloadDecrypter(fileKey, nonce);
    fileKey.fill(0);

    const unpacking = unpack(payloadBytes, sink);
    unpacked = unpacking;
    let plainBytes = 0;
    const take = async (pieces: readonly Uint8Array[]) => {
      for (const piece of pieces) {
        plainBytes += piece.byteLength;
        await unpacking.write(piece);
      }
    };
    let reported = 0;
    const buffer = Buffer.alloc(Math.min(READ_BYTES, payloadBytes));
    try {
      for (let position = headerBytes + PAYLOAD_NONCE_BYTES; position < fileBytes; ) {
        let bytesRead: number;
        try {
          ({ bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, fileBytes - position), position));
        } catch {
          throw problems.unreadable();
        }
        if (bytesRead === 0) break;
        position += bytesRead;
        await take(decrypter.push(buffer.subarray(0, bytesRead)));
        // Whole percents only: each report may cross to the renderer.
        const fraction = Math.floor((position / fileBytes) * 100) / 100;
        if (fraction > reported) progress('Decrypting and checking', (reported = fraction));
      }
      await take([decrypter.finish()]);
    } catch (error) {
      throw payloadError(error, { headerBytes, payloadBytes, plainBytes, expectedPlainMin: unpacking.expectedPlainMin() });
    } finally {
      buffer.fill(0);
    }
    const contents = await unpacking.finish();
    progress('Decrypting and checking', 1);
    return { ...contents, fileBytes };
  } catch (error) {
    // Whatever the sink made (a staged file) goes before the error reaches the caller.
    await (unpacked ? unpacked.abort() : sink.abort()).catch(() => undefined);
    throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function openError(error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new AppError('IO_ERROR', 'The backup file cannot be found. If it is on a USB drive, check that it is connected, then choose it again.');
  }
  if (code === 'EACCES' || code === 'EPERM') return new AppError('IO_ERROR', 'Alliance Notes is not allowed to read that file. Check its permissions.');
  if (code === 'EISDIR') return new AppError('NOT_A_BACKUP', 'That is a folder, not a backup file.');
  return new AppError('IO_ERROR', `The backup file cannot be opened${code ? ` (${code})` : ''}.`);
}

async function readFully(handle: FileHandle, buffer: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0) throw problems.incomplete();
    done += bytesRead;
  }
}

/**
 * A chunk failed authentication. age cannot say whether bytes were changed or cut off (either way
 * the last chunk fails), but the tar headers, authenticated in an earlier chunk, say how long the
 * backup must be: a file shorter than that was cut short. Without them (the first chunk failed), a
 * file whose whole payload fits in one chunk failed on its final chunk, which is how a cut-off file
 * fails; real backups are larger than one chunk.
 */
function payloadError(
  error: unknown,
  at: { headerBytes: number; payloadBytes: number; plainBytes: number; expectedPlainMin: number | null },
): AppError {
  if (error instanceof AppError) return error;
  if (at.expectedPlainMin !== null) {
    if (at.payloadBytes < cipherPayloadBytes(at.expectedPlainMin)) return problems.incomplete();
  } else if (at.payloadBytes <= CHUNK_CIPHER_BYTES) {
    return problems.incomplete();
  }
  // The decrypter knows which chunk failed; chunks decrypted with it in the same read were not delivered.
  const chunk = error instanceof PayloadAuthenticationError ? error.chunk : Math.floor(at.plainBytes / CHUNK_PLAIN_BYTES);
  return problems.damagedAt(at.headerBytes + PAYLOAD_NONCE_BYTES + chunk * CHUNK_CIPHER_BYTES);
}
