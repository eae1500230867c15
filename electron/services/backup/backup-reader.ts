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
import { countRecords, openSnapshot } from './snapshot';
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
};

function formatMegabytes(bytes: number): string {
  const value = bytes / MB;
  return value < 10 ? `${value.toFixed(1)} MB` : `${Math.round(value)} MB`;
}

/**
 * Opens a backup: checks the age header itself (so foreign and damaged files get their own message
 * before any key is derived), decrypts with the passphrase while streaming the file from disk, and
 * unpacks the tar as it arrives. Returns only after age's final chunk authenticated, so a file that was
 * cut short can never pass as a smaller backup.
 */
export async function readBackupFile(file: string, passphrase: string, options: ReadBackupOptions = {}): Promise<ReadBackup> {
  const progress = options.onProgress ?? (() => undefined);
  let handle: FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    throw openError(error);
  }
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

    const unpacked = unpack(payloadBytes);
    let plainBytes = 0;
    const take = async (pieces: readonly Uint8Array[]) => {
      for (const piece of pieces) {
        plainBytes += piece.byteLength;
        await unpacked.write(piece);
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
      unpacked.abort();
      throw payloadError(error, { headerBytes, payloadBytes, plainBytes, expectedPlainMin: unpacked.expectedPlainMin() });
    } finally {
      buffer.fill(0);
    }
    const contents = await unpacked.finish();
    progress('Decrypting and checking', 1);
    return { ...contents, fileBytes };
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
  if (Number(args[2]) > BACKUP_SCRYPT_LOG_N_RANGE.max) throw problems.workFactor();
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

interface Unpacker {
  write(chunk: Uint8Array): Promise<void>;
  abort(): void;
  finish(): Promise<{ manifest: BackupManifest; database: Buffer }>;
  /** The least plaintext the archive needs, from the tar headers seen so far; null before the first. */
  expectedPlainMin(): number | null;
}

/**
 * Unpacks the tar as decrypted pieces arrive. The manifest is parsed as soon as it is complete, so a
 * foreign or newer backup is refused without decrypting the rest; the database goes into one buffer
 * sized from its tar header.
 */
function unpack(payloadBytes: number): Unpacker {
  const extract = tar.extract();
  let failure: AppError | null = null;
  let manifest: BackupManifest | null = null;
  let database: Buffer | null = null;
  let databaseFilled = 0;
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
    const buffer = Buffer.alloc(header.size);
    database = buffer;
    stream.on('data', (chunk: unknown) => {
      const data = chunk as Buffer;
      if (databaseFilled + data.length > buffer.length) return fail(problems.sizeMismatch());
      buffer.set(data, databaseFilled);
      databaseFilled += data.length;
    });
    stream.on('end', () => next());
  });

  return {
    async write(chunk) {
      if (failure !== null) throw failure;
      if (!extract.write(chunk)) await drained(extract);
      if (failure !== null) throw failure;
    },
    abort() {
      extract.destroy();
    },
    expectedPlainMin: () => plainMin,
    async finish() {
      if (failure !== null) throw failure;
      extract.end(null);
      await ended;
      if (failure !== null) throw failure;
      if (manifest === null) throw problems.notOurs('it holds no backup manifest');
      const found: BackupManifest = manifest;
      if (database === null) throw problems.noDatabase();
      const bytes: Buffer = database;
      if (databaseFilled !== bytes.length || found.database.file !== BACKUP_DATABASE_ENTRY || found.database.bytes !== bytes.length) {
        throw problems.sizeMismatch();
      }
      return { manifest: found, database: bytes };
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
  integrity: 'Database integrity ok',
  schema: 'Schema version known',
  counts: 'Record counts match',
} as const;

/**
 * Checks a decrypted snapshot against its manifest and this build: checksum, SQLite's integrity check,
 * migrations this build knows (a restore of a newer schema would be opened by code that does not
 * understand it), and the record counts shown to the practitioner before a restore.
 */
export function verifySnapshot(database: Buffer, manifest: BackupManifest, knownMigrations: readonly string[]): { checks: string[] } {
  const { checks, copy } = openVerifiedSnapshot(database, manifest, knownMigrations);
  copy.close();
  return { checks };
}

/**
 * verifySnapshot's checks, returning the database they ran on, open, for the caller to close: a
 * restore copies from it, so the image is opened (copied into SQLite's memory) once, not twice.
 * `open` must give SQLite its own copy of the bytes; `database` is not changed.
 */
export function openVerifiedSnapshot(
  database: Buffer,
  manifest: BackupManifest,
  knownMigrations: readonly string[],
  open: (image: Buffer) => Sqlite = openSnapshot,
): { checks: string[]; copy: Sqlite } {
  // Only a file that readBackupFile returned gets here, and it returns only after every chunk authenticated.
  const checks: string[] = [VERIFY_CHECKS.authenticated];
  const sha256 = createHash('sha256').update(database).digest('hex');
  if (database.length !== manifest.database.bytes || sha256 !== manifest.database.sha256) {
    throw new AppError('BACKUP_CORRUPT', "The backup's database does not match the checksum in its manifest, so it cannot be trusted.");
  }
  checks.push(VERIFY_CHECKS.checksum);

  let copy: Sqlite;
  try {
    copy = open(database);
  } catch {
    throw new AppError('BACKUP_CORRUPT', 'The database inside the backup cannot be opened: it is damaged.');
  }
  try {
    let rows: { integrity_check?: unknown }[];
    try {
      rows = copy.pragma('integrity_check') as { integrity_check?: unknown }[];
    } catch {
      rows = [];
    }
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
      throw new AppError('BACKUP_CORRUPT', 'The database inside the backup failed its integrity check: it is damaged and cannot be restored.');
    }
    checks.push(VERIFY_CHECKS.integrity);

    let applied: string[];
    try {
      applied = (copy.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((row) => row.name);
    } catch {
      throw new AppError('BACKUP_CORRUPT', 'The database inside the backup is not an Alliance Notes vault (it has no schema record).');
    }
    const known = new Set(knownMigrations);
    if (applied.some((name) => !known.has(name))) {
      throw new AppError(
        'BACKUP_TOO_NEW',
        'This backup was made by a newer version of Alliance Notes; update the app to restore it. Nothing was changed.',
      );
    }
    checks.push(VERIFY_CHECKS.schema);

    const counts = countRecords(copy);
    const expected = manifest.counts;
    const names = new Set([...Object.keys(counts), ...Object.keys(expected)]);
    if ([...names].some((name) => counts[name] !== expected[name])) {
      throw new AppError('BACKUP_CORRUPT', "The backup's record counts do not match its manifest, so it cannot be trusted.");
    }
    checks.push(VERIFY_CHECKS.counts);
    return { checks, copy };
  } catch (error) {
    copy.close();
    throw error;
  }
}
