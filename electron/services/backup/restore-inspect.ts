import Database from 'better-sqlite3-multiple-ciphers';
import type { RecordCounts } from '../../../shared/backup';
import type { Sqlite } from '../database/open-database';
import { readAppliedMigrations, readSchemaObjects, readStoredTableNames } from '../database/schema-catalog.repository';
import { compareSchema, type ExpectedSchema, type SchemaDifference } from '../database/schema-diff';
import { countRecords } from './snapshot';

/*
 * What a restore checks in the database it staged, gathered in one place so it can run on a worker
 * thread (restore-inspect-worker.ts) or, if no worker starts, here on the caller's thread. This module
 * is the worker's whole program: it imports SQLite and nothing of the app's services, so the worker
 * starts quickly and small. Judging the findings against the manifest, and the practitioner's messages
 * for what fails, are backup-checks.ts's (judgeInspection).
 */

/**
 * The checks' findings. `opened: false`: the file is not a database under that key, or page 1 is
 * damaged. `altered`: its schema is not what this app's migrations create (schema-diff.ts); nothing
 * else was run on it.
 */
export type Inspection =
  | { opened: false }
  | { opened: true; altered: SchemaDifference[] }
  | {
      opened: true;
      /** integrity_check said exactly "ok". */
      integrity: boolean;
      /** Names in schema_migrations; null when there is no such table (not a vault). Absent when integrity failed. */
      migrations?: string[] | null;
      /** countRecords; null when counting failed. Absent when integrity failed. */
      counts?: RecordCounts | null;
      /** With a shared check: the tables this thread checked, of all there are. */
      tables?: { checked: number; total: number };
    };

export interface InspectJob {
  file: string;
  /** A copy of the data key; wiped once the connection is keyed. */
  dataKey: Uint8Array;
  nativeBinding?: string;
  /** SQLite's page cache for the check, in KiB. */
  cacheKiB: number;
  /** What this app's migrations create for the backup's migration set; compared before anything else runs. */
  expected: ExpectedSchema;
  /** The check shared table by table with another thread (see checkSharedTables); absent: the whole check here. */
  share?: SharedCheck;
}

/**
 * Two threads checking one file between them: each claims the next table from `claims` ([0] the next
 * table's place in tablesInCheckOrder, [1] set once either finds damage). Only the lead thread reads
 * the migrations and counts.
 */
export interface SharedCheck {
  claims: SharedArrayBuffer;
  lead: boolean;
}

/** Room for SharedCheck.claims. */
export const SHARED_CHECK_BYTES = 2 * Int32Array.BYTES_PER_ELEMENT;

/**
 * The largest tables of a practice, checked first so the two threads end close together: `notes` alone
 * is about half of the work (each note's JSON is read again for migration 0007's index).
 */
const LARGEST_FIRST = ['notes', 'search_content', 'measure_results', 'activity_log', 'search_index_data'];

/** Every b-tree table (virtual tables have none of their own; their shadow tables are listed), the schema's included, in the same order on every thread. */
export function tablesInCheckOrder(db: Sqlite): string[] {
  const names = readStoredTableNames(db);
  const rank = (name: string) => (LARGEST_FIRST.includes(name) ? LARGEST_FIRST.indexOf(name) : LARGEST_FIRST.length);
  return ['sqlite_schema', ...names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))];
}

/**
 * integrity_check table by table, claiming each from the other thread's share: each table's b-tree,
 * its indexes against its rows, and its constraints. What integrity_check(<table>) leaves out (the
 * free list, and pages no table uses) is what the vault's quick_check covers after it opens the
 * installed file, so this is used only for a restore, never for a verify.
 */
function checkSharedTables(db: Sqlite, share: SharedCheck): { ok: boolean; checked: number; total: number } {
  const tables = tablesInCheckOrder(db);
  const claims = new Int32Array(share.claims);
  let checked = 0;
  while (Atomics.load(claims, 1) === 0) {
    const next = Atomics.add(claims, 0, 1);
    if (next >= tables.length) break;
    const rows = db.pragma(`integrity_check("${tables[next]!.replaceAll('"', '""')}")`) as { integrity_check?: unknown }[];
    if (!(rows.length === 1 && rows[0]?.integrity_check === 'ok')) {
      Atomics.store(claims, 1, 1);
      return { ok: false, checked, total: tables.length };
    }
    checked += 1;
  }
  return { ok: true, checked, total: tables.length };
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
 * The restore's checks on an open database, in the order they are judged: its schema against
 * `expected`, before any other statement runs on it (a backup's own triggers and views are never
 * trusted); then integrity_check (every page read and, in a SQLCipher file, authenticated; every
 * b-tree and index checked; with `share`, only the tables this thread claims), then the applied
 * migrations, then the record counts shown before a restore.
 */
export function inspectDatabase(db: Sqlite, expected: ExpectedSchema, share?: SharedCheck): Inspection {
  let altered: SchemaDifference[];
  try {
    altered = compareSchema(expected, readSchemaObjects(db));
  } catch {
    // sqlite_schema itself cannot be read: damage, reported as integrity_check would.
    if (share) Atomics.store(new Int32Array(share.claims), 1, 1);
    return { opened: true, integrity: false };
  }
  if (altered.length > 0) return { opened: true, altered };
  let integrity: boolean;
  let tables: { checked: number; total: number } | undefined;
  try {
    if (share) {
      const shared = checkSharedTables(db, share);
      integrity = shared.ok;
      tables = { checked: shared.checked, total: shared.total };
    } else {
      const rows = db.pragma('integrity_check') as { integrity_check?: unknown }[];
      integrity = rows.length === 1 && rows[0]?.integrity_check === 'ok';
    }
  } catch {
    if (share) Atomics.store(new Int32Array(share.claims), 1, 1);
    integrity = false;
  }
  if (!integrity) return { opened: true, integrity, ...(tables ? { tables } : {}) };
  if (share && !share.lead) return { opened: true, integrity, tables };
  const migrations = readAppliedMigrations(db);
  let counts: RecordCounts | null;
  try {
    counts = countRecords(db);
  } catch {
    counts = null;
  }
  return { opened: true, integrity, migrations, counts, ...(tables ? { tables } : {}) };
}

/**
 * Opens the staged file read-only and inspects it. SQLite's own complaints about the file (not a
 * database, damaged) are findings; any other failure to open (the addon would not load) is thrown, so
 * a worker can say it could not check rather than that the file is damaged.
 */
export function inspectStagedFile(
  file: string,
  dataKey: Buffer,
  options: { nativeBinding?: string; cacheKiB: number; expected: ExpectedSchema; share?: SharedCheck },
): Inspection {
  let db: Sqlite;
  try {
    db = openStagedReadOnly(file, dataKey, options);
  } catch (error) {
    if (isSqliteError(error)) return { opened: false };
    throw error;
  }
  try {
    return inspectDatabase(db, options.expected, options.share);
  } finally {
    db.close();
  }
}

function isSqliteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}
