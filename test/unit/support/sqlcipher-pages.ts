import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deriveKeyFromPassphrase } from '../../../electron/services/vault/kdf';
import { unwrapKey } from '../../../electron/services/vault/key-wrap';
import { DATABASE_FILE, passphraseAad, readHeader } from '../../../electron/services/vault/vault-header';

// SQLCipher 4 defaults, which the vault uses (legacy=4): 4 KiB pages, each ending in a 16-byte IV and
// a 64-byte HMAC-SHA512; page 1 starts with the 16-byte plaintext salt.
const PAGE_SIZE = 4096;
const RESERVE = 80;
const IV_SIZE = 16;
const SALT_SIZE = 16;
const WAL_HEADER = 32;
const WAL_FRAME_HEADER = 24;

/** The raw 32-byte database key, unwrapped from the header with the passphrase as the app does. */
export async function dataKeyFor(vaultDir: string, passphrase: string): Promise<Buffer> {
  const read = await readHeader(vaultDir);
  if (read.kind !== 'ok') throw new Error(`vault header: ${read.kind}`);
  const { header } = read;
  const key = unwrapKey(await deriveKeyFromPassphrase(passphrase, header.kdf), header.passphraseSlot.wrapped, passphraseAad(header.vaultId));
  if (!key) throw new Error('wrong passphrase');
  return key;
}

/** Decrypts one page independently of SQLite: AES-256-CBC with the page's own IV, no padding. */
export function decryptPage(page: Buffer, pageNumber: number, key: Buffer): Buffer {
  const start = pageNumber === 1 ? SALT_SIZE : 0;
  const iv = page.subarray(PAGE_SIZE - RESERVE, PAGE_SIZE - RESERVE + IV_SIZE);
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, PAGE_SIZE - RESERVE)), decipher.final()]);
}

/**
 * Every page of vault.db and every frame of its WAL, decrypted and concatenated: what someone holding
 * the key could read from the files, including free pages and unused space SQL never shows.
 */
export async function plaintextPages(vaultDir: string, passphrase: string): Promise<Buffer> {
  const key = await dataKeyFor(vaultDir, passphrase);
  const out: Buffer[] = [];
  const db = readFileSync(path.join(vaultDir, DATABASE_FILE));
  for (let offset = 0; offset + PAGE_SIZE <= db.length; offset += PAGE_SIZE) {
    out.push(decryptPage(db.subarray(offset, offset + PAGE_SIZE), offset / PAGE_SIZE + 1, key));
  }
  const walFile = path.join(vaultDir, `${DATABASE_FILE}-wal`);
  if (existsSync(walFile)) {
    const wal = readFileSync(walFile);
    for (let offset = WAL_HEADER; offset + WAL_FRAME_HEADER + PAGE_SIZE <= wal.length; offset += WAL_FRAME_HEADER + PAGE_SIZE) {
      const pageNumber = wal.readUInt32BE(offset);
      const page = wal.subarray(offset + WAL_FRAME_HEADER, offset + WAL_FRAME_HEADER + PAGE_SIZE);
      out.push(decryptPage(page, pageNumber, key));
    }
  }
  return Buffer.concat(out);
}
