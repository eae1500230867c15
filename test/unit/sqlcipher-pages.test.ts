import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../electron/services/vault/vault.service';
import { plaintextPages } from './support/sqlcipher-pages';
import { newVaultService, OTHER_PASSPHRASE, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

// The erasure test relies on this reader to see below SQL; these checks show it reads what is there.
const MARKER = 'Marker-Quokka-5521';
let dir: string;
let vault: VaultService;

afterEach(async () => {
  vault.lock('user');
  await removeDir(dir);
});

async function vaultWithMarker(): Promise<void> {
  dir = tempDir();
  vault = newVaultService(dir);
  await vault.create(PASSPHRASE);
  await vault.database().insertInto('settings').values({ key: 'marker-test', value: JSON.stringify(MARKER), updated_at: 'now' }).execute();
}

const rawFiles = () =>
  Buffer.concat(['vault.db', 'vault.db-wal'].map((name) => {
    try {
      return readFileSync(path.join(dir, name));
    } catch {
      return Buffer.alloc(0);
    }
  }));

describe('the test-only SQLCipher page reader', () => {
  it('reads text that is encrypted on disk, while it is only in the WAL and after a checkpoint', async () => {
    await vaultWithMarker();
    expect(rawFiles().includes(MARKER)).toBe(false);
    expect((await plaintextPages(dir, PASSPHRASE)).includes(MARKER)).toBe(true);
    vault.lock('user');
    expect(rawFiles().includes(MARKER)).toBe(false);
    const pages = await plaintextPages(dir, PASSPHRASE);
    expect(pages.includes(MARKER)).toBe(true);
    // Page 1 after its salt: SQLite's header continues with the page size (4096) and 80 reserved bytes.
    expect(pages.readUInt16BE(0)).toBe(4096);
    expect(pages[4]).toBe(80);
    await vault.unlock(PASSPHRASE);
  });

  it('refuses a wrong passphrase', async () => {
    await vaultWithMarker();
    await expect(plaintextPages(dir, OTHER_PASSPHRASE)).rejects.toThrow(/wrong passphrase/);
  });
});
