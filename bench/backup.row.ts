import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundledBackupChild } from './bundled-child';
import { summarise } from './measure';
import { practiceVault } from './practice-vault';
import type { BenchResult, BenchRow } from './rows';
import { BENCH_BACKUP_PASSPHRASE } from './backup-passphrases';
import { BACKUP_SCRYPT_LOG_N } from '../shared/backup';

/**
 * Backup and restore of the seeded practice (practiceVault(): 300 clients, 20,000 sessions, ~240 MB)
 * and of a smaller one of about 100 MB (8,000 sessions), each run in its own process on a
 * copy of it, so the process's peak RSS is that of the operation. The smaller vault shows the peak-RSS
 * limit's floor: 1.5 × 100 MB + 100 MB is less than the unlocked app plus scrypt's 256 MiB.
 * The process runs the services bundled, as the app does (bundled-child.ts).
 * Throughput is vault bytes per second of the whole operation, scrypt included (work factor 18).
 * Where the `age` CLI is installed, it encrypts and decrypts the same tar bytes, and the ratio ours /
 * CLI is printed. BENCH_PHASES=1 prints when each progress phase began, per run, on stderr.
 */
const RUNS = 3;

interface ChildReport {
  ms: number;
  bytes: number;
  databaseBytes: number;
  baseRssMb: number;
  peakRssMb: number;
  longestBlockMs: number;
  phases: { phase: string; ms: number; rssMb: number }[];
}

function child(bundle: string, ...args: string[]): ChildReport {
  const out = execFileSync(process.execPath, [bundle, ...args], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  const report = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ChildReport;
  if (process.env.BENCH_PHASES) {
    const phases = report.phases.map((p) => `${p.ms} ms ${p.phase} (${p.rssMb} MB)`).join(' → ');
    process.stderr.write(`  ${args[0]}: ${Math.round(report.ms)} ms, peak ${Math.round(report.peakRssMb)} MB, longest block ${report.longestBlockMs} ms: ${phases}\n`);
  }
  return report;
}

interface Prepared {
  root: string;
  vaultDir: string;
  backupFile: string;
  reports: ChildReport[];
  bundle: string;
}

/** The two vault sizes measured: the bench's practice, and one of about 100 MB. */
type VaultSize = 'practice' | 'about 100 MB';
const SESSIONS: Record<VaultSize, number> = { practice: 20_000, 'about 100 MB': 8_000 };
const prepared = new Map<VaultSize, Promise<Prepared>>();

function prepare(size: VaultSize): Promise<Prepared> {
  let backups = prepared.get(size);
  if (backups) return backups;
  backups = (async () => {
    const practice = await practiceVault({ sessions: SESSIONS[size] });
    const bundle = await bundledBackupChild();
    const root = mkdtempSync(path.join(os.tmpdir(), 'alliance-bench-backup-'));
    // A copy: restore replaces the vault's database, and the cached practice is shared by every row.
    const vaultDir = await practice.copyTo(path.join(root, 'vault'));
    const reports: ChildReport[] = [];
    let backupFile = '';
    for (let i = 0; i < RUNS; i++) {
      const folder = path.join(root, `backups-${i}`);
      mkdirSync(folder);
      reports.push(child(bundle, 'backup', vaultDir, folder));
      backupFile = path.join(folder, readdirSync(folder)[0]!);
    }
    return { root, vaultDir, backupFile, reports, bundle };
  })();
  prepared.set(size, backups);
  return backups;
}

/** What scrypt needs at the backup's work factor: 128 × r × N bytes, r = 8, N = 2^18. */
const SCRYPT_MIB = (128 * 8 * 2 ** BACKUP_SCRYPT_LOG_N) / 2 ** 20;

function result(name: string, reports: ChildReport[], cliRatio: string | null, ratio?: number): BenchResult {
  const timing = summarise(reports.map((r) => r.ms));
  const vaultMb = reports[0]!.databaseBytes / 2 ** 20;
  const mbPerS = vaultMb / (timing.p50_ms / 1000);
  const peakRss = Math.max(...reports.map((r) => r.peakRssMb));
  const rssLimit = 1.5 * vaultMb + 100;
  const met = mbPerS >= 50 && peakRss <= rssLimit;
  const added = Math.max(...reports.map((r) => r.peakRssMb - r.baseRssMb));
  const base = reports.map((r) => r.baseRssMb);
  const blocked = Math.max(...reports.map((r) => r.longestBlockMs));
  // scrypt's 256 MiB at work factor 18 (the backup issue asks for 18 to 20) does not shrink with the vault.
  const floor = Math.min(...base) + SCRYPT_MIB * 1.048576;
  const belowFloor = rssLimit < floor ? `; reported for scale: this size's limit is below the unlocked app plus scrypt's fixed ${SCRYPT_MIB} MiB (${floor.toFixed(0)} MB), see docs/benchmarks.md` : '';
  const note = `vault ${vaultMb.toFixed(0)} MB; ${mbPerS.toFixed(0)} MB/s; peak RSS ${peakRss.toFixed(0)} MB (limit ${rssLimit.toFixed(0)}; ${Math.min(...base).toFixed(0)}–${Math.max(...base).toFixed(0)} MB when unlocked, so the operation added at most ${added.toFixed(0)} MB)${belowFloor}; main thread blocked at most ${blocked} ms at a time${cliRatio ? `; ${cliRatio}` : ''}`;
  return { row: name, ...timing, target: '≥ 50 MB/s, peak RSS ≤ 1.5 × vault + 100 MB', met, note, mb_per_s: Math.round(mbPerS), peak_rss_mb: Math.round(peakRss), ...(ratio ? { ratio_vs_raw: ratio } : {}) };
}

/** Times `age` through a pseudo-terminal (it reads passphrases only from one); null when not installed. */
function ageCli(args: string, input: string): number | null {
  if (spawnSync('age', ['--version']).status !== 0 || spawnSync('script', ['--version']).status !== 0) return null;
  const started = performance.now();
  const run = spawnSync('script', ['-qec', `age ${args}`, '/dev/null'], { input, stdio: ['pipe', 'ignore', 'ignore'] });
  if (run.status !== 0) return null;
  return performance.now() - started;
}

function cliComparison(backupFile: string, oursMs: number, direction: 'encrypt' | 'decrypt'): { text: string; ratio: number } | null {
  const work = mkdtempSync(path.join(os.tmpdir(), 'alliance-bench-age-'));
  try {
    const tar = path.join(work, 'backup.tar');
    const decryptMs = ageCli(`-d -o ${tar} ${backupFile}`, `${BENCH_BACKUP_PASSPHRASE}\n`);
    if (decryptMs === null) return null;
    const cliMs = direction === 'decrypt' ? decryptMs : ageCli(`-e -p -o ${path.join(work, 'again.age')} ${tar}`, `${BENCH_BACKUP_PASSPHRASE}\n${BENCH_BACKUP_PASSPHRASE}\n`);
    if (cliMs === null) return null;
    const ratio = Math.round((oursMs / cliMs) * 100) / 100;
    return { text: `age CLI ${direction} of the same ${(statSync(tar).size / 2 ** 20).toFixed(0)} MB: ${Math.round(cliMs)} ms (ours/CLI ${ratio}×)`, ratio };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function backupRowOf(name: string, size: VaultSize): BenchRow {
  return {
    name,
    run: async () => {
      const { reports, backupFile } = await prepare(size);
      const cli = cliComparison(backupFile, summarise(reports.map((r) => r.ms)).p50_ms, 'encrypt');
      return result(name, reports, cli?.text ?? 'age CLI not installed', cli?.ratio);
    },
  };
}

function restoreRowOf(name: string, size: VaultSize): BenchRow {
  return {
    name,
    run: async () => {
      const { vaultDir, backupFile, root, bundle } = await prepare(size);
      try {
        const reports = Array.from({ length: RUNS }, () => child(bundle, 'restore', vaultDir, backupFile));
        const cli = cliComparison(backupFile, summarise(reports.map((r) => r.ms)).p50_ms, 'decrypt');
        return result(name, reports, cli?.text ?? 'age CLI not installed', cli?.ratio);
      } finally {
        rmSync(root, { recursive: true, force: true });
        prepared.delete(size);
      }
    },
  };
}

export const backupRow = backupRowOf('backup', 'practice');
export const restoreRow = restoreRowOf('restore', 'practice');
export const backupSmallRow = backupRowOf('backup, ~100 MB vault', 'about 100 MB');
export const restoreSmallRow = restoreRowOf('restore, ~100 MB vault', 'about 100 MB');
