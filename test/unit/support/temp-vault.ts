import { createHash } from 'node:crypto';
import { mkdtempSync, promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VaultService, type VaultServiceOptions } from '../../../electron/services/vault/vault.service';

import { TEST_KDF_COST } from '../../harness/test-costs';

/** Real Argon2id at the 64 MiB floor, one pass: the same code path as production, just quicker. */
export { TEST_KDF_COST };

export const PASSPHRASE = 'maple orbit lantern quietly 47';
export const OTHER_PASSPHRASE = 'harbour violet tangent pebble 19';

export function tempDir(prefix = 'alliance-unit-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function newVaultService(dir = tempDir(), options: Partial<VaultServiceOptions> = {}): VaultService {
  return new VaultService({ dir, appVersion: 'test', kdfCost: TEST_KDF_COST, ...options });
}

/** Name → SHA-256 of every file in the folder, to prove an operation left the vault untouched. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isFile()) out[name] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}

export async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}
