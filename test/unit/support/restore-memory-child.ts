import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createAppServices } from '../../../electron/services/app-services';
import { HarnessDialogs } from '../../harness/harness-dialogs';
import { BACKUP_PASSPHRASE } from './backup-fixture';
import { PASSPHRASE, TEST_KDF_COST } from './temp-vault';

/*
 * One restore in a process of its own, so its peak memory (maxRSS, a high-water mark for the whole
 * process) is the restore's and nothing else's:
 *   restore-memory-child <vaultDir> <warmUpBackup> <backup>
 * <vaultDir> holds no vault: the restore makes a new one (as on a new machine), so no open vault's page
 * cache is counted. A small backup is verified first, so everything a restore loads once (modules, the
 * checking thread's code, the SQLite addon) is loaded before the measured restore starts. Prints one JSON
 * line; the test judges it.
 */

async function main(): Promise<void> {
  const [vaultDir, warmUp, backup] = process.argv.slice(2);
  if (!vaultDir || !warmUp || !backup) throw new Error('usage: restore-memory-child <vaultDir> <warmUpBackup> <backup>');
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

  await services.backups.verify(await choose(warmUp), BACKUP_PASSPHRASE);
  const fileId = await choose(backup);

  // Sizes of the staged file while the backup is still being decrypted: a streamed restore writes it as
  // it goes; one that collects the database in memory first has nothing on the disk until the end.
  const sizesWhileDecrypting: number[] = [];
  const poll = setInterval(() => {
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
  const beforeKiB = process.resourceUsage().maxRSS;
  const prepared = await services.backups.prepareRestore(fileId, BACKUP_PASSPHRASE, PASSPHRASE);
  const afterKiB = process.resourceUsage().maxRSS;
  clearInterval(poll);

  await services.backups.confirmRestore(prepared.restoreId);
  const sqlite = services.vault.connection();
  const rows = {
    clients: Number(sqlite.prepare('SELECT count(*) FROM clients').pluck().get()),
    padding: Number(sqlite.prepare('SELECT count(*) FROM test_padding').pluck().get()),
  };
  services.dispose();
  process.stdout.write(
    `${JSON.stringify({ beforeKiB, afterKiB, databaseBytes: prepared.backup.databaseBytes, sizesWhileDecrypting, rows, counts: prepared.backup.counts })}\n`,
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
