import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_SCRYPT_LOG_N, BACKUP_SCRYPT_LOG_N_RANGE } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { NativeScryptRecipient, type PreparedScryptRecipient } from './native-scrypt';
import { sealHeader } from './age-header';
import { CHUNK_PLAIN_BYTES, cipherPayloadBytes, PAYLOAD_NONCE_BYTES, PayloadEncrypter } from './age-payload';
import { fillLateEntries, lateEntries, tarSize, tarStream, type ArchiveEntry } from './archive-tar';
import { hashFile, writeAll, writeAllAt } from './archive-io';
import { placeWithoutReplacing, refuseExisting, toIoError } from './archive-placement';
import { syncFolder } from '../fs/write-file-atomic';

export type { ArchiveEntry } from './archive-tar';

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
