import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { copyProcessLogs } from './run-logs';
import { REPO_ROOT } from '../harness/renderer-build';
import { HOST_BUNDLE_ENTRY } from '../harness/bundle-host';
import { TEST_BACKUP_SCRYPT_LOG_N } from '../harness/test-costs';

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * The key derivation costs a test host runs with. `test` (every spec's default): Argon2id at the 64 MiB
 * floor with one pass instead of tuning to ~0.5 s, and backups at scrypt 2^14 instead of 2^18, which
 * spares each test seconds of derivation that prove nothing about the screens. `production`: the
 * app's own parameters, for the specs that check them (see docs/testing.md).
 */
export type HostCosts = 'test' | 'production';

/** The test host's flags for `costs` (test/harness/cli.ts). */
export const costFlags = (costs: HostCosts): string[] =>
  costs === 'test' ? ['--test-kdf', '--backup-cost', String(TEST_BACKUP_SCRYPT_LOG_N)] : [];

export interface HarnessProcess {
  url: string;
  /** Everything the host wrote to stderr so far (attached to failed tests). */
  stderr(): string;
  /** SIGTERM, then waits; resolves to the exit code (SIGKILL after 10 s gives null). */
  stop(): Promise<number | null>;
}

/**
 * Starts the loopback host as its own process, the way a developer would, but with node directly
 * (not npm) and from the bundle global-setup.ts made (not tsx), to save seconds per test. Resolves once it prints its HARNESS_URL line. Its stdout and
 * stderr (the app's only logs: the services write to the console, never to files of their own) are
 * also copied to test-results/harness-logs/, where the run's final check looks for note text and
 * names (global-teardown.ts).
 */
export async function startHarness(args: string[]): Promise<HarnessProcess> {
  const child = spawn(process.execPath, [HOST_BUNDLE_ENTRY, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logsWritten = copyProcessLogs('harness', child.stdout, child.stderr);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The test host printed no HARNESS_URL within ${READY_TIMEOUT_MS / 1000} s.\n${stderr}`));
    }, READY_TIMEOUT_MS);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^HARNESS_URL=(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/.exec(line);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The test host exited (code ${String(code)}) before it was ready.\n${stderr}`));
    });
  });

  return { url, stderr: () => stderr, stop: () => stop(child, exited, logsWritten) };
}

async function stop(child: ChildProcess, exited: Promise<number | null>, logsWritten: Promise<unknown>): Promise<number | null> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  try {
    const code = await exited;
    // The pipes close right after the exit; the log files are complete once they have.
    await logsWritten;
    return code;
  } finally {
    clearTimeout(timer);
  }
}
