import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseSeedArgs, USAGE } from './args';
import { checkPracticeVault } from './check';
import { seedPracticeVault, type SeedProgress, type SeedResult } from './generate';

/**
 * `npm run seed -- --vault <dir> --passphrase <p> --clients 300 --sessions 20000 [--seed 42] [--check]`
 * fills a new vault with a synthetic practice. Progress goes to stderr; the last line on stdout is a
 * one-line summary.
 */
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const n = (value: number) => value.toLocaleString('en');

/** Progress on stderr: one line per phase, rewritten in place on a terminal, at most once a second. */
function progressReporter(started: number): { report: (progress: SeedProgress) => void; end: () => void } {
  const tty = process.stderr.isTTY === true;
  let lastPhase = '';
  let lastAt = 0;
  const report = (progress: SeedProgress) => {
    const now = performance.now();
    const phaseChanged = progress.phase !== lastPhase;
    if (!phaseChanged && progress.done !== progress.total && now - lastAt < 1000) return;
    const label =
      progress.phase === 'plan'
        ? 'planning the practice'
        : progress.phase === 'vault'
          ? progress.done === 0 ? 'creating the vault (tuning Argon2id as the app does)' : 'vault created'
          : progress.phase === 'checkpoint'
            ? 'checkpointing and closing'
            : `${progress.phase} ${n(progress.done)}/${n(progress.total)}${progress.phase === 'sessions' ? ` (${Math.floor((100 * progress.done) / progress.total)}%)` : ''}`;
    const line = `${label}, ${((now - started) / 1000).toFixed(1)} s`;
    if (tty) process.stderr.write(`${phaseChanged && lastPhase !== '' ? '\n' : '\r\x1b[2K'}${line}`);
    else process.stderr.write(`${line}\n`);
    lastPhase = progress.phase;
    lastAt = now;
  };
  return { report, end: () => (tty && lastPhase !== '' ? void process.stderr.write('\n') : undefined) };
}

function summaryLine(dir: string, seed: number, result: SeedResult): string {
  const { totals, landmarks } = result;
  const { active, paused, discharged } = landmarks.statuses;
  return (
    `Seeded ${dir} (seed ${seed}): ${n(totals.clients)} clients (${n(active)} active, ${n(paused)} paused, ${n(discharged)} discharged), ` +
    `${n(totals.sessions)} sessions ${landmarks.firstSessionDate}…${landmarks.lastSessionDate} (${n(totals.attended)} attended), ` +
    `${n(totals.notes)} notes (${n(totals.signed)} signed, ${n(totals.drafts)} drafts, ${(totals.noteTextChars / Math.max(1, totals.notes) / 1000).toFixed(1)} K characters of text each), ` +
    `${n(totals.measureResults)} measure results, ${n(totals.activityEntries)} log entries; vault ${mb(result.vaultBytes)}; ${result.seconds.toFixed(1)} s`
  );
}

async function main(): Promise<number> {
  const parsed = parseSeedArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(parsed.help ? `${USAGE}\n` : `${parsed.message}\n\n${USAGE}\n`);
    return parsed.help ? 0 : 2;
  }
  const { args } = parsed;
  const createdDir = !existsSync(args.vault);
  const started = performance.now();
  const progress = progressReporter(started);
  let result: SeedResult;
  try {
    result = await seedPracticeVault({ dir: args.vault, passphrase: args.passphrase, clients: args.clients, sessions: args.sessions, seed: args.seed, onProgress: progress.report });
    progress.end();
  } catch (error) {
    progress.end();
    // Leave nothing half-built behind: the folder was absent or empty before.
    for (const name of ['vault.db', 'vault.db-wal', 'vault.db-shm', 'vault-header.json']) rmSync(path.join(args.vault, name), { force: true });
    if (createdDir) rmSync(args.vault, { recursive: true, force: true });
    throw error;
  }
  process.stdout.write(`${summaryLine(args.vault, args.seed, result)}\n`);
  if (!args.check) return 0;
  process.stderr.write('checking the vault…\n');
  const report = await checkPracticeVault({ dir: args.vault, passphrase: args.passphrase, landmarks: result.landmarks, clients: args.clients, sessions: args.sessions });
  process.stderr.write(`${Object.entries(report.timingsMs).map(([name, ms]) => `  ${name}: ${ms} ms`).join('\n')}\n`);
  process.stderr.write(`  ${n(report.signedNotesVerified)} signed notes verified; ${report.activityLog}\n`);
  if (report.problems.length > 0) {
    process.stderr.write(`PROBLEMS:\n${report.problems.map((problem) => `  ${problem}`).join('\n')}\n`);
    return 1;
  }
  process.stderr.write('vault checked: no problems\n');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
