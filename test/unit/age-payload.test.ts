import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Decrypter, Encrypter, type Identity } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_DATABASE_ENTRY, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_MANIFEST_ENTRY, type BackupManifest } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { openHeader, sealHeader } from '../../electron/services/backup/age-header';
import { CHUNK_CIPHER_BYTES, PayloadDecrypter, PayloadEncrypter, payloadKey } from '../../electron/services/backup/age-payload';
import { writeArchiveFile } from '../../electron/services/backup/archive-file';
import { readBackupFile } from '../../electron/services/backup/backup-reader';
import { NativeScryptIdentity, NativeScryptRecipient } from '../../electron/services/backup/native-scrypt';
import { removeDir, tempDir } from './support/temp-vault';

/*
 * The backup payload is encrypted with Node's ChaCha20-Poly1305 (age-payload.ts) instead of the
 * age-encryption package's. These tests hold it to the package: each reads the other's files, at
 * every chunk boundary, and damage the package would refuse is refused here with the backup messages.
 */
const PASSPHRASE = 'lantern copper orchard meadow 41';
const CHUNK = 64 * 1024;
/** Around and on the 64 KiB chunk boundaries, where the last-chunk rule matters. */
const SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 12_345];

/** Feeds `plain` in uneven pieces, as files and tar streams hand them over. */
function* pieces(bytes: Uint8Array): Generator<Uint8Array> {
  const sizes = [7, 70_000, 1, 65_536, 4_096, 200_003];
  for (let offset = 0, i = 0; offset < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
}

function encryptPayload(fileKey: Uint8Array, nonce: Uint8Array, plain: Uint8Array): Buffer {
  const encrypter = new PayloadEncrypter(fileKey, nonce);
  const out: Buffer[] = [];
  for (const piece of pieces(plain)) out.push(...encrypter.push(piece));
  out.push(...encrypter.finish());
  return Buffer.concat(out);
}

function decryptPayload(fileKey: Uint8Array, nonce: Uint8Array, payload: Uint8Array): Buffer {
  const decrypter = new PayloadDecrypter(fileKey, nonce);
  const out: Buffer[] = [];
  for (const piece of pieces(payload)) out.push(...decrypter.push(piece));
  out.push(decrypter.finish());
  return Buffer.concat(out);
}

/** The header's length: up to and including the newline that ends the MAC line. */
function headerLength(file: Uint8Array): number {
  const bytes = Buffer.from(file);
  const mac = bytes.indexOf('\n--- ');
  return bytes.indexOf(0x0a, mac + 1) + 1;
}

/** Unwraps the one header's file key once (real scrypt), then lets the package check MAC and payload of each file. */
function onceIdentity(): Identity {
  const cache = new Map<string, Uint8Array | null>();
  const native = new NativeScryptIdentity(PASSPHRASE);
  return {
    async unwrapFileKey(stanzas) {
      const key = JSON.stringify(stanzas.map((s) => [s.args, Buffer.from(s.body).toString('base64')]));
      if (!cache.has(key)) cache.set(key, await native.unwrapFileKey(stanzas));
      // A copy: the reader wipes the key it is given.
      const found = cache.get(key) ?? null;
      return found === null ? null : Uint8Array.from(found);
    },
  };
}

describe('the native age payload', () => {
  it('is read by the age-encryption package at every chunk boundary', async () => {
    const { header, fileKey } = await sealHeader(new NativeScryptRecipient(PASSPHRASE, 18));
    const identity = onceIdentity();
    for (const size of SIZES) {
      const plain = randomBytes(size);
      const nonce = randomBytes(16);
      const file = Buffer.concat([header, nonce, encryptPayload(fileKey, nonce, plain)]);
      expect(file.length).toBe(header.length + 16 + size + 16 * Math.max(1, Math.ceil(size / CHUNK)));
      const decrypter = new Decrypter();
      decrypter.addIdentity(identity);
      expect(Buffer.from(await decrypter.decrypt(file)).equals(plain), `size ${size}`).toBe(true);
    }
  });

  it('holding the first chunk back: the package reads the edited first chunk, placed first, at every chunk boundary', async () => {
    const { header, fileKey } = await sealHeader(new NativeScryptRecipient(PASSPHRASE, 18));
    const identity = onceIdentity();
    for (const size of SIZES) {
      const plain = randomBytes(size);
      const nonce = randomBytes(16);
      const encrypter = new PayloadEncrypter(fileKey, nonce, { holdFirstChunk: true });
      const rest: Buffer[] = [];
      for (const piece of pieces(plain)) rest.push(...encrypter.push(piece));
      rest.push(...encrypter.finish());
      const edited = Buffer.from(plain);
      edited.fill(0x2a, 0, Math.min(size, 100));
      const first = encrypter.sealHeldChunk((chunk) => {
        expect(chunk.equals(plain.subarray(0, CHUNK)), `size ${size}: the held chunk is the payload's first`).toBe(true);
        chunk.fill(0x2a, 0, Math.min(size, 100));
      });
      const file = Buffer.concat([header, nonce, ...first, ...rest]);
      expect(file.length).toBe(header.length + 16 + size + 16 * Math.max(1, Math.ceil(size / CHUNK)));
      const decrypter = new Decrypter();
      decrypter.addIdentity(identity);
      expect(Buffer.from(await decrypter.decrypt(file)).equals(edited), `size ${size}`).toBe(true);
      expect(() => encrypter.sealHeldChunk(() => undefined)).toThrow(/no first chunk is held/);
    }
  });

  it('reads what the age-encryption package writes', async () => {
    for (const size of [0, CHUNK, 2 * CHUNK + 3]) {
      const plain = randomBytes(size);
      const encrypter = new Encrypter();
      encrypter.addRecipient(new NativeScryptRecipient(PASSPHRASE, 18));
      const file = await encrypter.encrypt(plain);
      const headerEnd = headerLength(file);
      const fileKey = await openHeader(file.subarray(0, headerEnd), new NativeScryptIdentity(PASSPHRASE));
      const nonce = file.subarray(headerEnd, headerEnd + 16);
      expect(decryptPayload(fileKey, nonce, file.subarray(headerEnd + 16)).equals(plain), `size ${size}`).toBe(true);
    }
  });

  it('refuses an empty final chunk after full ones, a missing last-chunk flag, and a cut at a chunk boundary', () => {
    const fileKey = randomBytes(16);
    const nonce = randomBytes(16);
    const key = payloadKey(fileKey, nonce);
    const seal = (counter: number, last: boolean, plain: Uint8Array) => {
      const chunkNonce = Buffer.alloc(12);
      chunkNonce.writeUInt32BE(counter, 7);
      chunkNonce[11] = last ? 1 : 0;
      const cipher = createCipheriv('chacha20-poly1305', key, chunkNonce, { authTagLength: 16 });
      return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    };
    const full = randomBytes(CHUNK);
    // What the package writes for exactly one chunk, which both must read.
    expect(decryptPayload(fileKey, nonce, seal(0, true, full)).equals(full)).toBe(true);
    // Forged with the right key, still not age: the final chunk may be empty only if it is the only one.
    expect(() => decryptPayload(fileKey, nonce, Buffer.concat([seal(0, false, full), seal(1, true, Buffer.alloc(0))]))).toThrow(/failed authentication/);
    // Two chunks, neither flagged last: the file was cut after the first.
    expect(() => decryptPayload(fileKey, nonce, Buffer.concat([seal(0, false, full), seal(1, false, full)]))).toThrow(/failed authentication/);
    expect(() => decryptPayload(fileKey, nonce, seal(0, false, full))).toThrow(/failed authentication/);
    expect(() => decryptPayload(fileKey, nonce, Buffer.alloc(0))).toThrow(/failed authentication/);
  });
});

describe('a damaged backup payload gets the backup messages', () => {
  let folder: string;
  let file: Buffer;
  let headerEnd: number;
  let identity: Identity;

  beforeAll(async () => {
    folder = tempDir('alliance-age-payload-');
    // A database entry of 20 chunks: its content is not checked by readBackupFile, its size and hash are.
    const database = randomBytes(20 * CHUNK);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: 'test',
      schemaVersion: 'test',
      createdAt: new Date().toISOString(),
      database: { file: BACKUP_DATABASE_ENTRY, bytes: database.length, sha256: createHash('sha256').update(database).digest('hex') },
      counts: {},
    };
    const written = await writeArchiveFile({
      file: path.join(folder, 'payload.age'),
      entries: [
        { name: BACKUP_MANIFEST_ENTRY, data: Buffer.from(JSON.stringify(manifest)) },
        { name: BACKUP_DATABASE_ENTRY, data: database },
      ],
      passphrase: PASSPHRASE,
    });
    file = readFileSync(written.path);
    headerEnd = headerLength(file);
    identity = onceIdentity();
    const read = await readBackupFile(written.path, PASSPHRASE, { identity });
    expect(read.database.equals(database)).toBe(true);
  });
  afterAll(async () => {
    await removeDir(folder);
  });

  const chunkAt = (index: number) => headerEnd + 16 + index * CHUNK_CIPHER_BYTES;
  async function refusal(bytes: Buffer): Promise<AppError> {
    const damaged = path.join(folder, `damaged-${randomBytes(4).toString('hex')}.age`);
    writeFileSync(damaged, bytes);
    const error = await readBackupFile(damaged, PASSPHRASE, { identity }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it('a flipped byte in a middle chunk: damaged, at about that chunk', async () => {
    const flipped = Buffer.from(file);
    flipped[chunkAt(7) + 100]! ^= 0x01;
    const error = await refusal(flipped);
    expect(error.code).toBe('BACKUP_CORRUPT');
    expect(error.message).toMatch(/^The backup is damaged \(at about 0\.4 MB into the file\)/);
  });

  it('two chunks swapped: damaged, at the first of them', async () => {
    const swapped = Buffer.concat([
      file.subarray(0, chunkAt(5)),
      file.subarray(chunkAt(6), chunkAt(7)),
      file.subarray(chunkAt(5), chunkAt(6)),
      file.subarray(chunkAt(7)),
    ]);
    expect(swapped.length).toBe(file.length);
    const error = await refusal(swapped);
    expect(error.code).toBe('BACKUP_CORRUPT');
    expect(error.message).toMatch(/^The backup is damaged \(at about 0\.3 MB into the file\)/);
  });

  it('cut at a chunk boundary, or a chunk dropped from the middle: incomplete or damaged, never a shorter backup', async () => {
    const cut = await refusal(file.subarray(0, chunkAt(12)));
    expect(cut.message).toMatch(/^The backup is incomplete: it ends early/);
    const dropped = await refusal(Buffer.concat([file.subarray(0, chunkAt(3)), file.subarray(chunkAt(4))]));
    expect(dropped.message).toMatch(/^The backup is (incomplete|damaged)/);
  });

  it('bytes appended after the final chunk: damaged', async () => {
    const error = await refusal(Buffer.concat([file, randomBytes(40)]));
    expect(error.code).toBe('BACKUP_CORRUPT');
    expect(error.message).toMatch(/^The backup is damaged/);
  });
});
