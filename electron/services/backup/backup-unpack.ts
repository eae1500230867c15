import * as tar from 'tar-stream';
import { BACKUP_DATABASE_ENTRY, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_MANIFEST_ENTRY, backupManifestSchema, type BackupManifest } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { problems } from './backup-problems';
import type { DatabaseSink } from './database-sink';
import { drained } from './stream-drain';

/** The tar inside a decrypted backup, unpacked as it arrives: its manifest first, then its database. */
const MANIFEST_LIMIT = 1024 * 1024;
const TAR_BLOCK = 512;

export interface Unpacker<T> {
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
export function unpack<T>(payloadBytes: number, sink: DatabaseSink<T>): Unpacker<T> {
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
