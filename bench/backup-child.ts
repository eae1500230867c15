import { statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppServices } from '../electron/services/app-services';
import { VaultService } from '../electron/services/vault/vault.service';
import type { Dialogs } from '../electron/services/dialogs';
import { fillNotesVault } from './notes-vault.seed';
import { BENCH_BACKUP_PASSPHRASE, BENCH_PASSPHRASE } from './backup-passphrases';

/**
 * One backup-bench step per process, so each process's peak RSS (`maxRSS`) is that of the step alone:
 *   seed <vaultDir>                 make the 20,000-note vault
 *   backup <vaultDir> <folder>      unlock, back up to <folder>
 *   restore <vaultDir> <file>       unlock, verify + stage + swap <file> in
 * Prints one JSON line: { ms, bytes, databaseBytes, peakRssMb, baseRssMb }.
 */
const KDF = { memoryKiB: 64 * 1024, iterations: 1, parallelism: 1 };

const answers = (folder: string | null, file: string | null): Dialogs => ({
  chooseSavePath: async () => null,
  chooseFolder: async () => folder,
  chooseOpenPath: async () => file,
  showInFolder: async () => undefined,
});

async function main(): Promise<void> {
  const [step, vaultDir, target] = process.argv.slice(2);
  if (!step || !vaultDir) throw new Error('usage: backup-child seed|backup|restore <vaultDir> [folder|file]');
  if (step === 'seed') {
    const vault = new VaultService({ dir: vaultDir, appVersion: 'bench', kdfCost: KDF });
    await vault.create(BENCH_PASSPHRASE);
    await fillNotesVault(vault);
    vault.lock('user');
    print({ databaseBytes: statSync(path.join(vaultDir, 'vault.db')).size });
    return;
  }
  const services = createAppServices({
    vaultDir,
    kdfCost: KDF,
    dialogs: answers(step === 'backup' ? (target ?? null) : null, step === 'restore' ? (target ?? null) : null),
    emit: () => undefined,
  });
  await services.vault.unlock(BENCH_PASSPHRASE);
  await services.backups.setPassphrase(BENCH_BACKUP_PASSPHRASE);
  const databaseBytes = statSync(path.join(vaultDir, 'vault.db')).size;
  const baseRssMb = process.memoryUsage().rss / 2 ** 20;
  const started = performance.now();
  let bytes = 0;
  if (step === 'backup') {
    const { backup } = await services.backups.backupNow('choose');
    bytes = backup?.fileBytes ?? 0;
  } else {
    const chosen = await services.backups.chooseFile();
    const prepared = await services.backups.prepareRestore(chosen.file!.id, BENCH_BACKUP_PASSPHRASE, undefined);
    await services.backups.confirmRestore(prepared.restoreId);
    bytes = chosen.file!.bytes;
  }
  const ms = performance.now() - started;
  services.dispose();
  print({ ms, bytes, databaseBytes, baseRssMb, peakRssMb: process.resourceUsage().maxRSS / 1024 });
}

function print(value: object): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
