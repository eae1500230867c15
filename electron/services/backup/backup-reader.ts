import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Identity } from 'age-encryption';
import * as tar from 'tar-stream';
import {
  BACKUP_DATABASE_ENTRY,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_ENTRY,
  BACKUP_SCRYPT_LOG_N_RANGE,
  backupManifestSchema,
  type BackupManifest,
} from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../database/open-database';
import { openSnapshot } from './snapshot';
import { inspectDatabase, type Inspection } from './restore-inspect';
import { expectedSchemaAt } from '../database/expected-schema';
import { alteredSchemaMessage, type ExpectedSchema } from '../database/schema-diff';
import { drained } from './stream-drain';
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
const MANIFEST_LIMIT = 1024 * 1024;
const TAR_BLOCK = 512;

const MB = 1024 * 1024;

/** Every message a damaged or foreign file can produce; written for the practitioner, never with file content. */
const problems = {
  empty: () =>
    new AppError('BACKUP_CORRUPT', 'The file is empty: it holds no backup. It may have been copied before the backup finished; use another copy.'),
  incomplete: () =>
    new AppError(
      'BACKUP_CORRUPT',
      'The backup is incomplete: it ends early, as if copying or saving it was interrupted. Use another copy of this backup, or a different backup.',
    ),
  header: () =>
    new AppError('BACKUP_CORRUPT', "The backup's header is damaged, so it cannot be opened. Use another copy of this backup, or a different backup."),
  damagedAt: (offset: number) =>
    new AppError(
      'BACKUP_CORRUPT',
      `The backup is damaged (at about ${formatMegabytes(offset)} into the file): part of it no longer matches what was encrypted, so none of it is used. Use another copy of this backup, or a different backup.`,
    ),
  workFactor: () =>
    new AppError(
      'BACKUP_CORRUPT',
      `The backup's header asks for a far slower passphrase check than Alliance Notes uses (at most 2^${BACKUP_SCRYPT_LOG_N_RANGE.max}), so it was not tried: the header is damaged, or the file was not made by Alliance Notes.`,
    ),
  weakWorkFactor: (logN: number) =>
    new AppError(
      'NOT_A_BACKUP',
      `This file was not made by Alliance Notes: its passphrase protection is weaker (scrypt work factor 2^${logN}) than the 2^${BACKUP_SCRYPT_LOG_N_RANGE.min} every Alliance Notes backup uses, so it was not opened. Use a backup the app wrote.`,
    ),
  wrongPassphrase: () =>
    new AppError(
      'WRONG_PASSPHRASE',
      'That passphrase does not open this backup. Backups use the backup passphrase that was set in Settings → Backups when the backup was made; check it and try again.',
    ),
  notAge: (hint: string) =>
    new AppError(
      'NOT_A_BACKUP',
      `This is not an Alliance Notes backup${hint}. Backups are encrypted files named like alliance-backup-20260615-120000.age.`,
    ),
  armored: () =>
    new AppError(
      'NOT_A_BACKUP',
      'This is not an Alliance Notes backup as the app writes it: it is an age file in text form (ASCII armor). If a backup was converted to text, use the original .age file instead.',
    ),
  ageKey: () =>
    new AppError(
      'NOT_A_BACKUP',
      'This file is encrypted to an age key, not with a passphrase, so it is not an Alliance Notes backup (those always use a passphrase). Open it with its key in the age tool instead.',
    ),
  notOurs: (why: string) => new AppError('NOT_A_BACKUP', `This file opens with the passphrase, but ${why}, so it is not an Alliance Notes backup.`),
  tooNew: (version: number) =>
    new AppError(
      'BACKUP_TOO_NEW',
      `This backup was made by a newer version of Alliance Notes (backup format ${version}; this version reads format ${BACKUP_FORMAT_VERSION}). Update the app to restore it.`,
    ),
  manifest: () =>
    new AppError('BACKUP_CORRUPT', "The backup's manifest (its list of contents) is incomplete or malformed, so the backup cannot be checked."),
  noDatabase: () => new AppError('BACKUP_CORRUPT', 'The backup holds its manifest but no database, so there is nothing to restore.'),
  sizeMismatch: () => new AppError('BACKUP_CORRUPT', "The backup's database is not the size its manifest records: the checksum cannot match."),
  unreadable: () =>
    new AppError('IO_ERROR', 'The backup file could not be read to the end: the drive reported an error. Check that it is connected and try again.'),
  unpacking: () => new AppError('IO_ERROR', 'The backup could not be unpacked. Nothing was changed.'),
  unopenable: () => new AppError('BACKUP_CORRUPT', 'The database inside the backup cannot be opened: it is damaged.'),
};

function formatMegabytes(bytes: number): string {
  const value = bytes / MB;
  return value < 10 ? `${value.toFixed(1)} MB` : `${Math.round(value)} MB`;
}

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
    const headerBytes = inspectHeader(prefix, prefix.length === fileBytes);
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
function inspectHeader(prefix: Buffer, wholeFile: boolean): number {
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
  if (logN < BACKUP_SCRYPT_LOG_N_RANGE.min) throw problems.weakWorkFactor(logN);
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

interface Unpacker<T> {
  write(chunk: Uint8Array): Promise<void>;
  /** Stops unpacking and aborts the sink, once its pending write has settled; safe to call twice. */
  abort(): Promise<void>;
  finish(): Promise<{ manifest: BackupManifest; database: T }>;
  /** The least plaintext the archive needs, from the tar headers seen so far; null before the first. */
  expectedPlainMin(): number | null;
}

/**
 * Unpacks the tar as decrypted pieces arrive. The manifest is parsed as soon as it is complete, so a
 * foreign or newer backup is refused without decrypting the rest; the database entry is handed to
 * `sink` piece by piece, each piece awaited, so the decryption never runs ahead of the sink.
 */
function unpack<T>(payloadBytes: number, sink: DatabaseSink<T>): Unpacker<T> {
  const extract = tar.extract();
  let failure: AppError | null = null;
  let manifest: BackupManifest | null = null;
  /** The database entry's size from its header; null until that header arrives. */
  let databaseSize: number | null = null;
  let databaseFilled = 0;
  /** Settles once the sink has taken the whole entry (or failed); never rejects. */
  let databaseDone: Promise<void> = Promise.resolve();
  let aborted = false;
  let plainMin: number | null = null;
  const seen = new Set<string>();

  const fail = (error: AppError) => {
    if (failure !== null) return;
    failure = error;
    extract.destroy(error);
  };

  const ended = new Promise<void>((resolve) => {
    extract.on('error', (error: Error) => {
      fail(error instanceof AppError ? error : problems.notOurs('what it holds is not a backup archive'));
      resolve();
    });
    extract.on('finish', () => resolve());
    extract.on('close', () => resolve());
  });

  /** Feeds the entry to the sink; a sink error is recorded (fail) before the entry stream is left, so it is the one reported. */
  const consume = async (size: number, stream: AsyncIterable<unknown>): Promise<void> => {
    try {
      await sink.begin(size);
    } catch (error) {
      return fail(error instanceof AppError ? error : problems.unpacking());
    }
    try {
      for await (const chunk of stream) {
        const piece = chunk as Buffer;
        databaseFilled += piece.length;
        if (databaseFilled > size) return fail(problems.sizeMismatch());
        try {
          await sink.write(piece);
        } catch (error) {
          return fail(error instanceof AppError ? error : problems.unpacking());
        } finally {
          // Plain database bytes should not linger in the heap once the sink has them.
          piece.fill(0);
        }
      }
    } catch {
      // The entry stream was destroyed: fail() or abort() already says why.
      if (!aborted) fail(problems.unpacking());
    }
  };

  extract.on('entry', (header, stream, next) => {
    // Destroying the extractor (fail) destroys this entry too; its error is already handled there.
    stream.on('error', () => undefined);
    plainMin = (plainMin ?? 2 * TAR_BLOCK) + TAR_BLOCK + Math.ceil(header.size / TAR_BLOCK) * TAR_BLOCK;
    const isOurs = header.type === 'file' && (header.name === BACKUP_MANIFEST_ENTRY || header.name === BACKUP_DATABASE_ENTRY);
    if (isOurs && seen.has(header.name)) return fail(problems.notOurs(`it holds “${header.name}” twice`));
    seen.add(header.name);
    if (!isOurs) {
      // Later formats may add entries; this version reads only its two.
      stream.on('end', () => next());
      stream.resume();
      return;
    }
    if (header.name === BACKUP_MANIFEST_ENTRY) {
      if (header.size > MANIFEST_LIMIT) return fail(problems.notOurs('its manifest is far too large'));
      const parts: Buffer[] = [];
      stream.on('data', (data: unknown) => parts.push(Buffer.from(data as Uint8Array)));
      stream.on('end', () => {
        try {
          manifest = parseManifest(Buffer.concat(parts));
          next();
        } catch (error) {
          fail(error instanceof AppError ? error : problems.manifest());
        }
      });
      return;
    }
    // Decrypted bytes cannot outnumber encrypted ones. After our own manifest that means the file was
    // cut short; without one, the header was not written by this app.
    if (header.size > payloadBytes) {
      const ownManifest = manifest !== null && (manifest as BackupManifest).database.bytes === header.size;
      return fail(ownManifest ? problems.incomplete() : problems.notOurs('its database entry is larger than the file'));
    }
    const size = header.size;
    databaseSize = size;
    databaseDone = consume(size, stream).then(() => {
      if (failure === null && !aborted) next();
    });
  });

  return {
    async write(chunk) {
      if (failure !== null) throw failure;
      if (!extract.write(chunk)) await drained(extract);
      if (failure !== null) throw failure;
    },
    async abort() {
      if (aborted) return;
      aborted = true;
      extract.destroy();
      // A write in flight finishes before the sink removes what it wrote.
      await databaseDone;
      await sink.abort();
    },
    expectedPlainMin: () => plainMin,
    async finish() {
      if (failure !== null) throw failure;
      extract.end(null);
      await ended;
      // The extractor can finish while the sink is still taking the entry's last pieces.
      await databaseDone;
      if (failure !== null) throw failure;
      if (manifest === null) throw problems.notOurs('it holds no backup manifest');
      const found: BackupManifest = manifest;
      if (databaseSize === null) throw problems.noDatabase();
      if (databaseFilled !== databaseSize || found.database.file !== BACKUP_DATABASE_ENTRY || found.database.bytes !== databaseSize) {
        throw problems.sizeMismatch();
      }
      return { manifest: found, database: await sink.end() };
    },
  };
}

/** The format and its version are checked before the rest, so a newer backup says "update" rather than "malformed". */
function parseManifest(bytes: Buffer): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw problems.notOurs('its manifest is not readable');
  }
  const head = (json ?? {}) as { format?: unknown; formatVersion?: unknown };
  if (head.format !== BACKUP_FORMAT) throw problems.notOurs('its manifest is not an Alliance Notes one');
  if (typeof head.formatVersion === 'number' && Number.isInteger(head.formatVersion) && head.formatVersion > BACKUP_FORMAT_VERSION) {
    throw problems.tooNew(head.formatVersion);
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) throw problems.manifest();
  return parsed.data;
}

export const VERIFY_CHECKS = {
  authenticated: 'Passphrase accepted and every block authenticated',
  checksum: 'Checksum matches',
  structure: 'Tables, indexes and triggers exactly as this app creates them',
  integrity: 'Database integrity ok',
  schema: 'Schema version known',
  counts: 'Record counts match',
} as const;

/**
 * What this app's migrations create for the backup's migration set (the manifest names its last step),
 * for judgeInspection; null when this build has no such step (a newer app's backup: refused as too new
 * once the checksum has passed).
 */
export async function expectedSchemaOf(manifest: BackupManifest, knownMigrations: readonly string[], options: { nativeBinding?: string } = {}): Promise<ExpectedSchema | null> {
  if (!knownMigrations.includes(manifest.schemaVersion)) return null;
  return expectedSchemaAt(manifest.schemaVersion, options);
}

/**
 * Checks a decrypted snapshot against its manifest and this build: checksum, the schema exactly as
 * this app's migrations make it, SQLite's integrity check, migrations this build knows (a restore of a
 * newer schema would be opened by code that does not understand it), and the record counts shown to
 * the practitioner before a restore.
 */
export async function verifySnapshot(database: Buffer, manifest: BackupManifest, knownMigrations: readonly string[]): Promise<{ checks: string[] }> {
  const { checks, copy } = openVerifiedSnapshot(database, manifest, knownMigrations, await expectedSchemaOf(manifest, knownMigrations));
  copy.close();
  return { checks };
}

/**
 * verifySnapshot's checks, returning the database they ran on, open, for the caller to close: a
 * restore copies from it, so the image is opened (copied into SQLite's memory) once, not twice.
 * `expected` is expectedSchemaOf's answer. `open` must give SQLite its own copy of the bytes;
 * `database` is not changed.
 */
export function openVerifiedSnapshot(
  database: Buffer,
  manifest: BackupManifest,
  knownMigrations: readonly string[],
  expected: ExpectedSchema | null,
  open: (image: Buffer) => Sqlite = openSnapshot,
): { checks: string[]; copy: Sqlite } {
  // Only a file that readBackupFile returned gets here, and it returns only after every chunk authenticated.
  const checks: string[] = [VERIFY_CHECKS.authenticated];
  assertChecksum(database.length, createHash('sha256').update(database).digest('hex'), manifest);
  checks.push(VERIFY_CHECKS.checksum);
  if (expected === null) throw tooNewSchema();

  let copy: Sqlite;
  try {
    copy = open(database);
  } catch {
    throw problems.unopenable();
  }
  try {
    checks.push(...judgeInspection(inspectDatabase(copy, expected), manifest, knownMigrations));
    return { checks, copy };
  } catch (error) {
    copy.close();
    throw error;
  }
}

/** A backup whose schema has steps this build does not have. */
export const tooNewSchema = () =>
  new AppError('BACKUP_TOO_NEW', 'This backup was made by a newer version of Alliance Notes; update the app to restore it. Nothing was changed.');

/** The database's size and SHA-256 (of the plain image) against the manifest's. */
export function assertChecksum(bytes: number, sha256: string, manifest: BackupManifest): void {
  if (bytes !== manifest.database.bytes || sha256 !== manifest.database.sha256) {
    throw new AppError('BACKUP_CORRUPT', "The backup's database does not match the checksum in its manifest, so it cannot be trusted.");
  }
}

/**
 * Judges what the checks found in a backup's database (inspectDatabase, run on the image in memory or on
 * the staged copy on a worker thread) against its manifest and this build: its schema exactly as this
 * app's migrations create it for the manifest's migration set, SQLite's integrity check, migrations
 * this build knows (a restore of a newer schema would be opened by code that does not understand it),
 * and the record counts shown to the practitioner before a restore. Returns the VERIFY_CHECKS after
 * the checksum, in order; throws the first that failed.
 */
export function judgeInspection(inspection: Inspection, manifest: BackupManifest, knownMigrations: readonly string[]): string[] {
  if (!inspection.opened) throw problems.unopenable();
  if ('altered' in inspection) throw new AppError('BACKUP_CORRUPT', alteredSchemaMessage(inspection.altered));
  if (!inspection.integrity) {
    throw new AppError('BACKUP_CORRUPT', 'The database inside the backup failed its integrity check: it is damaged and cannot be restored.');
  }
  const checks: string[] = [VERIFY_CHECKS.structure, VERIFY_CHECKS.integrity];

  const applied = inspection.migrations ?? null;
  if (applied === null) {
    throw new AppError('BACKUP_CORRUPT', 'The database inside the backup is not an Alliance Notes vault (it has no schema record).');
  }
  const known = new Set(knownMigrations);
  if (applied.some((name) => !known.has(name))) throw tooNewSchema();
  // The schema was compared for the steps the manifest names; the database's own record must say the same.
  const named = knownMigrations.slice(0, knownMigrations.indexOf(manifest.schemaVersion) + 1);
  if (applied.length !== named.length || !named.every((name) => applied.includes(name))) {
    throw new AppError(
      'BACKUP_CORRUPT',
      "This backup's database has been altered: its record of schema changes does not match its manifest. Alliance Notes does not restore a database it did not make, so nothing was changed.",
    );
  }
  checks.push(VERIFY_CHECKS.schema);

  const counts = inspection.counts ?? null;
  const expected = manifest.counts;
  const names = new Set([...Object.keys(counts ?? {}), ...Object.keys(expected)]);
  if (counts === null || [...names].some((name) => counts[name] !== expected[name])) {
    throw new AppError('BACKUP_CORRUPT', "The backup's record counts do not match its manifest, so it cannot be trusted.");
  }
  checks.push(VERIFY_CHECKS.counts);
  return checks;
}
