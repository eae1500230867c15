import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createAppServices } from '../../../electron/services/app-services';
import { HarnessDialogs } from '../../harness/harness-dialogs';
import { BACKUP_PASSPHRASE } from './backup-fixture';
import { PASSPHRASE, TEST_KDF_COST } from './temp-vault';

/*
 * A real restore over a locked vault, for a test to SIGKILL part-way:
 *   restore-kill-child <vaultDir> <backup>
 * Prints `staging` once the staged vault file has pages in it while the backup is still being decrypted, and
 * `prepared` if the restore was staged before the kill came (it then waits, never confirming): either
 * way a staging folder is in the vault's folder when the process dies.
 */

async function main(): Promise<void> {
  const [vaultDir, backup] = process.argv.slice(2);
  if (!vaultDir || !backup) throw new Error('usage: restore-kill-child <vaultDir> <backup>');
  let said = false;
  const dialogs = new HarnessDialogs(null);
  const services = createAppServices({
    vaultDir,
    dialogs,
    kdfCost: TEST_KDF_COST,
    emit: (event, payload) => {
      if (said || event !== 'backupProgress' || (payload as { phase: string }).phase !== 'Decrypting and checking') return;
      const staged = readdirSync(vaultDir).some((name) => name.startsWith('.restore-staging-') && sizeOf(path.join(vaultDir, name, 'vault.db')) > 0);
      if (!staged) return;
      said = true;
      process.stdout.write('staging\n');
    },
  });
  dialogs.queueAnswer('open', backup);
  const fileId = (await services.backups.chooseFile()).file!.id;
  await services.backups.prepareRestore(fileId, BACKUP_PASSPHRASE, PASSPHRASE);
  process.stdout.write('prepared\n');
  // Held open until the test kills it.
  setInterval(() => undefined, 60_000);
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
