import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder } from './support/files-under';
import { newVaultService, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

const dir = tempDir();
afterAll(() => removeDir(dir));


function containsCanary(file: string, canary: Buffer): boolean {
  try {
    if (statSync(file).size > 256 * 1024 * 1024) return false;
    return readFileSync(file).includes(canary);
  } catch {
    return false;
  }
}

function firstBytes(file: string, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, 0);
    return buffer;
  } finally {
    closeSync(fd);
  }
}

describe('data at rest', () => {
  it.skipIf(process.platform === 'win32')('makes the vault folder owner-only (0700), also one that already existed with another mode', async () => {
    const own = tempDir();
    try {
      chmodSync(own, 0o755);
      const vault = newVaultService(own);
      await vault.create(PASSPHRASE);
      expect((statSync(own).mode & 0o777).toString(8)).toBe('700');
      vault.lock('user');
      // Loosened again while locked (a copy, a sync tool): the next unlock sets it back.
      chmodSync(own, 0o755);
      await vault.unlock(PASSPHRASE);
      expect((statSync(own).mode & 0o777).toString(8)).toBe('700');
      vault.lock('user');
    } finally {
      await removeDir(own);
    }
  });

  it('never writes a stored string in plaintext to the vault folder or the temp folder', async () => {
    const canary = `CANARY-${randomBytes(12).toString('hex')}`;
    const vault = newVaultService(dir);
    await vault.create(PASSPHRASE);
    await vault
      .database()
      .insertInto('settings')
      .values({ key: 'canary', value: JSON.stringify(canary.repeat(50)), updated_at: new Date().toISOString() })
      .execute();

    const needle = Buffer.from(canary, 'utf8');
    // While open, the new page sits in the write-ahead log: that must be encrypted too.
    const openFiles = readdirSync(dir);
    expect(openFiles).toContain('vault.db-wal');
    for (const name of openFiles) expect(containsCanary(path.join(dir, name), needle), name).toBe(false);

    vault.lock('user');
    const files = readdirSync(dir);
    expect(files).toEqual(expect.arrayContaining(['vault.db', 'vault-header.json']));
    for (const name of files) expect(containsCanary(path.join(dir, name), needle), name).toBe(false);
    for (const file of filesUnder(os.tmpdir())) expect(containsCanary(file, needle), file).toBe(false);

    expect(firstBytes(path.join(dir, 'vault.db'), 16).toString('latin1')).not.toBe('SQLite format 3\0');
    if (process.platform !== 'win32') {
      // Other accounts on the computer cannot even copy the files.
      for (const name of files) expect((statSync(path.join(dir, name)).mode & 0o777).toString(8), name).toBe('600');
    }

    // And the value really was stored: it comes back after unlocking.
    await vault.unlock(PASSPHRASE);
    const row = await vault.database().selectFrom('settings').select('value').where('key', '=', 'canary').executeTakeFirst();
    expect(JSON.parse(row?.value ?? '""')).toContain(canary);
    vault.lock('user');
  });
});
