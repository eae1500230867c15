import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createAppServices } from '../../../electron/services/app-services';
import { HarnessDialogs } from '../../harness/harness-dialogs';
import { BACKUP_PASSPHRASE } from './backup-fixture';
import { PASSPHRASE, TEST_KDF_COST } from './temp-vault';

/*
 * Restores in a process of their own, so the memory measured is theirs and nothing else's:
 *   restore-memory-child <vaultDir> <warmUpBackup> <halfSizeBackup> <backup>
 * <vaultDir> holds no vault: the restore makes a new one (as on a new machine), so no open vault's page
 * cache is counted. A small backup is restored first (and cancelled), so everything a restore loads once
 * (modules, the checking threads' code, the SQLite addon) is loaded before the measured restore starts.
 * Prints one JSON line; the test judges it.
 *
 * The passphrase's scrypt (2^18, as every backup: 256 MB, freed as soon as the key is derived) comes
 * first and would hide anything smaller in a high-water mark such as maxRSS. So each restore's memory is
 * what JavaScript holds (heap and buffers, where a collected database would sit), at its highest in
 * samples every 5 ms from the end of that step; the resident size is reported beside it. Threads (the
 * page thread, two checking threads) cost the same whatever the size, so the baseline is the restore of
 * a backup half the size.
 */

async function main(): Promise<void> {
  const [vaultDir, warmUp, halfBackup, backup] = process.argv.slice(2);
  if (!vaultDir || !warmUp || !halfBackup || !backup) throw new Error('usage: restore-memory-child <vaultDir> <warmUpBackup> <halfSizeBackup> <backup>');
  let phase = '';
  const dialogs = new HarnessDialogs(null);
  const services = createAppServices({
    vaultDir,
    dialogs,
    kdfCost: TEST_KDF_COST,
    emit: (event, payload) => {
      if (event === 'backupProgress') phase = (payload as { phase: string }).phase;
    },
  });
  const choose = async (file: string): Promise<string> => {
    dialogs.queueAnswer('open', file);
    return (await services.backups.chooseFile()).file!.id;
  };

  // Sizes of the staged file while the backup is still being decrypted: a streamed restore writes it as
  // it goes; one that collects the database in memory first has nothing on the disk until the end.
  const sizesWhileDecrypting: number[] = [];
  let peakRss = 0;
  let peakHeld = 0;
  const poll = setInterval(() => {
    if (phase !== '' && phase !== 'Checking the passphrase') {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeld = Math.max(peakHeld, usage.heapUsed + usage.external);
    }
    if (phase !== 'Decrypting and checking') return;
    for (const entry of safeList(vaultDir)) {
      if (!entry.startsWith('.restore-staging-')) continue;
      try {
        sizesWhileDecrypting.push(statSync(path.join(vaultDir, entry, 'vault.db')).size);
      } catch {
        // Not created yet.
      }
    }
  }, 5);
  /** Prepares a restore of `file`; the most memory held from the end of its scrypt to the end of its checks. */
  const prepare = async (file: string) => {
    const fileId = await choose(file);
    phase = '';
    peakRss = 0;
    peakHeld = 0;
    sizesWhileDecrypting.length = 0;
    const prepared = await services.backups.prepareRestore(fileId, BACKUP_PASSPHRASE, PASSPHRASE);
    return { prepared, heldKiB: peakHeld / 1024, rssKiB: peakRss / 1024 };
  };

  // A small restore first, cancelled, so everything is loaded; then one of about half the size, whose
  // threads, buffers and caches are the large one's: what the large one adds over it grows with the vault.
  await services.backups.cancelRestore((await prepare(warmUp)).prepared.restoreId);
  const half = await prepare(halfBackup);
  await services.backups.cancelRestore(half.prepared.restoreId);
  const full = await prepare(backup);
  const { prepared } = full;
  clearInterval(poll);

  await services.backups.confirmRestore(prepared.restoreId);
  const sqlite = services.vault.connection();
  const rows = {
    clients: Number(sqlite.prepare('SELECT count(*) FROM clients').pluck().get()),
    padding: Number(sqlite.prepare(`SELECT count(*) FROM settings WHERE key LIKE 'test.padding.%'`).pluck().get()),
  };
  services.dispose();
  process.stdout.write(
    `${JSON.stringify({ beforeKiB: half.heldKiB, afterKiB: full.heldKiB, rssKiB: [half.rssKiB, full.rssKiB], databaseBytes: prepared.backup.databaseBytes, sizesWhileDecrypting, rows, counts: prepared.backup.counts })}\n`,
  );
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
