import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VaultService } from '../electron/services/vault/vault.service';
import { measure } from './measure';
import type { BenchRow } from './rows';

const PASSPHRASE = 'bench orchard quartz meadow 2231';
const TARGET_MS = 1_000;

/** Unlock as the user waits for it: Argon2id, unwrap, open, quick_check and migrations. */
export const unlockRow: BenchRow = {
  name: 'unlock (KDF + open + quick_check + migrations)',
  async run() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'alliance-bench-unlock-'));
    try {
      // The production path: the KDF cost is tuned on this machine when the vault is created.
      const vault = new VaultService({ dir, appVersion: 'bench' });
      await vault.create(PASSPHRASE);
      const memoryMiB = vault.describe().kdf.memoryMiB;
      const iterations = vault.describe().kdf.iterations;
      vault.lock('user');
      const timing = await measure(
        async () => {
          await vault.unlock(PASSPHRASE);
        },
        { warmUp: 1, runs: 7, between: () => void vault.lock('user') },
      );
      return {
        row: this.name,
        ...timing,
        target: '≤ 1000 ms with Argon2id ≥ 64 MiB',
        met: timing.max_ms <= TARGET_MS && memoryMiB >= 64,
        note: `Argon2id ${memoryMiB} MiB × ${iterations} passes`,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
