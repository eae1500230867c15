import { mkdtempSync, openSync, readSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { countRecords } from '../../electron/services/backup/snapshot';
import type { Sqlite } from '../../electron/services/database/open-database';
import { VaultService } from '../../electron/services/vault/vault.service';

/**
 * The baseline the database rows compare against: the same data, page for page, in a plain (unencrypted)
 * SQLite file opened with the same engine and no key.
 *
 * How the copy is made: sqlite3mc 2.3 has no `sqlcipher_export()` (an `ATTACH … KEY ''` works, but there
 * is nothing to export with), and `VACUUM INTO` writes its file under the main database's key. So the copy
 * is `serialize()` of the unlocked connection, the decrypted pages of one consistent read (WAL included),
 * written to a temporary file with its header set back to rollback-journal mode. The pages keep
 * SQLCipher's 80 reserved bytes each, so both files have the same b-trees, page count and page layout, and
 * what differs is only the encryption and the code above SQLite. The bench vaults hold synthetic data only.
 */
export interface PlainCopy {
  /** The plain file, opened without a key, with the vault's connection settings. */
  db: Sqlite;
  file: string;
  dispose(): void;
}

const WRITE_VERSION_OFFSET = 18;
const READ_VERSION_OFFSET = 19;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

const copies = new Map<Sqlite, PlainCopy>();
process.once('exit', () => {
  for (const copy of copies.values()) copy.dispose();
});

/** A plain copy of `source` (one per source connection: rows sharing a vault share its copy). */
export function plainCopyOf(source: Sqlite): PlainCopy {
  const existing = copies.get(source);
  if (existing) return existing;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alliance-bench-plain-'));
  const file = path.join(dir, 'plain.db');
  const image = source.serialize();
  image[WRITE_VERSION_OFFSET] = 1;
  image[READ_VERSION_OFFSET] = 1;
  writeFileSync(file, image, { mode: 0o600 });
  image.fill(0);
  if (!readHeader(file).equals(SQLITE_HEADER)) throw new Error('the bench copy is not a plain SQLite file');

  const db = new Database(file, { fileMustExist: true });
  // The vault's connection settings (open-database.ts), minus the key: same WAL, fsync, cache and
  // secure-delete, so a write costs the same I/O on both sides.
  db.pragma('journal_mode=WAL');
  db.pragma('synchronous=FULL');
  db.pragma('foreign_keys=ON');
  db.pragma('temp_store=MEMORY');
  db.pragma('cache_size=-65536');
  db.pragma('secure_delete=ON');
  const theirs = JSON.stringify(countRecords(source));
  const ours = JSON.stringify(countRecords(db));
  if (theirs !== ours) throw new Error(`the plain copy's row counts differ from the vault's: ${ours} vs ${theirs}`);

  let disposed = false;
  const copy: PlainCopy = {
    db,
    file,
    dispose() {
      if (disposed) return;
      disposed = true;
      copies.delete(source);
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  copies.set(source, copy);
  return copy;
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    readSync(fd, header, 0, header.length, 0);
    return header;
  } finally {
    closeSync(fd);
  }
}

/**
 * The connection of the vault a service is bound to. The seeded vaults hand out services only, so the
 * vault is found by watching which VaultService `call` asks for its database; the watch is in place
 * only while `call` runs, so measured calls pay nothing for it.
 */
export async function connectionBehind(call: () => Promise<unknown>): Promise<Sqlite> {
  const seen = new Set<VaultService>();
  const database = Object.getOwnPropertyDescriptor(VaultService.prototype, 'database')!;
  Object.defineProperty(VaultService.prototype, 'database', {
    ...database,
    value(this: VaultService) {
      seen.add(this);
      return (database.value as VaultService['database']).call(this);
    },
  });
  try {
    await call();
  } finally {
    Object.defineProperty(VaultService.prototype, 'database', database);
  }
  const [vault, ...others] = seen;
  if (!vault || others.length > 0) throw new Error(`expected the call to read one vault, it read ${seen.size}`);
  return vault.connection();
}
