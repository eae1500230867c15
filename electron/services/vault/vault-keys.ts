import { randomBytes, randomUUID } from 'node:crypto';
import type { VaultProtection } from '../../../shared/contract';
import { RECOVERY_KEY_BYTES } from '../../../shared/recovery-key';
import { deriveKeyFromPassphrase, newKdfParams, tuneKdfCost, type KdfCost } from './kdf';
import { deriveKeyFromRecoveryKey, wrapKey } from './key-wrap';
import { DATABASE_FILE, HEADER_FORMAT, HEADER_FORMAT_VERSION, passphraseAad, recoveryAad, type VaultHeader } from './vault-header';

/** The vault header's key slots: a new vault's, and the passphrase slot rewrapped under a new passphrase. */

/** Never below Argon2id at 64 MiB, one pass, one lane, whatever a caller or an old header asks for. */
export function enforceFloor(cost: KdfCost): KdfCost {
  return {
    memoryKiB: Math.max(cost.memoryKiB, 64 * 1024),
    iterations: Math.max(cost.iterations, 1),
    parallelism: Math.max(cost.parallelism, 1),
  };
}

/** A new recovery key and the slot holding the data key wrapped by it (not yet confirmed as saved). */
export function newRecoverySlot(dataKey: Buffer, vaultId: string, createdAt: string): { recoverySlot: VaultHeader['recoverySlot']; recoveryBytes: Buffer } {
  const recoveryBytes = randomBytes(RECOVERY_KEY_BYTES);
  const salt = randomBytes(16).toString('base64');
  const wrapped = wrapKey(deriveKeyFromRecoveryKey(recoveryBytes, salt), dataKey, recoveryAad(vaultId));
  return { recoverySlot: { salt, wrapped, createdAt, confirmedAt: null }, recoveryBytes };
}

/** A new vault's header: the data key wrapped by the passphrase (Argon2id, tuned unless a cost is given) and by a new recovery key. */
export async function newVaultHeader(
  passphrase: string,
  dataKey: Buffer,
  options: { kdfCost?: KdfCost; appVersion: string },
): Promise<{ header: VaultHeader; recoveryBytes: Buffer }> {
const cost = options.kdfCost ?? (await tuneKdfCost());
const kdf = newKdfParams(enforceFloor(cost));
  const vaultId = randomUUID();
  const now = new Date().toISOString();
  const { recoverySlot, recoveryBytes } = newRecoverySlot(dataKey, vaultId, now);
  const header: VaultHeader = {
    format: HEADER_FORMAT,
    formatVersion: HEADER_FORMAT_VERSION,
    vaultId,
    createdAt: now,
    createdByAppVersion: options.appVersion,
    database: { file: DATABASE_FILE, cipher: 'sqlcipher', legacy: 4 },
    kdf,
    passphraseSlot: {
      wrapped: wrapKey(await deriveKeyFromPassphrase(passphrase, kdf), dataKey, passphraseAad(vaultId)),
      changedAt: now,
    },
    recoverySlot,
  };
  return { header, recoveryBytes };
}

/** The header with its passphrase slot rewrapped under `passphrase`, at the given cost or the header's own. */
export async function rewrappedHeader(header: VaultHeader, dataKey: Buffer, passphrase: string, kdfCost: KdfCost | undefined): Promise<VaultHeader> {
  const kdf = newKdfParams(enforceFloor(kdfCost ?? header.kdf));
  const kek = await deriveKeyFromPassphrase(passphrase, kdf);
  return {
    ...header,
    kdf,
    passphraseSlot: { wrapped: wrapKey(kek, dataKey, passphraseAad(header.vaultId)), changedAt: new Date().toISOString() },
  };
}

/** How the open vault is protected, in words and numbers, for Settings. */
export function protectionOf(dir: string, header: VaultHeader): VaultProtection {
  return {
    location: dir,
    databaseCipher: 'SQLCipher 4: AES-256-CBC pages authenticated with HMAC-SHA512, random 256-bit raw key',
    keyWrapping: 'AES-256-GCM',
    kdf: {
      algorithm: 'argon2id',
      memoryMiB: header.kdf.memoryKiB / 1024,
      iterations: header.kdf.iterations,
      parallelism: header.kdf.parallelism,
    },
    createdAt: header.createdAt,
    passphraseChangedAt: header.passphraseSlot.changedAt,
    recoveryKeyCreatedAt: header.recoverySlot.createdAt,
    recoveryKeyConfirmedAt: header.recoverySlot.confirmedAt,
  };
  }
