import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ActivityLogVerdict } from '../shared/clients';
import { verifyActivityLog } from '../electron/services/activity/activity-log';
import { verifyRecords } from '../electron/services/activity/record-verification';
import { VaultService } from '../electron/services/vault/vault.service';
import { measure } from './measure';
import { practiceVault } from './practice-vault';
import type { BenchResult, BenchRow } from './rows';

const TARGET_MS = 2_000;

/**
 * "Verify records" on the seeded practice (its own copy): the activity log's chain and the hash of
 * every signed note and addendum recomputed from what is stored, on the worker thread the Settings
 * button and every restore use, timed from the call to the verdict. Meanwhile a 10 ms timer on the
 * calling thread records its longest stall: what the window would have felt. From source the worker
 * first loads tsx and compiles its modules, which each timed run includes (bundled, a worker starts in
 * tens of milliseconds); the same check in-process is reported beside it.
 */
export const verifyRecordsRow: BenchRow = {
  name: 'verify records',
  async run(): Promise<BenchResult> {
    const practice = await practiceVault();
    const root = mkdtempSync(path.join(os.tmpdir(), 'alliance-bench-verify-'));
    const dir = await practice.copyTo(path.join(root, 'vault'));
    const vault = new VaultService({ dir, appVersion: 'bench' });
    try {
      await vault.unlock(practice.passphrase);
      await vault.integrityCheckSettled();
      let verdict: ActivityLogVerdict | null = null;
      let longestStall = 0;
      const timing = await measure(
        async () => {
          let last = performance.now();
          const probe = setInterval(() => {
            const now = performance.now();
            longestStall = Math.max(longestStall, now - last - 10);
            last = now;
          }, 10);
          try {
            verdict = await verifyRecords(vault, { onWorker: true });
          } finally {
            clearInterval(probe);
          }
        },
        { warmUp: 1, runs: 7 },
      );
      const found = verdict as ActivityLogVerdict | null;
      if (!found?.intact) throw new Error(`verify records found the seeded practice altered: ${found?.message ?? 'no verdict'}`);
      const inProcess = await measure(
        async () => {
          await verifyActivityLog(vault.database(), { anchor: vault.chainAnchor() });
        },
        { warmUp: 0, runs: 3 },
      );
      return {
        row: this.name,
        ...timing,
        target: `p95 ≤ ${TARGET_MS} ms, on a worker thread`,
        met: timing.p95_ms <= TARGET_MS,
        note:
          `the practice: ${found.notesChecked.toLocaleString('en')} signed notes, ${found.addendaChecked.toLocaleString('en')} addenda, ` +
          `${found.entriesChecked.toLocaleString('en')} log entries; worker started from source (tsx) each run; ` +
          `calling thread's longest stall ${Math.round(longestStall)} ms; in-process p50 ${Math.round(inProcess.p50_ms)} ms`,
      };
    } finally {
      vault.lock('user');
      rmSync(root, { recursive: true, force: true });
    }
  },
};
