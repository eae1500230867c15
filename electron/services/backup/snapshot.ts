import Database from 'better-sqlite3-multiple-ciphers';
import type { RecordCounts } from '../../../shared/backup';
import type { Sqlite } from '../database/open-database';

/** Offsets of the file-format write and read version bytes in the SQLite header: 2 means WAL, 1 legacy. */
export const WRITE_VERSION_OFFSET = 18;
export const READ_VERSION_OFFSET = 19;

/**
 * Marks a plain page 1 (or a whole image) as a rollback-journal database. A WAL-mode image cannot be
 * deserialized (no -wal file goes with it) and would make the sqlite3 tool create -wal/-shm files next
 * to a restored copy.
 */
export function markRollbackJournal(page1: Buffer): void {
  if (page1.length < 100) return;
  page1[WRITE_VERSION_OFFSET] = 1;
  page1[READ_VERSION_OFFSET] = 1;
}

/**
 * The vault as a plain SQLite image, in memory only. `serialize()` on the SQLCipher connection returns
 * the decrypted pages, read inside one transaction, so the image is a consistent snapshot that already
 * includes whatever sits in the WAL. The header still says WAL mode; a WAL-mode image cannot be
 * deserialized (no -wal file to go with it) and would make the sqlite3 tool create -wal/-shm files next
 * to a restored copy, so it is marked as a rollback-journal database.
 */
export function takeSnapshot(sqlite: Sqlite): Buffer {
  const image = sqlite.serialize();
  markRollbackJournal(image);
  return image;
}

/**
 * Rows in every ordinary table. `table_list` marks FTS5's own storage as `shadow` and the FTS table
 * itself as `virtual`; counting those would double-count the search index and change with its
 * segment merges, so only real tables are listed (SQLite's own `sqlite_%` tables too are left out).
 */
export function countRecords(sqlite: Sqlite, schema = 'main'): RecordCounts {
  const tables = sqlite.prepare(`SELECT name, type FROM pragma_table_list WHERE schema = ?`).all(schema) as {
    name: string;
    type: string;
  }[];
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const counts: RecordCounts = {};
  for (const { name, type } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (type !== 'table' || name.toLowerCase().startsWith('sqlite_')) continue;
    counts[name] = Number(sqlite.prepare(`SELECT count(*) FROM ${quote(schema)}.${quote(name)}`).pluck().get());
  }
  return counts;
}

/**
 * The image and its row counts, read inside one read transaction of the live connection, so both
 * describe the same moment (WAL snapshot isolation) without a second, vault-sized copy to count on.
 * Everything here is synchronous, so no write of this connection can come between them either.
 */
export function takeCountedSnapshot(sqlite: Sqlite): { snapshot: Buffer; counts: RecordCounts } {
  return sqlite.transaction(() => {
    const snapshot = takeSnapshot(sqlite);
    return { snapshot, counts: countRecords(sqlite) };
  })();
}

/**
 * A read-only in-memory database over the image, for checks. better-sqlite3 copies the bytes into
 * SQLite's own memory, so checking never changes the buffer that is compared against the manifest.
 */
export function openSnapshot(buffer: Buffer): Sqlite {
  return new Database(buffer, { readonly: true });
}
