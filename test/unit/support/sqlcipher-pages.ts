import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deriveKeyFromPassphrase } from '../../../electron/services/vault/kdf';
import { unwrapKey } from '../../../electron/services/vault/key-wrap';
import { DATABASE_FILE, passphraseAad, readHeader } from '../../../electron/services/vault/vault-header';

/*
 * A test-only reader for the vault's SQLCipher 4 files (sqlite3mc, cipher=sqlcipher, legacy=4, raw key),
 * independent of SQLite, so a test can look at every byte someone holding the key could read: free
 * pages, freeblocks and unused space inside pages, and stale WAL frames, none of which SQL shows.
 *
 * Layout, checked against files the app writes (see sqlcipher-pages.test.ts):
 * - 4096-byte pages; the last 80 bytes of each are a 16-byte IV and a 64-byte HMAC-SHA512.
 * - Bytes [0, 4016) of a page are AES-256-CBC (no padding) under the raw 32-byte data key itself.
 *   Page 1 is the exception: its first 16 bytes are the plaintext file salt (where a plain file has
 *   "SQLite format 3\0") and the encrypted part is [16, 4016).
 * - HMAC-SHA512 over ciphertext || IV || page number (4 bytes, little-endian), keyed with
 *   PBKDF2-HMAC-SHA512(data key, salt XOR 0x3a per byte, 2 iterations, 32 bytes).
 * - The WAL (32-byte header, then frames of a 24-byte header and one page) is plaintext SQLite framing
 *   around pages encrypted exactly as in vault.db, under the page number in the frame header; frames
 *   of page 1 carry the salt in their first 16 bytes too.
 *
 * Every page must pass its HMAC, so a wrong key or a misread layout fails loudly instead of producing
 * noise that would make an "is the text gone?" check pass vacuously.
 */

export const PAGE_SIZE = 4096;
export const RESERVE_SIZE = 80;
const IV_SIZE = 16;
const HMAC_SIZE = 64;
const SALT_SIZE = 16;
const HMAC_SALT_MASK = 0x3a;
const HMAC_KDF_ITERATIONS = 2;
const WAL_HEADER_SIZE = 32;
const WAL_FRAME_HEADER_SIZE = 24;
const WAL_FRAME_SIZE = WAL_FRAME_HEADER_SIZE + PAGE_SIZE;
const WAL_MAGIC = [0x377f0682, 0x377f0683];
const SQLITE_FILE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const CONTENT_SIZE = PAGE_SIZE - RESERVE_SIZE;

/** The raw 32-byte database key, unwrapped from vault-header.json with the passphrase, as the app does. */
export async function dataKeyFor(vaultDir: string, passphrase: string): Promise<Buffer> {
  const read = await readHeader(vaultDir);
  if (read.kind !== 'ok') throw new Error(`vault header: ${read.kind}`);
  const { header } = read;
  const kek = await deriveKeyFromPassphrase(passphrase, header.kdf);
  const key = unwrapKey(kek, header.passphraseSlot.wrapped, passphraseAad(header.vaultId));
  kek.fill(0);
  if (!key) throw new Error('wrong passphrase');
  return key;
}

/** The keys for one database: AES key (the raw data key) and the HMAC key derived from it and the salt. */
export interface PageKeys {
  key: Buffer;
  salt: Buffer;
  hmacKey: Buffer;
}

export function pageKeys(key: Buffer, salt: Buffer): PageKeys {
  if (key.length !== 32) throw new Error('the data key must be 32 bytes');
  if (salt.length !== SALT_SIZE) throw new Error('the file salt must be 16 bytes');
  const hmacSalt = Buffer.from(salt.map((byte) => byte ^ HMAC_SALT_MASK));
  return { key, salt: Buffer.from(salt), hmacKey: pbkdf2Sync(key, hmacSalt, HMAC_KDF_ITERATIONS, 32, 'sha512') };
}

const isAllZero = (bytes: Buffer): boolean => bytes.every((byte) => byte === 0);

/**
 * Checks the page's HMAC and decrypts it. Returns the 4096-byte plaintext page as SQLite sees it: page 1
 * starts with "SQLite format 3\0" again, and the 80 reserved bytes (IV and HMAC) are zeroed, so the
 * decrypted pages of vault.db, in order, form a plain SQLite database file. A page that is all zero bytes
 * on disk (never written) is returned as is.
 */
export function decryptPage(page: Buffer, pageNumber: number, keys: PageKeys, where = `page ${pageNumber}`): Buffer {
  if (page.length !== PAGE_SIZE) throw new Error(`${where}: ${page.length} bytes, expected ${PAGE_SIZE}`);
  if (isAllZero(page)) return Buffer.alloc(PAGE_SIZE);
  const start = pageNumber === 1 ? SALT_SIZE : 0;
  if (pageNumber === 1 && !page.subarray(0, SALT_SIZE).equals(keys.salt)) throw new Error(`${where}: page 1 does not start with the file salt`);
  const ciphertext = page.subarray(start, CONTENT_SIZE);
  const iv = page.subarray(CONTENT_SIZE, CONTENT_SIZE + IV_SIZE);
  const stored = page.subarray(CONTENT_SIZE + IV_SIZE, CONTENT_SIZE + IV_SIZE + HMAC_SIZE);
  const pageNumberLE = Buffer.alloc(4);
  pageNumberLE.writeUInt32LE(pageNumber);
  const expected = createHmac('sha512', keys.hmacKey).update(ciphertext).update(iv).update(pageNumberLE).digest();
  if (!timingSafeEqual(stored, expected)) throw new Error(`${where}: HMAC mismatch (wrong key, wrong page number, or damaged page)`);
  const decipher = createDecipheriv('aes-256-cbc', keys.key, iv).setAutoPadding(false);
  const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  const out = Buffer.alloc(PAGE_SIZE);
  if (pageNumber === 1) SQLITE_FILE_HEADER.copy(out, 0);
  plaintext.copy(out, start);
  if (pageNumber === 1) assertSaneHeader(out, where);
  return out;
}

function assertSaneHeader(page1: Buffer, where: string): void {
  const pageSize = page1.readUInt16BE(16);
  const reserve = page1.readUInt8(20);
  if (pageSize !== PAGE_SIZE || reserve !== RESERVE_SIZE) {
    throw new Error(`${where}: decrypted header says page size ${pageSize} and reserve ${reserve}, expected ${PAGE_SIZE} and ${RESERVE_SIZE}`);
  }
}

/** The salt from the first 16 bytes of page 1: from vault.db, or from a WAL frame of page 1 if vault.db is still empty. */
export function fileSalt(db: Buffer, wal: Buffer): Buffer {
  if (db.length >= SALT_SIZE) return Buffer.from(db.subarray(0, SALT_SIZE));
  for (const frame of walFrames(wal)) {
    if (frame.pageNumber === 1) return Buffer.from(frame.page.subarray(0, SALT_SIZE));
  }
  throw new Error('neither vault.db nor its WAL holds page 1, so there is no salt');
}

/** Decrypts vault.db page by page; the result is a plain SQLite database image of the same length. */
export function decryptDatabase(db: Buffer, keys: PageKeys): Buffer {
  if (db.length % PAGE_SIZE !== 0) throw new Error(`vault.db is ${db.length} bytes, not a whole number of ${PAGE_SIZE}-byte pages`);
  const pages: Buffer[] = [];
  for (let index = 0; index < db.length / PAGE_SIZE; index += 1) {
    const pageNumber = index + 1;
    pages.push(decryptPage(db.subarray(index * PAGE_SIZE, (index + 1) * PAGE_SIZE), pageNumber, keys, `vault.db page ${pageNumber}`));
  }
  return Buffer.concat(pages);
}

export interface WalFrame {
  /** Byte offset of the frame header in the WAL file. */
  offset: number;
  pageNumber: number;
  /** Non-zero on the last frame of a transaction: the database size in pages after the commit. */
  commitSize: number;
  /** False for stale frames left from an earlier WAL generation (salts differ from the WAL header). */
  current: boolean;
  /** The encrypted page as on disk. */
  page: Buffer;
}

/** Every frame in the WAL, stale ones included; a WAL that is not whole frames is an error. */
export function walFrames(wal: Buffer): WalFrame[] {
  if (wal.length === 0) return [];
  if (wal.length < WAL_HEADER_SIZE) throw new Error(`vault.db-wal is ${wal.length} bytes, shorter than its header`);
  const magic = wal.readUInt32BE(0);
  if (!WAL_MAGIC.includes(magic)) throw new Error(`vault.db-wal has magic 0x${magic.toString(16)}, not a WAL`);
  const pageSize = wal.readUInt32BE(8);
  if (pageSize !== PAGE_SIZE) throw new Error(`vault.db-wal says page size ${pageSize}, expected ${PAGE_SIZE}`);
  if ((wal.length - WAL_HEADER_SIZE) % WAL_FRAME_SIZE !== 0) {
    throw new Error(`vault.db-wal is ${wal.length} bytes, not a header and whole ${WAL_FRAME_SIZE}-byte frames`);
  }
  const salts = wal.subarray(16, 24);
  const frames: WalFrame[] = [];
  for (let offset = WAL_HEADER_SIZE; offset < wal.length; offset += WAL_FRAME_SIZE) {
    frames.push({
      offset,
      pageNumber: wal.readUInt32BE(offset),
      commitSize: wal.readUInt32BE(offset + 4),
      current: wal.subarray(offset + 8, offset + 16).equals(salts),
      page: wal.subarray(offset + WAL_FRAME_HEADER_SIZE, offset + WAL_FRAME_SIZE),
    });
  }
  return frames;
}

/** Decrypts every WAL frame, current or stale, each under the page number in its frame header. */
export function decryptWal(wal: Buffer, keys: PageKeys): Buffer[] {
  return walFrames(wal).map((frame) => {
    if (frame.pageNumber === 0) {
      if (isAllZero(frame.page)) return Buffer.alloc(PAGE_SIZE);
      throw new Error(`vault.db-wal frame at ${frame.offset}: page number 0`);
    }
    return decryptPage(frame.page, frame.pageNumber, keys, `vault.db-wal frame at ${frame.offset} (page ${frame.pageNumber})`);
  });
}

const readIfPresent = (file: string): Buffer => (existsSync(file) ? readFileSync(file) : Buffer.alloc(0));

/**
 * Every page of vault.db and every frame of vault.db-wal (if present and non-empty), decrypted and
 * concatenated: the database image first, then the WAL pages in file order. This is what someone holding
 * the key could read from the files, including free pages and unused space SQL never shows.
 */
export async function plaintextPages(vaultDir: string, passphrase: string): Promise<Buffer> {
  const key = await dataKeyFor(vaultDir, passphrase);
  try {
    const db = readIfPresent(path.join(vaultDir, DATABASE_FILE));
    const wal = readIfPresent(path.join(vaultDir, `${DATABASE_FILE}-wal`));
    if (db.length === 0 && wal.length === 0) return Buffer.alloc(0);
    const keys = pageKeys(key, fileSalt(db, wal));
    return Buffer.concat([decryptDatabase(db, keys), ...decryptWal(wal, keys)]);
  } finally {
    key.fill(0);
  }
}
