import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';

export type Sqlite = SqliteDatabase;

export interface OpenOptions {
  /** Create the file if missing (vault creation only); unlocking never creates a database. */
  create: boolean;
  /** Path to a better_sqlite3.node built for the running runtime (the Electron shell sets it). */
  nativeBinding?: string;
}

/**
 * Opens vault.db in SQLCipher 4 format with the raw 32-byte data key and applies the pragmas every
 * connection needs. `cipher` and `legacy` must be set before the key, or sqlite3mc uses its default
 * cipher and the file would not be readable by SQLCipher tools.
 */
export function openEncryptedDatabase(file: string, dataKey: Buffer, options: OpenOptions): Sqlite {
  if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
  let db: Sqlite;
  try {
    db = new Database(file, {
      fileMustExist: !options.create,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') {
      throw new AppError('VAULT_DAMAGED', 'The vault database file (vault.db) is missing or cannot be opened.');
    }
    throw error;
  }
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${dataKey.toString('hex')}'"`);
    // The first read proves the key: a wrong key or a damaged page 1 fails here with SQLITE_NOTADB.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    restrictToOwner(file);
    db.pragma('journal_mode=WAL');
    db.pragma('synchronous=FULL');
    db.pragma('foreign_keys=ON');
    db.pragma('temp_store=MEMORY');
    // Every page read from disk is decrypted and checked; a 64 MiB cache keeps a whole practice's hot
    // pages (indexes, recent notes, measures) decrypted in memory instead of the default 2 MiB.
    db.pragma('cache_size=-65536');
    // Deleted content is overwritten with zeros rather than left in free pages: permanent deletion of a
    // client (right to erasure) must leave no readable trace for someone who later holds the key.
    // sqlite3mc happens to switch this on once a key is set; set it here so erasure never rests on that.
    db.pragma('secure_delete=ON');
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
      throw new AppError(
        'VAULT_DAMAGED',
        'The vault database (vault.db) is damaged or does not belong to this vault header. Nothing was changed.',
      );
    }
    throw error;
  }
}

/** Runs SQLite's quick_check; throws VAULT_DAMAGED unless it reports ok. */
export function assertQuickCheck(db: Sqlite): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check') as { quick_check: string }[];
  } catch {
    rows = [{ quick_check: 'failed' }];
  }
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
    throw new AppError(
      'VAULT_DAMAGED',
      'The vault database failed its integrity check. It was not changed; restore from a backup if this persists.',
    );
  }
}

/** Flushes the WAL into the main file and closes, so no -wal file stays behind while locked. */
export function closeDatabase(db: Sqlite): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/**
 * Owner-only, like the header: SQLite creates files 0644 and gives -wal and -shm the database file's
 * mode, and a restored file arrives the same way. The content is encrypted anyway; this keeps other
 * accounts from even copying it. Best effort: Windows and some shared drives have no such modes.
 */
function restrictToOwner(file: string): void {
  for (const name of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (existsSync(name)) chmodSync(name, 0o600);
    } catch {
      // A drive without POSIX modes: the folder's own permissions are all there is.
    }
  }
}
