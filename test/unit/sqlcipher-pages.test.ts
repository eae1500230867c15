import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../electron/services/vault/vault.service';
import {
  dataKeyFor,
  decryptDatabase,
  decryptPage,
  decryptWal,
  fileSalt,
  PAGE_SIZE,
  pageKeys,
  plaintextPages,
  RESERVE_SIZE,
  walFrames,
  type PageKeys,
} from './support/sqlcipher-pages';
import { newVaultService, OTHER_PASSPHRASE, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

// The erasure test relies on this reader to see below SQL; these checks show it reads what is there.
const MARKER = 'Marker-Quokka-5521';
let dir: string;
let vault: VaultService;

afterEach(async () => {
  vault.lock('user');
  await removeDir(dir);
});

async function newVault(): Promise<void> {
  dir = tempDir();
  vault = newVaultService(dir);
  await vault.create(PASSPHRASE);
}

async function insertMarker(key = 'marker-test'): Promise<void> {
  await vault.database().insertInto('settings').values({ key, value: JSON.stringify(MARKER), updated_at: 'now' }).execute();
}

async function deleteMarker(key = 'marker-test'): Promise<void> {
  await vault.database().deleteFrom('settings').where('key', '=', key).execute();
}

const file = (name: string) => path.join(dir, name);
const read = (name: string) => (existsSync(file(name)) ? readFileSync(file(name)) : Buffer.alloc(0));
const rawFiles = () => Buffer.concat([read('vault.db'), read('vault.db-wal')]);

async function keysFor(): Promise<PageKeys> {
  return pageKeys(await dataKeyFor(dir, PASSPHRASE), fileSalt(read('vault.db'), read('vault.db-wal')));
}

/** Opens a decrypted vault.db image with plain SQLite (no key), switched from WAL to rollback mode. */
function openPlain(image: Buffer): Database.Database {
  const copy = Buffer.from(image);
  copy[18] = 1;
  copy[19] = 1;
  return new Database(copy);
}

describe('the test-only SQLCipher page reader', () => {
  it('reads text that is encrypted on disk while it is only in the WAL', async () => {
    await newVault();
    await insertMarker();
    expect(statSync(file('vault.db-wal')).size).toBeGreaterThan(0);
    expect(rawFiles().includes(MARKER)).toBe(false);

    expect((await plaintextPages(dir, PASSPHRASE)).includes(MARKER)).toBe(true);
    const keys = await keysFor();
    expect(decryptDatabase(read('vault.db'), keys).includes(MARKER)).toBe(false);
    expect(decryptWal(read('vault.db-wal'), keys).some((page) => page.includes(MARKER))).toBe(true);
  });

  it('reads it from vault.db after locking checkpoints the WAL, and the pages form a valid plain database', async () => {
    await newVault();
    await insertMarker();
    vault.lock('user');
    expect(existsSync(file('vault.db-wal')) ? statSync(file('vault.db-wal')).size : 0).toBe(0);
    const db = read('vault.db');
    expect(db.includes(MARKER)).toBe(false);

    const pages = await plaintextPages(dir, PASSPHRASE);
    expect(pages.length).toBe(db.length);
    expect(pages.includes(MARKER)).toBe(true);

    // Page 1 decrypts to a sane SQLite header: magic, page size, WAL versions, reserve, payload fractions.
    expect(pages.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(pages.readUInt16BE(16)).toBe(PAGE_SIZE);
    expect([pages[18], pages[19]]).toEqual([2, 2]);
    expect(pages[20]).toBe(RESERVE_SIZE);
    expect([pages[21], pages[22], pages[23]]).toEqual([64, 32, 32]);
    expect(pages.readUInt32BE(28)).toBe(db.length / PAGE_SIZE);
    expect(pages.readUInt32BE(92)).toBe(pages.readUInt32BE(24));

    // Every page decrypted correctly: plain SQLite, without any key, checks and reads the whole image.
    const plain = openPlain(pages);
    try {
      expect(plain.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(plain.prepare(`SELECT value FROM settings WHERE key = 'marker-test'`).pluck().get()).toBe(JSON.stringify(MARKER));
    } finally {
      plain.close();
    }
    await vault.unlock(PASSPHRASE);
  });

  it('also reads the WAL when it exists but is empty after a truncating checkpoint', async () => {
    await newVault();
    await insertMarker();
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(vault.database());
    expect(statSync(file('vault.db-wal')).size).toBe(0);
    expect((await plaintextPages(dir, PASSPHRASE)).includes(MARKER)).toBe(true);
  });

  it('sees deleted text that SQL no longer shows, left in free space inside a page', async () => {
    await newVault();
    await sql`PRAGMA secure_delete = OFF`.execute(vault.database());
    await insertMarker();
    await deleteMarker();
    vault.lock('user');
    const pages = await plaintextPages(dir, PASSPHRASE);
    const plain = openPlain(pages);
    try {
      expect(plain.prepare(`SELECT count(*) FROM settings WHERE value LIKE '%Quokka%'`).pluck().get()).toBe(0);
    } finally {
      plain.close();
    }
    expect(pages.includes(MARKER)).toBe(true);
    await vault.unlock(PASSPHRASE);
  });

  it('finds nothing once the app\'s secure_delete has zeroed the deleted row and the WAL is checkpointed', async () => {
    await newVault();
    await insertMarker();
    await deleteMarker();
    vault.lock('user');
    expect((await plaintextPages(dir, PASSPHRASE)).includes(MARKER)).toBe(false);
    await vault.unlock(PASSPHRASE);
  });

  it('reads stale WAL frames that a restarted WAL left behind', async () => {
    await newVault();
    await insertMarker();
    await deleteMarker();
    // Copies the pages (the deleted row zeroed by secure_delete) into vault.db but keeps the WAL file;
    // the next write starts the WAL over from its first frame, leaving the later frames stale.
    await sql`PRAGMA wal_checkpoint(RESTART)`.execute(vault.database());
    await vault.database().insertInto('settings').values({ key: 'after-restart', value: '1', updated_at: 'now' }).execute();

    const frames = walFrames(read('vault.db-wal'));
    expect(frames.some((frame) => frame.current)).toBe(true);
    expect(frames.some((frame) => !frame.current)).toBe(true);
    const keys = await keysFor();
    expect(decryptDatabase(read('vault.db'), keys).includes(MARKER)).toBe(false);
    const walPages = decryptWal(read('vault.db-wal'), keys);
    const hits = frames.filter((_, index) => walPages[index]?.includes(MARKER));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((frame) => !frame.current)).toBe(true);
    expect((await plaintextPages(dir, PASSPHRASE)).includes(MARKER)).toBe(true);
  });

  it('refuses a wrong passphrase', async () => {
    await newVault();
    await insertMarker();
    await expect(plaintextPages(dir, OTHER_PASSPHRASE)).rejects.toThrow(/wrong passphrase/);
  });

  it('fails on a wrong key or a changed byte instead of returning noise', async () => {
    await newVault();
    await insertMarker();
    vault.lock('user');
    const db = read('vault.db');
    const keys = await keysFor();
    expect(() => decryptDatabase(db, pageKeys(randomBytes(32), keys.salt))).toThrow(/vault\.db page 1: HMAC mismatch/);

    const page2 = Buffer.from(db.subarray(PAGE_SIZE, 2 * PAGE_SIZE));
    expect(() => decryptPage(page2, 3, keys)).toThrow(/HMAC mismatch/);
    page2[100] = (page2[100] ?? 0) ^ 1;
    expect(() => decryptPage(page2, 2, keys)).toThrow(/HMAC mismatch/);
    await vault.unlock(PASSPHRASE);
  });
});
