import { statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppServices } from '../electron/services/app-services';
import type { Dialogs } from '../electron/services/dialogs';
import { PRACTICE_PASSPHRASE } from './practice-vault';
import { BENCH_BACKUP_PASSPHRASE } from './backup-passphrases';

/**
 * One backup-bench step per process, so each process's peak RSS (`maxRSS`) is that of the step alone:
 *   backup <vaultDir> <folder>      unlock a copy of the practice vault, back up to <folder>
 *   restore <vaultDir> <file>       unlock it, verify + stage + swap <file> in
 * Prints one JSON line: { ms, bytes, databaseBytes, baseRssMb, peakRssMb, longestBlockMs, phases }. `phases` is the
 * time (ms from the start) each progress phase began, and the RSS then, to see where the time goes.
 */
const answers = (folder: string | null, file: string | null): Dialogs => ({
  chooseSavePath: async () => null,
  chooseFolder: async () => folder,
  chooseOpenPath: async () => file,
  showInFolder: async () => undefined,
});

async function main(): Promise<void> {
  const [step, vaultDir, target] = process.argv.slice(2);
  if ((step !== 'backup' && step !== 'restore') || !vaultDir || !target) throw new Error('usage: backup-child backup|restore <vaultDir> <folder|file>');
  let started = 0;
  const phases: { phase: string; ms: number; rssMb: number }[] = [];
  const services = createAppServices({
    vaultDir,
    dialogs: answers(step === 'backup' ? target : null, step === 'restore' ? target : null),
    emit: (event, payload) => {
      if (event !== 'backupProgress' || started === 0) return;
      const { phase } = payload as { phase: string };
      if (phases.at(-1)?.phase === phase) return;
      phases.push({ phase, ms: Math.round(performance.now() - started), rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) });
    },
  });
  await services.vault.unlock(PRACTICE_PASSPHRASE);
  // The quick_check that follows an unlock reads the whole vault on a worker thread; it is not part of the step.
  await services.vault.integrityCheckSettled();
  await services.backups.setPassphrase(BENCH_BACKUP_PASSPHRASE);
  const databaseBytes = statSync(path.join(vaultDir, 'vault.db')).size;
  const baseRssMb = process.memoryUsage().rss / 2 ** 20;
  // The longest the main thread went without running a timer during the step: what other IPC calls
  // (an autosave, a list) would have waited for at most.
  let longestBlockMs = 0;
  let lastTick = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestBlockMs = Math.max(longestBlockMs, now - lastTick);
    lastTick = now;
  }, 2);
  started = performance.now();
  lastTick = started;
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
  clearInterval(ticker);
  longestBlockMs = Math.max(longestBlockMs, performance.now() - lastTick);
  services.dispose();
  print({ ms, bytes, databaseBytes, baseRssMb, peakRssMb: process.resourceUsage().maxRSS / 1024, longestBlockMs: Math.round(longestBlockMs), phases });
}

function print(value: object): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
