import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActivityLogVerdict } from '../shared/clients';
import { bundledVerifyChild } from './bundled-child';
import { summarise } from './measure';
import { practiceVault } from './practice-vault';
import type { BenchResult, BenchRow } from './rows';

const TARGET_MS = 2_000;
const RUNS = 7;

interface ChildReport {
  ms: number[];
  longestBlockMs: number;
  inProcessMs: number;
  verdict: ActivityLogVerdict;
}

/**
 * "Verify records" on the seeded practice (its own copy): the activity log's chain and the hash of
 * every signed note and addendum recomputed from what is stored, on the worker thread the Settings
 * button and every restore use, timed from the call to the verdict. It runs in a bundled child process
 * (verify-child.ts), so the worker starts from its bundle as in the app rather than through tsx. The
 * calling thread's longest stall is what the window would have felt; the same check in-process is
 * reported beside it.
 */
export const verifyRecordsRow: BenchRow = {
  name: 'verify records',
  async run(): Promise<BenchResult> {
    const practice = await practiceVault();
    const bundle = await bundledVerifyChild();
    const root = mkdtempSync(path.join(os.tmpdir(), 'alliance-bench-verify-'));
    try {
      const dir = await practice.copyTo(path.join(root, 'vault'));
      const run = spawnSync(process.execPath, [bundle, dir, String(RUNS)], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
      if (run.status !== 0) throw new Error(`verify child failed: ${run.stderr.trim()}`);
      const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildReport;
      const { verdict } = report;
      if (!verdict.intact) throw new Error(`verify records found the seeded practice altered: ${verdict.message}`);
      const timing = summarise(report.ms);
      return {
        row: this.name,
        ...timing,
        target: `p95 ≤ ${TARGET_MS} ms, on a worker thread`,
        met: timing.p95_ms <= TARGET_MS,
        note:
          `the practice: ${verdict.notesChecked.toLocaleString('en')} signed notes, ${verdict.addendaChecked.toLocaleString('en')} addenda, ` +
          `${verdict.entriesChecked.toLocaleString('en')} log entries; bundled, ${RUNS} runs; calling thread's longest stall ` +
          `${Math.round(report.longestBlockMs)} ms; the same check in-process ${Math.round(report.inProcessMs)} ms`,
      };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
