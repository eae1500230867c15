import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** A data key encrypted under a key-encryption key; all fields base64. */
export interface WrappedKey {
  algorithm: 'aes-256-gcm';
  iv: string;
  ciphertext: string;
  tag: string;
}

/**
 * AES-256-GCM with associated data naming the vault and the slot, so a wrapped key cannot be moved to
 * another vault or slot without failing authentication.
 */
export function wrapKey(kek: Buffer, dataKey: Buffer, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    algorithm: 'aes-256-gcm',
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns the data key, or null when the key-encryption key is wrong (authentication failed). */
export function unwrapKey(kek: Buffer, wrapped: WrappedKey, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** The recovery key already carries 160 random bits, so HKDF (not a slow KDF) turns it into a KEK. */
export function deriveKeyFromRecoveryKey(recoveryBytes: Uint8Array, saltBase64: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', recoveryBytes, Buffer.from(saltBase64, 'base64'), 'alliance-notes recovery key v1', 32),
  );
}
