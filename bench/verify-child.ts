import { performance } from 'node:perf_hooks';
import type { ActivityLogVerdict } from '../shared/clients';
import { verifyActivityLog } from '../electron/services/activity/activity-log';
import { verifyRecords } from '../electron/services/activity/record-verification';
import { VaultService } from '../electron/services/vault/vault.service';
import { PRACTICE_PASSPHRASE } from './practice-vault';

/**
 * The "verify records" bench in its own process, bundled as the app ships (bundled-child.ts), so the
 * verification worker starts from its bundle as in the app:
 *   verify-child <vaultDir> <runs>
 * Prints one JSON line: { ms (each timed run), longestBlockMs, inProcessMs, verdict }.
 */
async function main(): Promise<void> {
  const [vaultDir, runsText] = process.argv.slice(2);
  if (!vaultDir || !runsText) throw new Error('usage: verify-child <vaultDir> <runs>');
  const vault = new VaultService({ dir: vaultDir, appVersion: 'bench' });
  await vault.unlock(PRACTICE_PASSPHRASE);
  await vault.integrityCheckSettled();
  // The longest the calling thread went without running a timer: what the window would have felt.
  let longestBlockMs = 0;
  let lastTick = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestBlockMs = Math.max(longestBlockMs, now - lastTick);
    lastTick = now;
  }, 2);
  const ms: number[] = [];
  let verdict: ActivityLogVerdict | null = null;
  // One untimed run first, as every row warms up.
  for (let i = 0; i <= Number(runsText); i++) {
    const started = performance.now();
    verdict = await verifyRecords(vault, { onWorker: true });
    if (i > 0) ms.push(performance.now() - started);
  }
  clearInterval(ticker);
  const started = performance.now();
  await verifyActivityLog(vault.database(), { anchor: vault.chainAnchor() });
  const inProcessMs = performance.now() - started;
  vault.lock('user');
  process.stdout.write(`${JSON.stringify({ ms, longestBlockMs, inProcessMs, verdict })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
