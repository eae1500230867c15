import { argon2id } from 'hash-wasm';
import type { KdfParams } from './kdf';

export interface KdfJob {
  passphrase: string;
  params: KdfParams;
}

/**
 * Passphrases are NFC-normalised so the same words typed on another keyboard or OS (composed vs
 * decomposed accents) unlock the vault.
 */
export async function argon2idInProcess(passphrase: string, params: KdfParams): Promise<Buffer> {
  const hash = await argon2id({
    password: passphrase.normalize('NFC'),
    salt: Buffer.from(params.salt, 'base64'),
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  return Buffer.from(hash);
}
