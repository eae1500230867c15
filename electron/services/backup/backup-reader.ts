import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Identity } from 'age-encryption';
import { BACKUP_SCRYPT_LOG_N_RANGE, type BackupManifest } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { unpack, type Unpacker } from './backup-unpack';
import { problems } from './backup-problems';
import { NativeScryptIdentity } from './native-scrypt';
import { openHeader } from './age-header';
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

/**
 * Where the database entry goes while the backup is decrypted and unpacked. The reader calls `begin`
 * once with the size from the entry's tar header, `write` with every piece in order (each awaited
 * before the next, so a slow sink slows the decryption rather than letting pieces pile up in memory),
 * and `end` only after age's final chunk authenticated and the archive matched its manifest. On any
 * failure it calls `abort` instead (also when `begin` never came), and `end` is not called. Its errors
 * must be AppErrors, written for the practitioner.
 */
export interface DatabaseSink<T> {
  begin(size: number): Promise<void>;
  /** A piece of the entry; it is wiped once this settles, so keep a copy of what must be kept. */
  write(piece: Buffer): Promise<void>;
  end(): Promise<T>;
  abort(): Promise<void>;
}

export interface ReadBackupInto<T> {
  manifest: BackupManifest;
  /** What the sink's `end` returned. */
  database: T;
  fileBytes: number;
}

/* age's format (age-encryption.org/v1), as far as this reader checks it before decrypting. */
const AGE_VERSION_LINE = 'age-encryption.org/v1';
const AGE_ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const STANZA_PREFIX = '-> ';
const MAC_PREFIX = '--- ';
const STANZA_LINE_CHARS = 64;
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

/** The database entry collected into one buffer sized from its tar header (readBackupFile). */
function bufferSink(): DatabaseSink<Buffer> {
  let buffer: Buffer | null = null;
  let filled = 0;
  return {
    async begin(size) {
      buffer = Buffer.alloc(size);
    },
    async write(piece) {
      if (buffer === null || filled + piece.length > buffer.length) throw problems.sizeMismatch();
      buffer.set(piece, filled);
      filled += piece.length;
    },
    async end() {
      if (buffer === null || filled !== buffer.length) throw problems.sizeMismatch();
      return buffer;
    },
    async abort() {
      buffer?.fill(0);
      buffer = null;
    },
  };
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

const isPrintable = (byte: number) => byte >= 0x20 && byte <= 0x7e;

/** Canonical unpadded base64, as age writes it: anything else is a damaged header. */
function decodeBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*$/.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64').replace(/=+$/, '') === text ? bytes : null;
}

/** What the first bytes of a non-age file suggest, so the message can say what was picked instead. */
function sniff(prefix: Buffer): string {
  const starts = (text: string) => prefix.subarray(0, text.length).toString('latin1') === text;
  if (starts('%PDF-')) return ': it is a PDF document';
  if (starts('PK\x03\x04')) return ': it is a ZIP archive (or a document saved as one)';
  if (starts('SQLite format 3\0')) return ': it is an unencrypted database file';
  if (prefix.length >= 262 && prefix.subarray(257, 262).toString('latin1') === 'ustar') return ': it is an unencrypted archive (perhaps a plain export)';
  return '';
}

/**
 * Checks the age header: the version line, one scrypt stanza with its salt, work factor and wrapped
 * key, and the MAC line. Returns the header's length. The age-encryption package checks the same
 * things, but it reads a header line of any length into memory and its errors cannot tell a key-encrypted
 * file from a damaged one; this also refuses a work factor the package would spend seconds or
 * gigabytes on before it gives up.
 */
function inspectHeader(prefix: Buffer, wholeFile: boolean, minLogN: number): number {
  const versionLine = Buffer.from(`${AGE_VERSION_LINE}\n`, 'latin1');
  if (prefix.subarray(0, AGE_ARMOR_BEGIN.length).toString('latin1') === AGE_ARMOR_BEGIN) throw problems.armored();
  if (!prefix.subarray(0, versionLine.length).equals(versionLine)) {
    if (wholeFile && prefix.length < versionLine.length && versionLine.subarray(0, prefix.length).equals(prefix)) throw problems.incomplete();
    throw problems.notAge(sniff(prefix));
  }
  let offset = versionLine.length;
  const nextLine = (): string => {
    const end = prefix.indexOf(0x0a, offset);
    if (end < 0) throw wholeFile ? problems.incomplete() : problems.header();
    const bytes = prefix.subarray(offset, end);
    if (!bytes.every(isPrintable)) throw problems.header();
    offset = end + 1;
    return bytes.toString('latin1');
  };

  const stanzas: { args: string[]; body: Buffer }[] = [];
  for (;;) {
    const line = nextLine();
    if (line.startsWith(MAC_PREFIX)) {
      const mac = decodeBase64(line.slice(MAC_PREFIX.length));
      if (mac === null || mac.length !== 32) throw problems.header();
      break;
    }
    if (!line.startsWith(STANZA_PREFIX)) throw problems.header();
    const args = line.slice(STANZA_PREFIX.length).split(' ');
    if (args.some((arg) => arg.length === 0)) throw problems.header();
    const body: Buffer[] = [];
    for (;;) {
      const bodyLine = nextLine();
      const bytes = decodeBase64(bodyLine);
      if (bytes === null || bodyLine.length > STANZA_LINE_CHARS) throw problems.header();
      body.push(bytes);
      if (bodyLine.length < STANZA_LINE_CHARS) break;
    }
    stanzas.push({ args, body: Buffer.concat(body) });
  }

  const scrypt = stanzas.filter((stanza) => stanza.args[0] === 'scrypt');
  if (stanzas.length === 0) throw problems.header();
  if (scrypt.length === 0) throw problems.ageKey();
  // age allows a scrypt stanza only alone: anything else next to it is damage, not another recipient.
  if (stanzas.length !== 1) throw problems.header();
  const { args, body } = scrypt[0]!;
  const salt = args[1] === undefined ? null : decodeBase64(args[1]);
  if (args.length !== 3 || salt === null || salt.length !== 16 || body.length !== 32) throw problems.header();
  if (!/^[1-9][0-9]*$/.test(args[2]!)) throw problems.header();
  const logN = Number(args[2]);
  if (logN > BACKUP_SCRYPT_LOG_N_RANGE.max) throw problems.workFactor();
  // Alliance Notes has always written 2^18: a lower factor makes a passphrase cheaper to guess, and a
  // file that asks for one was made by some other tool (perhaps to be restored over a practice's vault).
  if (logN < minLogN) throw problems.weakWorkFactor(logN);
  return offset;
}

/** Failures while age derives the key and checks the header MAC, after inspectHeader accepted it. */
function headerStageError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : '';
  if (message.includes("no identity matched any of the file's recipients")) return problems.wrongPassphrase();
  if (message.includes('stream ended before reading')) return problems.incomplete();
  if (message.includes('scrypt work factor is too high')) return problems.workFactor();
  return problems.header();
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
