import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { RecordCounts } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../database/open-database';
import { countRecords, markRollbackJournal, READ_VERSION_OFFSET, WRITE_VERSION_OFFSET } from './snapshot';

/*
 * A backup holds a plain SQLite image; a restored vault must be a SQLCipher 4 file, and the plain image
 * must never touch the disk on the way. This build has no URI filenames (so no `VACUUM INTO` with cipher
 * parameters), no sqlite_dbpage, and SQLite's backup API refuses two schemas of one connection. What it
 * can do is deserialize the image into an in-memory connection and ATTACH a new file with a key, so the
 * schema and rows are copied across, generically, from the image's own sqlite_schema.
 */

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const DST = 'dst';

interface SchemaObject {
  type: 'table' | 'index' | 'view' | 'trigger';
  name: string;
  sql: string;
}

interface TableInfo {
  name: string;
  /** `table_list`'s type: `table`, `virtual` or `shadow` (a virtual table's own storage). */
  kind: string;
  withoutRowid: boolean;
}

export interface WriteEncryptedCopyOptions {
  /** Path to a better_sqlite3.node built for the running runtime (the Electron shell sets it). */
  nativeBinding?: string;
}

/**
 * Opens a plain SQLite image as an in-memory database that restore can check and copy from. SQLite
 * takes its own copy of the bytes, so the caller may wipe `image` as soon as this returns; `image` is
 * left as it was given (its WAL header bytes are set only for the moment SQLite copies it).
 */
export function openImage(image: Buffer, options: WriteEncryptedCopyOptions = {}): Sqlite {
  if (image.length < 100 || !image.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) throw notRestorable();
  // Patched in place rather than in a copy: a vault-sized copy would be the largest allocation of a restore.
  const versions = [image[WRITE_VERSION_OFFSET]!, image[READ_VERSION_OFFSET]!] as const;
  markRollbackJournal(image);
  try {
    return new Database(image, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch {
    throw notRestorable();
  } finally {
    image[WRITE_VERSION_OFFSET] = versions[0];
    image[READ_VERSION_OFFSET] = versions[1];
  }
}

/**
 * Writes `snapshot` (a plain SQLite image) to `file` as a vault database: SQLCipher 4 under the raw
 * 32-byte `dataKey`, openable with openEncryptedDatabase. See stageEncryptedCopy.
 */
export function writeEncryptedCopy(snapshot: Buffer, file: string, dataKey: Buffer, options: WriteEncryptedCopyOptions = {}): RecordCounts {
  if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
  const source = openImage(snapshot, options);
  try {
    return stageEncryptedCopy(source, file, dataKey);
  } finally {
    source.close();
  }
}

/**
 * Copies the database open as `source` (from openImage) to `file` as a vault database: SQLCipher 4
 * under the raw 32-byte `dataKey`. `file` must not exist. Every table's rows (rowids included), the
 * search index's stored segments, AUTOINCREMENT counters, indexes, views, triggers, user_version and
 * application_id are copied; the result is read back and counted against the source before this
 * returns. On any failure the partial file is removed. Returns the rows per ordinary table, as
 * countRecords counts them for a manifest. `source` stays open, attached to nothing.
 */
export function stageEncryptedCopy(source: Sqlite, file: string, dataKey: Buffer): RecordCounts {
  if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
  // A stale -journal or -wal beside a new file would be replayed into it by SQLite, so they count as "exists".
  if ([file, `${file}-journal`, `${file}-wal`].some((candidate) => existsSync(candidate))) {
    throw new AppError('IO_ERROR', 'A file is already where the restored copy was to be written. Nothing was changed.');
  }
  let created = false;
  let copied = false;
  try {
    // Exclusive creation: another writer racing for the same name makes this fail instead of sharing a file.
    closeSync(openSync(file, 'wx', 0o600));
    created = true;
    const counts = copyInto(source, file, dataKey);
    copied = true;
    return counts;
  } catch (error) {
    if (!created && (error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppError('IO_ERROR', 'A file is already where the restored copy was to be written. Nothing was changed.');
    }
    throw error;
  } finally {
    // After the copy is detached, so no handle holds the file (Windows will not delete an open file).
    if (created && !copied) for (const leftover of [file, `${file}-journal`]) rmSync(leftover, { force: true });
  }
}

function copyInto(source: Sqlite, file: string, dataKey: Buffer): RecordCounts {
  // Sorting for CREATE INDEX and statement journals would otherwise spill plain pages to temp files.
  source.pragma('temp_store=MEMORY');
  // Rows arrive in table order, not dependency order; the source's own consistency is checked below.
  source.pragma('foreign_keys=OFF');
  // Settings that apply to every database this connection attaches from now on: SQLCipher 4, as openEncryptedDatabase reads it.
  source.prepare(`SELECT sqlite3mc_config('default:cipher', 'sqlcipher')`).get();
  source.prepare(`SELECT sqlite3mc_config('sqlcipher', 'default:legacy', 4)`).get();
  const keyText = `x'${dataKey.toString('hex')}'`;
  // A text key in x'…' form is the raw key; a blob would be taken as a passphrase and run through the KDF.
  const attach = () => source.prepare(`ATTACH DATABASE ? AS ${DST} KEY ?`).run(file, keyText);
  attach();
  let attached = true;
  try {
    // The caller renames this file into place as the vault: it must be on disk when the commit returns.
    source.pragma(`${DST}.synchronous=FULL`);
    source.pragma(`${DST}.cache_size=-65536`);
    // A new file that is deleted on any failure needs no rollback journal; writing one costs ~10%.
    source.pragma(`${DST}.journal_mode=OFF`);
    // Fixed when the first table is created, so it is copied before anything else.
    source.pragma(`${DST}.auto_vacuum=${integerPragma(source, 'auto_vacuum')}`);
    copySchemaAndRows(source);

    // Checked through a fresh attachment, so what is verified is what the file holds, not cached state.
    source.exec(`DETACH DATABASE ${DST}`);
    attached = false;
    attach();
    attached = true;
    verifyCopy(source);
    const counts = countRecords(source, DST);
    source.exec(`DETACH DATABASE ${DST}`);
    attached = false;
    return counts;
  } finally {
    if (attached) {
      try {
        source.exec(`DETACH DATABASE ${DST}`);
      } catch {
        // Closing the connection detaches it as well.
      }
    }
  }
}

function copySchemaAndRows(source: Sqlite): void {
  const objects = source.prepare(`SELECT type, name, sql FROM main.sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid`).all() as SchemaObject[];
  const mainTables = tableList(source, 'main');
  const kindOf = (name: string) => mainTables.get(name)?.kind;
  const ordinary = objects.filter((o) => o.type === 'table' && !isReserved(o.name) && kindOf(o.name) === 'table');
  const virtual = objects.filter((o) => o.type === 'table' && kindOf(o.name) === 'virtual');
  const shadow = [...mainTables.values()].filter((t) => t.kind === 'shadow');
  const unknown = objects.filter((o) => o.type === 'table' && !isReserved(o.name) && !['table', 'virtual', 'shadow'].includes(kindOf(o.name) ?? ''));
  if (unknown.length > 0) throw cannotRestore();

  source.transaction(() => {
    for (const table of ordinary) source.exec(intoDst(table.sql));
    for (const row of ordinary) copyRows(source, mainTables.get(row.name)!);
    // The virtual table's CREATE makes its shadow tables; their rows are then swapped for the source's
    // raw ones, so the search index is the source's byte for byte instead of being rebuilt (an index
    // over folded text cannot be rebuilt from its content table, see migration 0004).
    for (const table of virtual) source.exec(intoDst(table.sql));
    const dstShadow = [...tableList(source, DST).values()].filter((t) => t.kind === 'shadow');
    if (!sameNames(shadow, dstShadow)) throw cannotRestore();
    // Defensive mode makes shadow tables read-only to SQL; only this connection, only for these statements.
    source.unsafeMode(true);
    try {
      for (const table of shadow) {
        source.exec(`DELETE FROM ${DST}.${quote(table.name)}`);
        copyRows(source, table);
      }
    } finally {
      source.unsafeMode(false);
    }
    copySqliteTables(source, mainTables);
    // Indexes, views and triggers last: indexes build faster over loaded tables, and guard triggers
    // (signed notes are read-only, the activity log append-only) must not fire on the copy itself.
    for (const other of objects.filter((o) => o.type !== 'table' && !isReserved(o.name))) source.exec(intoDst(other.sql));
    source.pragma(`${DST}.user_version=${integerPragma(source, 'user_version')}`);
    source.pragma(`${DST}.application_id=${integerPragma(source, 'application_id')}`);
  })();
}

/** AUTOINCREMENT counters (which may be ahead of the highest row after deletions) and planner statistics. */
function copySqliteTables(source: Sqlite, mainTables: ReadonlyMap<string, TableInfo>): void {
  // Missing from the copy when every AUTOINCREMENT table was dropped; its leftover rows then count for nothing.
  if (mainTables.has('sqlite_sequence') && tableList(source, DST).has('sqlite_sequence')) {
    source.exec(`DELETE FROM ${DST}.sqlite_sequence`);
    source.exec(`INSERT INTO ${DST}.sqlite_sequence SELECT * FROM main.sqlite_sequence`);
  }
  const stats = [...mainTables.keys()].filter((name) => /^sqlite_stat\d$/.test(name));
  if (stats.length === 0) return;
  // The documented way to create the statistics tables without analysing anything (as sqlite3 .dump does).
  source.exec(`ANALYZE ${DST}.sqlite_schema`);
  const dstTables = tableList(source, DST);
  for (const name of stats) {
    if (!dstTables.has(name)) continue;
    source.exec(`DELETE FROM ${DST}.${name}`);
    source.exec(`INSERT INTO ${DST}.${name} SELECT * FROM main.${name}`);
  }
}

/**
 * Copies a table's rows with their rowids. `INSERT … SELECT *` would renumber the rows of a table with no
 * INTEGER PRIMARY KEY (as VACUUM may) and fails on generated columns, so columns are listed from
 * table_xinfo without the generated ones, and the rowid is named under an alias no column shadows.
 */
function copyRows(source: Sqlite, table: TableInfo): void {
  const columns = source.prepare(`SELECT name, hidden FROM pragma_table_xinfo(?, 'main') ORDER BY cid`).all(table.name) as {
    name: string;
    hidden: number;
  }[];
  // hidden: 0 an ordinary column, 2 and 3 generated (virtual, stored); their values are computed, not copied.
  const stored = columns.filter((column) => column.hidden === 0).map((column) => quote(column.name));
  if (!table.withoutRowid) {
    const taken = new Set(columns.map((column) => column.name.toLowerCase()));
    const alias = ['rowid', '_rowid_', 'oid'].find((name) => !taken.has(name));
    if (!alias) throw cannotRestore();
    stored.unshift(alias);
  }
  const list = stored.join(', ');
  const order = table.withoutRowid ? '' : ` ORDER BY ${stored[0]}`;
  source.exec(`INSERT INTO ${DST}.${quote(table.name)} (${list}) SELECT ${list} FROM main.${quote(table.name)}${order}`);
}

/**
 * The read-back through a fresh attachment: every table's rows counted (reading its pages, each
 * authenticated by SQLCipher's per-page HMAC), foreign keys and header pragmas compared. No
 * quick_check here: the vault runs one on this very file when it installs it (and puts the previous
 * vault back if it fails), and a second pass over every page would make it the slowest step of a
 * restore; integrity_check already ran on the source.
 */
function verifyCopy(source: Sqlite): void {
  const mainTables = tableList(source, 'main');
  const dstTables = tableList(source, DST);
  // Shadow tables too: a short search index is as wrong as a short notes table.
  const content = (tables: ReadonlyMap<string, TableInfo>) => [...tables.values()].filter((t) => t.kind !== 'virtual' && !isReserved(t.name));
  if (!sameNames(content(mainTables), content(dstTables))) throw copyMismatch();
  for (const table of mainTables.values()) {
    if (table.kind === 'virtual' || !dstTables.has(table.name)) continue;
    if (rowCount(source, 'main', table.name) !== rowCount(source, DST, table.name)) throw copyMismatch();
  }
  // Whatever references the source satisfied (or did not), the copy must be the same.
  const violations = (schema: string) => (source.prepare(`SELECT count(*) FROM pragma_foreign_key_check(NULL, ?)`).pluck().get(schema) as number) ?? 0;
  if (violations('main') !== violations(DST)) throw copyMismatch();
  for (const pragma of ['user_version', 'application_id']) {
    if (integerPragma(source, pragma, 'main') !== integerPragma(source, pragma, DST)) throw copyMismatch();
  }
}

function tableList(sqlite: Sqlite, schema: string): Map<string, TableInfo> {
  const rows = sqlite.prepare(`SELECT name, type, wr FROM pragma_table_list WHERE schema = ?`).all(schema) as {
    name: string;
    type: string;
    wr: number;
  }[];
  // sqlite_schema is listed as a table but is SQLite's own catalogue, not content.
  const tables = rows.filter((row) => !['sqlite_schema', 'sqlite_temp_schema'].includes(row.name));
  return new Map(tables.map((row) => [row.name, { name: row.name, kind: row.type, withoutRowid: row.wr === 1 }]));
}

const rowCount = (sqlite: Sqlite, schema: string, table: string): number =>
  Number(sqlite.prepare(`SELECT count(*) FROM ${quote(schema)}.${quote(table)}`).pluck().get());

function integerPragma(sqlite: Sqlite, name: string, schema = 'main'): number {
  const value = Number(sqlite.pragma(`${schema}.${name}`, { simple: true }));
  if (!Number.isSafeInteger(value)) throw cannotRestore();
  return value;
}

function sameNames(a: readonly TableInfo[], b: readonly TableInfo[]): boolean {
  const names = (tables: readonly TableInfo[]) => tables.map((t) => t.name).sort().join('\0');
  return names(a) === names(b);
}

/**
 * SQLite stores every CREATE with a normalised prefix (`CREATE TABLE `, `CREATE VIRTUAL TABLE `,
 * `CREATE UNIQUE INDEX `…) followed by the object's name without its schema, so naming the schema
 * right after the prefix places the object in the copy; unqualified names inside it (a trigger's
 * table, an FTS table's content table) then resolve within that same schema.
 */
function intoDst(sql: string): string {
  const match = /^CREATE (?:TABLE|VIRTUAL TABLE|INDEX|UNIQUE INDEX|VIEW|TRIGGER) /.exec(sql);
  if (!match) throw cannotRestore();
  return `${match[0]}${DST}.${sql.slice(match[0].length)}`;
}

/** SQLite's own tables (sequence counters, statistics), which are not records. */
const isReserved = (name: string): boolean => name.toLowerCase().startsWith('sqlite_');

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const notRestorable = () => new AppError('BACKUP_CORRUPT', 'The backup does not hold a database that can be restored. Nothing was changed.');
const cannotRestore = () => new AppError('BACKUP_CORRUPT', 'The backup holds a database this version of the app cannot restore. Nothing was changed.');
const copyMismatch = () =>
  new AppError('IO_ERROR', 'The restored copy did not match the backup when read back (the disk may be failing). Nothing was changed.');
