import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';

/*
 * age's payload (age-encryption.org/v1, "Payload"): the file key and a random 16-byte nonce give the
 * payload key by HKDF-SHA-256 (info "payload"); the plaintext is cut into 64 KiB chunks, each sealed with
 * ChaCha20-Poly1305 under a 12-byte nonce of an 11-byte big-endian chunk counter and a flag byte that
 * is 1 on the last chunk only. The last chunk may be short, and may be empty only if it is the only one.
 *
 * The age-encryption package does the same in JavaScript (@noble/ciphers), at about a sixth of the speed
 * of Node's OpenSSL cipher here, and that was most of a backup's time; the header is still the package's
 * (see age-header.ts). Sealed chunks come back as arrays of buffers for writev, so none is copied
 * just to be joined.
 */
export const PAYLOAD_NONCE_BYTES = 16;
export const CHUNK_PLAIN_BYTES = 64 * 1024;
export const TAG_BYTES = 16;
export const CHUNK_CIPHER_BYTES = CHUNK_PLAIN_BYTES + TAG_BYTES;
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const LAST_FLAG_OFFSET = 11;
/** The counter is 11 bytes; a backup will never come near 2^53 chunks, so a JS number is enough. */
const COUNTER_MAX = Number.MAX_SAFE_INTEGER;

export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  if (nonce.length !== PAYLOAD_NONCE_BYTES) throw new Error('the payload nonce must be 16 bytes');
  return Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', KEY_BYTES));
}

/** The chunk nonce: counter big-endian in bytes 0..10, the last-chunk flag in byte 11. */
function chunkNonce(counter: number, last: boolean): Buffer {
  if (counter > COUNTER_MAX) throw new Error('too many chunks');
  const nonce = Buffer.alloc(NONCE_BYTES);
  // The top 3 of the 11 counter bytes stay zero below 2^64; writeBigUInt64BE covers bytes 3..10.
  nonce.writeBigUInt64BE(BigInt(counter), 3);
  nonce[LAST_FLAG_OFFSET] = last ? 1 : 0;
  return nonce;
}

/** The ciphertext size of a payload of `plainBytes`: one tag per chunk, and at least one chunk. */
export const cipherPayloadBytes = (plainBytes: number): number => plainBytes + TAG_BYTES * Math.max(1, Math.ceil(plainBytes / CHUNK_PLAIN_BYTES));

export interface PayloadEncrypterOptions {
  /**
   * Keep the first chunk's plaintext instead of sealing it, so that the writer can still change some
   * of its bytes (a manifest whose checksum covers everything after it) and seal it last with
   * `sealHeldChunk`. Chunk 0 is still sealed exactly once, so no nonce is ever used twice.
   */
  holdFirstChunk?: boolean;
}

/**
 * Encrypts a payload fed in pieces of any size. A full chunk is sealed only once more plaintext
 * arrives, because whether it is the last one (flag 1) is not known before.
 */
export class PayloadEncrypter {
  private readonly key: Buffer;
  private counter = 0;
  /** Plaintext not yet sealed, at most one chunk: a full one waits to learn whether it is the last. */
  private readonly buffer = Buffer.alloc(CHUNK_PLAIN_BYTES);
  private buffered = 0;
  private finished = false;
  /** In hold mode: chunk 0's plaintext and whether it is also the last chunk, until sealHeldChunk. */
  private held: { plain: Buffer; last: boolean } | null = null;
  private readonly holding: boolean;

  constructor(fileKey: Uint8Array, nonce: Uint8Array, options: PayloadEncrypterOptions = {}) {
    this.key = payloadKey(fileKey, nonce);
    this.holding = options.holdFirstChunk === true;
  }

  /** Seals what can be sealed; `plain` may be reused by the caller as soon as this returns. */
  push(plain: Uint8Array): Buffer[] {
    if (this.finished) throw new Error('payload already finished');
    const out: Buffer[] = [];
    let offset = 0;
    while (offset < plain.length) {
      if (this.buffered === CHUNK_PLAIN_BYTES) {
        this.seal(this.buffer, false, out);
        this.buffered = 0;
      }
      // Whole chunks straight from the caller's piece, when nothing is buffered and more follows.
      if (this.buffered === 0 && plain.length - offset > CHUNK_PLAIN_BYTES) {
        this.seal(plain.subarray(offset, offset + CHUNK_PLAIN_BYTES), false, out);
        offset += CHUNK_PLAIN_BYTES;
        continue;
      }
      const take = Math.min(CHUNK_PLAIN_BYTES - this.buffered, plain.length - offset);
      this.buffer.set(plain.subarray(offset, offset + take), this.buffered);
      this.buffered += take;
      offset += take;
    }
    return out;
  }

  /**
   * Seals the last chunk (empty only when the whole payload is) and forgets the key; in hold mode the
   * key is kept until sealHeldChunk.
   */
  finish(): Buffer[] {
    if (this.finished) throw new Error('payload already finished');
    this.finished = true;
    const out: Buffer[] = [];
    try {
      this.seal(this.buffer.subarray(0, this.buffered), true, out);
      return out;
    } finally {
      if (!this.holding) this.key.fill(0);
      this.buffer.fill(0);
    }
  }

  /**
   * Hold mode, after finish: lets `edit` change the first chunk's plaintext in place (its length is
   * fixed), then seals it as chunk 0 and forgets the key. The result belongs right after the payload
   * nonce, before everything push and finish returned.
   */
  sealHeldChunk(edit: (plain: Buffer) => void): Buffer[] {
    if (!this.holding || !this.finished || this.held === null) throw new Error('no first chunk is held');
    const { plain, last } = this.held;
    this.held = null;
    const out: Buffer[] = [];
    try {
      edit(plain);
      this.seal(plain, last, out, 0);
      return out;
    } finally {
      plain.fill(0);
      this.key.fill(0);
    }
  }

  private seal(plain: Uint8Array, last: boolean, out: Buffer[], counter?: number): void {
    if (counter === undefined && this.holding && this.counter === 0) {
      // Chunk 0 waits for sealHeldChunk; its counter is taken now so no other chunk can have it.
      this.held = { plain: Buffer.from(plain), last };
      this.counter++;
      return;
    }
    const cipher = createCipheriv('chacha20-poly1305', this.key, chunkNonce(counter ?? this.counter++, last), { authTagLength: TAG_BYTES });
    out.push(cipher.update(plain));
    // A stream cipher leaves nothing for final(); it is called for the tag.
    cipher.final();
    out.push(cipher.getAuthTag());
  }
}

/** A chunk failed authentication (changed, cut, reordered, or the wrong key). */
export class PayloadAuthenticationError extends Error {
  constructor(readonly chunk: number) {
    super(`payload chunk ${chunk} failed authentication`);
  }
}

/**
 * Decrypts a payload fed in pieces of any size. Nothing is returned that has not authenticated, and
 * `finish` throws unless the last chunk did so with the last-chunk flag: a file cut at a chunk
 * boundary, or with chunks moved or repeated, never reads as a shorter payload.
 */
export class PayloadDecrypter {
  private readonly key: Buffer;
  private counter = 0;
  private readonly buffer = Buffer.alloc(CHUNK_CIPHER_BYTES);
  private buffered = 0;
  private finished = false;

  constructor(fileKey: Uint8Array, nonce: Uint8Array) {
    this.key = payloadKey(fileKey, nonce);
  }

  /** Chunks authenticated so far. */
  get chunks(): number {
    return this.counter;
  }

  push(cipher: Uint8Array): Buffer[] {
    if (this.finished) throw new Error('payload already finished');
    const out: Buffer[] = [];
    let offset = 0;
    while (offset < cipher.length) {
      // A full chunk is opened only when more bytes follow: a full last chunk carries the flag.
      if (this.buffered === CHUNK_CIPHER_BYTES) {
        out.push(this.open(this.buffer, false));
        this.buffered = 0;
      }
      // Whole chunks straight from the caller's piece, when nothing is buffered and more follows.
      if (this.buffered === 0 && cipher.length - offset > CHUNK_CIPHER_BYTES) {
        out.push(this.open(cipher.subarray(offset, offset + CHUNK_CIPHER_BYTES), false));
        offset += CHUNK_CIPHER_BYTES;
        continue;
      }
      const take = Math.min(CHUNK_CIPHER_BYTES - this.buffered, cipher.length - offset);
      this.buffer.set(cipher.subarray(offset, offset + take), this.buffered);
      this.buffered += take;
      offset += take;
    }
    return out;
  }

  finish(): Buffer {
    if (this.finished) throw new Error('payload already finished');
    this.finished = true;
    try {
      if (this.buffered < TAG_BYTES) throw new PayloadAuthenticationError(this.counter);
      const plain = this.open(this.buffer.subarray(0, this.buffered), true);
      // age: "the final chunk may be empty only if it is the only chunk".
      if (plain.length === 0 && this.counter > 1) throw new PayloadAuthenticationError(this.counter - 1);
      return plain;
    } finally {
      this.key.fill(0);
      this.buffer.fill(0);
    }
  }

  private open(chunk: Uint8Array, last: boolean): Buffer {
    const decipher = createDecipheriv('chacha20-poly1305', this.key, chunkNonce(this.counter, last), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(chunk.subarray(chunk.length - TAG_BYTES));
    const plain = decipher.update(chunk.subarray(0, chunk.length - TAG_BYTES));
    try {
      decipher.final();
    } catch {
      plain.fill(0);
      throw new PayloadAuthenticationError(this.counter);
    }
    this.counter++;
    return plain;
  }
}
