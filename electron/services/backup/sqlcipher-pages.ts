import { createCipheriv, createDecipheriv, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * SQLCipher 4's page format, for a raw 256-bit key, as sqlite3mc writes it with `cipher=sqlcipher,
 * legacy=4` (and as Zetetic's SQLCipher reads it):
 *   - the file starts with a random 16-byte salt, in place of page 1's "SQLite format 3\0";
 *   - every page ends in `reserve` = 80 bytes: a random 16-byte IV, then HMAC-SHA512 of
 *     (ciphertext ‖ IV ‖ page number as 4 bytes little-endian);
 *   - the rest of the page (page 1 from byte 16) is AES-256-CBC without padding under the key;
 *   - the HMAC key is PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations, 32 bytes).
 * Backup and restore stream pages through this instead of asking SQLite for a vault-sized image in
 * memory: a backup reads a consistent snapshot of vault.db page by page, a restore writes the staged
 * vault page by page. SQLite then opens every file written here and checks it before it is used.
 */

export const SQLCIPHER_SALT_BYTES = 16;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
/** IV + HMAC, the reserved bytes at the end of every page; page 1's header records it at offset 20. */
export const SQLCIPHER_RESERVE_BYTES = IV_BYTES + HMAC_BYTES;
const HMAC_SALT_MASK = 0x3a;
const IVS_PER_DRAW = 4096;
const FAST_KDF_ITERATIONS = 2;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const PAGE_SIZE_OFFSET = 16;
const RESERVE_OFFSET = 20;

export class PageAuthenticationError extends Error {
  constructor(readonly page: number) {
    super(`page ${page} failed authentication`);
  }
}

/** Page size and reserved bytes from a plain page 1; null when it is not a SQLite header. */
export function plainPageLayout(page1: Buffer): { pageSize: number; reserve: number } | null {
  if (page1.length < 100 || !page1.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) return null;
  const raw = page1.readUInt16BE(PAGE_SIZE_OFFSET);
  // The header stores 65536 as 1.
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return null;
  return { pageSize, reserve: page1[RESERVE_OFFSET]! };
}

/** One file's page cipher: the data key and that file's salt. */
export class SqlcipherPages {
  private readonly hmacKey: Buffer;
  /** Random IVs drawn a few thousand at a time: one randomBytes call per page costs a tenth of the encryption. */
  private ivPool = Buffer.alloc(0);
  private ivUsed = 0;
  private readonly pageNumberBytes = Buffer.alloc(4);

  constructor(
    private readonly key: Buffer,
    readonly salt: Buffer,
    readonly pageSize: number,
  ) {
    if (key.length !== 32) throw new Error('data key must be 32 bytes');
    if (salt.length !== SQLCIPHER_SALT_BYTES) throw new Error('salt must be 16 bytes');
    const hmacSalt = Buffer.from(salt.map((byte) => byte ^ HMAC_SALT_MASK));
    this.hmacKey = pbkdf2Sync(key, hmacSalt, FAST_KDF_ITERATIONS, 32, 'sha512');
  }

  /** A cipher for a new file: a fresh random salt. */
  static forNewFile(key: Buffer, pageSize: number): SqlcipherPages {
    return new SqlcipherPages(key, randomBytes(SQLCIPHER_SALT_BYTES), pageSize);
  }

  /** A cipher for an existing file, from its first 16 bytes. */
  static forFile(key: Buffer, firstBytes: Buffer, pageSize: number): SqlcipherPages {
    return new SqlcipherPages(key, Buffer.from(firstBytes.subarray(0, SQLCIPHER_SALT_BYTES)), pageSize);
  }

  /**
   * Decrypts page `pageNumber` (1-based) into `plain`, after checking its HMAC. Page 1 comes back with
   * SQLite's own header in its first 16 bytes; the reserved bytes come back as zeros.
   */
  decryptPage(cipherPage: Buffer, pageNumber: number, plain: Buffer): void {
    const { pageSize } = this;
    if (cipherPage.length !== pageSize || plain.length !== pageSize) throw new Error('page size mismatch');
    const start = pageNumber === 1 ? SQLCIPHER_SALT_BYTES : 0;
    const end = pageSize - SQLCIPHER_RESERVE_BYTES;
    const body = cipherPage.subarray(start, end);
    const iv = cipherPage.subarray(end, end + IV_BYTES);
    const mac = cipherPage.subarray(end + IV_BYTES, pageSize);
    if (!timingSafeEqual(this.mac(body, iv, pageNumber), mac)) throw new PageAuthenticationError(pageNumber);
    const decipher = createDecipheriv('aes-256-cbc', this.key, iv).setAutoPadding(false);
    const written = decipher.update(body);
    written.copy(plain, start);
    decipher.final();
    written.fill(0);
    if (pageNumber === 1) SQLITE_HEADER.copy(plain, 0);
    plain.fill(0, end);
  }

  /** Encrypts plain page `pageNumber` (1-based) into `cipherPage`, with a fresh IV. */
  encryptPage(plain: Buffer, pageNumber: number, cipherPage: Buffer): void {
    const { pageSize } = this;
    if (cipherPage.length !== pageSize || plain.length !== pageSize) throw new Error('page size mismatch');
    const start = pageNumber === 1 ? SQLCIPHER_SALT_BYTES : 0;
    const end = pageSize - SQLCIPHER_RESERVE_BYTES;
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-cbc', this.key, iv).setAutoPadding(false);
    const body = cipher.update(plain.subarray(start, end));
    cipher.final();
    if (pageNumber === 1) this.salt.copy(cipherPage, 0);
    body.copy(cipherPage, start);
    iv.copy(cipherPage, end);
    this.mac(body, iv, pageNumber).copy(cipherPage, end + IV_BYTES);
  }

  /** Wipes the derived HMAC key; the data key belongs to the caller. */
  dispose(): void {
    this.hmacKey.fill(0);
    this.ivPool.fill(0);
  }

  private nextIv(): Buffer {
    if (this.ivUsed + IV_BYTES > this.ivPool.length) {
      this.ivPool = randomBytes(IV_BYTES * IVS_PER_DRAW);
      this.ivUsed = 0;
    }
    const iv = this.ivPool.subarray(this.ivUsed, this.ivUsed + IV_BYTES);
    this.ivUsed += IV_BYTES;
    return iv;
  }

  private mac(body: Buffer, iv: Buffer, pageNumber: number): Buffer {
    this.pageNumberBytes.writeUInt32LE(pageNumber);
    return createHmac('sha512', this.hmacKey).update(body).update(iv).update(this.pageNumberBytes).digest();
  }
}
