import Database from 'better-sqlite3-multiple-ciphers';
import type { RecordCounts } from '../../../shared/backup';
import type { Sqlite } from '../database/open-database';
import { countRecords } from './snapshot';

/*
 * What a restore checks in the database it staged, gathered in one place so it can run on a worker
 * thread (restore-inspect-worker.ts) or, if no worker starts, here on the caller's thread. This module
 * is the worker's whole program: it imports SQLite and nothing of the app's services, so the worker
 * starts quickly and small. Judging the findings against the manifest is the reader's job
 * (judgeInspection in backup-reader.ts), with the messages a restore has always given.
 */

/** The checks' findings. `opened: false`: the file is not a database under that key, or page 1 is damaged. */
export type Inspection =
  | { opened: false }
  | {
      opened: true;
      /** integrity_check said exactly "ok". */
      integrity: boolean;
      /** Names in schema_migrations; null when there is no such table (not a vault). Absent when integrity failed. */
      migrations?: string[] | null;
      /** countRecords; null when counting failed. Absent when integrity failed. */
      counts?: RecordCounts | null;
    };

export interface InspectJob {
  file: string;
  /** A copy of the data key; wiped once the connection is keyed. */
  dataKey: Uint8Array;
  nativeBinding?: string;
  /** SQLite's page cache for the check, in KiB. */
  cacheKiB: number;
}

/** What the worker posts back: findings, or `unavailable` when SQLite itself could not run there. */
export type InspectReply = { inspection: Inspection } | { unavailable: true };

/**
 * Opens a staged SQLCipher 4 file read-only with the vault's cipher settings (as openEncryptedDatabase
 * does, without its WAL switch): nothing is written to the file or beside it, so it is renamed into
 * place later exactly as it was checked, with no -wal or -shm to go with it.
 */
export function openStagedReadOnly(file: string, dataKey: Buffer, options: { nativeBinding?: string; cacheKiB: number }): Sqlite {
  if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${dataKey.toString('hex')}'"`);
    // The first read proves the key and page 1: a wrong key or a damaged page fails here with SQLITE_NOTADB.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    // Nothing decrypted may reach a temporary file.
    db.pragma('temp_store=MEMORY');
    // A check reads each page about once: a large cache would only add to the restore's peak memory.
    db.pragma(`cache_size=-${Math.max(1, Math.floor(options.cacheKiB))}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The restore's checks on an open database, in the order they are judged: integrity_check (every page
 * read and, in a SQLCipher file, authenticated; every b-tree and index checked), then the applied
 * migrations, then the record counts shown before a restore.
 */
export function inspectDatabase(db: Sqlite): Inspection {
  let integrity: boolean;
  try {
    const rows = db.pragma('integrity_check') as { integrity_check?: unknown }[];
    integrity = rows.length === 1 && rows[0]?.integrity_check === 'ok';
  } catch {
    integrity = false;
  }
  if (!integrity) return { opened: true, integrity };
  let migrations: string[] | null;
  try {
    migrations = (db.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((row) => row.name);
  } catch {
    migrations = null;
  }
  let counts: RecordCounts | null;
  try {
    counts = countRecords(db);
  } catch {
    counts = null;
  }
  return { opened: true, integrity, migrations, counts };
}

/**
 * Opens the staged file read-only and inspects it. SQLite's own complaints about the file (not a
 * database, damaged) are findings; any other failure to open (the addon would not load) is thrown, so
 * a worker can say it could not check rather than that the file is damaged.
 */
export function inspectStagedFile(file: string, dataKey: Buffer, options: { nativeBinding?: string; cacheKiB: number }): Inspection {
  let db: Sqlite;
  try {
    db = openStagedReadOnly(file, dataKey, options);
  } catch (error) {
    if (isSqliteError(error)) return { opened: false };
    throw error;
  }
  try {
    return inspectDatabase(db);
  } finally {
    db.close();
  }
}

function isSqliteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}
