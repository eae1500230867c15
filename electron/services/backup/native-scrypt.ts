import { createCipheriv, createDecipheriv, scrypt as scryptCallback } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { Stanza, type Identity, type Recipient } from 'age-encryption';

/**
 * age's scrypt recipient and identity (age-encryption.org/v1, "scrypt" stanza), with the key
 * derivation done by Node's own scrypt instead of the package's JavaScript one. Node runs it on its
 * thread pool, so the ~1 s of a backup's key derivation does not block the Electron main process,
 * and OpenSSL's scrypt is about a third faster. Everything else (header MAC, STREAM payload) stays
 * the package's. Interoperability is tested both ways: the `age` CLI decrypts our files, and files
 * made with the package's own passphrase recipient decrypt here.
 */
const LABEL = Buffer.from('age-encryption.org/v1/scrypt', 'latin1');
const SALT_BYTES = 16;
const FILE_KEY_BYTES = 16;
/** The age-encryption package refuses to decrypt above this, and so does the age spec's reference. */
const MAX_LOG_N = 20;
const ZERO_NONCE = Buffer.alloc(12);

function deriveWrapKey(passphrase: string, salt: Uint8Array, logN: number): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) =>
    scryptCallback(Buffer.from(passphrase, 'utf8'), Buffer.concat([LABEL, salt]), 32, { N, r: 8, p: 1, maxmem: 128 * 8 * N + 2 ** 20 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

const base64NoPad = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

function decodeBase64NoPad(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return base64NoPad(bytes) === text ? bytes : null;
}

export class NativeScryptRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN: number,
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(SALT_BYTES);
    const key = await deriveWrapKey(this.passphrase, salt, this.logN);
    try {
      return [wrapWithKey(key, salt, this.logN, fileKey)];
    } finally {
      key.fill(0);
    }
  }
}

/**
 * A scrypt recipient whose key is derived up front, for one file. A backup derives it before taking
 * the snapshot, so scrypt's 256 MB and the vault-sized snapshot are never in memory together.
 */
export class PreparedScryptRecipient implements Recipient {
  private constructor(
    private readonly salt: Buffer,
    private readonly logN: number,
    private key: Buffer | null,
  ) {}

  static async derive(passphrase: string, logN: number): Promise<PreparedScryptRecipient> {
    const salt = randomBytes(SALT_BYTES);
    return new PreparedScryptRecipient(salt, logN, await deriveWrapKey(passphrase, salt, logN));
  }

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    // One file only: a second file under the same salt and key would repeat the stanza's nonce.
    const key = this.key;
    if (key === null) throw new Error('a prepared scrypt recipient wraps one file key only');
    this.key = null;
    try {
      return [wrapWithKey(key, this.salt, this.logN, fileKey)];
    } finally {
      key.fill(0);
    }
  }
}

function wrapWithKey(key: Buffer, salt: Buffer, logN: number, fileKey: Uint8Array): Stanza {
  const cipher = createCipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
  const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
  return new Stanza(['scrypt', base64NoPad(salt), String(logN)], body);
}

export class NativeScryptIdentity implements Identity {
  constructor(private readonly passphrase: string) {}

  /** Same checks and messages as the package's ScryptIdentity, so callers classify errors alike. */
  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    for (const stanza of stanzas) {
      if (stanza.args[0] !== 'scrypt') continue;
      if (stanzas.length !== 1) throw new Error('scrypt recipient is not the only one in the header');
      const [, saltText = '', logNText = ''] = stanza.args;
      if (stanza.args.length !== 3 || !/^[1-9][0-9]*$/.test(logNText)) throw new Error('invalid scrypt stanza');
      const salt = decodeBase64NoPad(saltText);
      if (salt === null || salt.length !== SALT_BYTES) throw new Error('invalid scrypt stanza');
      const logN = Number(logNText);
      if (logN > MAX_LOG_N) throw new Error('scrypt work factor is too high');
      if (stanza.body.length !== FILE_KEY_BYTES + 16) throw new Error('invalid stanza');
      const key = await deriveWrapKey(this.passphrase, salt, logN);
      try {
        const decipher = createDecipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
        decipher.setAuthTag(stanza.body.subarray(FILE_KEY_BYTES));
        return Buffer.concat([decipher.update(stanza.body.subarray(0, FILE_KEY_BYTES)), decipher.final()]);
      } catch {
        // A wrong passphrase: "no identity matched", as the package reports it.
        return null;
      } finally {
        key.fill(0);
      }
    }
    return null;
  }
}
