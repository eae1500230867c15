import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VaultStatus } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { fingerprint, newVaultService, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';
import { openFilesUnder } from './support/open-files';

/**
 * An everyday unlock opens the vault first and runs quick_check on a worker thread (its own connection)
 * afterwards, so a career's worth of notes does not hold up the unlock. These tests hold it to what the
 * check before opening promised: damage still closes the vault and is refused, a damaged file is never
 * migrated, and a lock leaves no connection behind.
 */
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

const PAGE = 4096;

/** A locked vault with `megabytes` of filler after the app's own tables, so damage can sit past them. */
async function lockedVaultWithFiller(megabytes: number): Promise<string> {
  const dir = tempDir();
  dirs.push(dir);
  const vault = newVaultService(dir);
  await vault.create(PASSPHRASE);
  const db = vault.connection();
  db.exec('CREATE TABLE filler (b BLOB)');
  const insert = db.prepare('INSERT INTO filler VALUES (randomblob(65536))');
  db.transaction(() => {
    for (let i = 0; i < megabytes * 16; i++) insert.run();
  })();
  vault.lock('user');
  return dir;
}

/** Overwrites one page near the end of vault.db: far from the pages an unlock itself reads. */
function damageLatePage(dir: string): void {
  const file = path.join(dir, 'vault.db');
  const pages = statSync(file).size / PAGE;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(PAGE, 0x5a), 0, PAGE, (pages - 3) * PAGE);
  closeSync(fd);
}

async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error.code;
}

describe('the integrity check after an everyday unlock', () => {
  it('passes on a sound vault and leaves it open', async () => {
    const dir = await lockedVaultWithFiller(2);
    const vault = newVaultService(dir);
    expect((await vault.unlock(PASSPHRASE)).state).toBe('unlocked');
    await vault.integrityCheckSettled();
    expect(await vault.status()).toMatchObject({ state: 'unlocked', lockReason: null });
    vault.lock('user');
  });

  it('closes the vault when it finds damage, says why, and later unlocks refuse without changing a file', async () => {
    const dir = await lockedVaultWithFiller(2);
    damageLatePage(dir);
    const before = fingerprint(dir);
    const seen: VaultStatus[] = [];
    const vault = newVaultService(dir, { onStatusChange: (status) => seen.push(status) });

    expect((await vault.unlock(PASSPHRASE)).state).toBe('unlocked');
    await vault.integrityCheckSettled();

    expect(await vault.status()).toMatchObject({ state: 'locked', lockReason: 'damaged' });
    // Status changes reach the window asynchronously, in order; the last one says locked, and why.
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ state: 'locked', lockReason: 'damaged' }));
    expect(() => vault.connection()).toThrow(/locked/i);
    // Refused as an unlock that checked first always was: VAULT_DAMAGED, and the unlock screen offers a restore.
    expect(await errorCodeOf(vault.unlock(PASSPHRASE))).toBe('VAULT_DAMAGED');
    expect(fingerprint(dir)).toEqual(before);
    expect(openFilesUnder(dir)).toEqual([]);
  });

  it('checks before migrating: a damaged vault with a migration due is refused and not migrated', async () => {
    const dir = await lockedVaultWithFiller(2);
    // An older vault: the last migration not yet applied.
    const older = newVaultService(dir);
    await older.unlock(PASSPHRASE);
    await older.integrityCheckSettled();
    older.connection().exec(`DROP TABLE backup_history; DELETE FROM schema_migrations WHERE name = '0006_create_backup_history'`);
    older.lock('user');
    damageLatePage(dir);
    const before = fingerprint(dir);

    expect(await errorCodeOf(newVaultService(dir).unlock(PASSPHRASE))).toBe('VAULT_DAMAGED');
    expect(fingerprint(dir)).toEqual(before);
  });

  it('a lock while the check is reading waits until its connection is closed', async () => {
    // Large enough that the check is still reading when the lock comes.
    const dir = await lockedVaultWithFiller(48);
    const vault = newVaultService(dir);
    await vault.unlock(PASSPHRASE);
    const database = path.join(dir, 'vault.db');
    // The check has opened its own connection once the database is held open twice.
    await until(() => openFilesUnder(dir).filter((file) => file === database).length >= 2);
    vault.lock('user');
    expect(openFilesUnder(dir)).toEqual([]);
    expect(existsSync(`${database}-wal`)).toBe(false);
  });

  it('a lock before the check has opened its connection stops it from opening one', async () => {
    const dir = await lockedVaultWithFiller(8);
    const vault = newVaultService(dir);
    await vault.unlock(PASSPHRASE);
    vault.lock('user');
    // Watch long enough for a worker that ignored the lock to have started, opened and read.
    const deadline = Date.now() + 2_000;
    while (Date.now() < deadline) {
      expect(openFilesUnder(dir)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(existsSync(path.join(dir, 'vault.db-wal'))).toBe(false);
    // Unlocking again works, and its own check passes.
    await vault.unlock(PASSPHRASE);
    await vault.integrityCheckSettled();
    expect((await vault.status()).state).toBe('unlocked');
    vault.lock('user');
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the integrity check to open the vault');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
