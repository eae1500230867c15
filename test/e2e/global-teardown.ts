import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../harness/renderer-build';
import { ALL_CANARIES, OTHER_SPEC_CANARIES } from './canaries';
import { CONSOLE_LOG_DIR, HARNESS_LOG_DIR, NETWORK_LOG_DIR, judgeRequest, outsideRequests, RESULTS_DIR, type NetworkLogFile } from './run-logs';

/**
 * The run-wide half of two proofs, after every test has finished:
 * - No network: every request every page made during the run (network-logs/, one file per test) went
 *   to the app's own origin, apart from in-memory data:/blob: URLs and the outside URLs a test tried on
 *   purpose and saw blocked. Each test already fails on its own outside requests; this reports the
 *   total, so the claim covers the whole run, and catches a test that slipped past its own check.
 * - Logs: no log written during the run (the hosts' and Electron's stdout/stderr in harness-logs/,
 *   every page's console in console-logs/) contains a name or note text from canaries.ts. A hit names
 *   the file, never the text.
 * Throwing here fails the run.
 */
export default function globalTeardown(): void {
  const problems = [...checkNetwork(), ...checkLogs(), ...checkCanaryList()];
  if (problems.length > 0) throw new Error(`End-of-run checks failed:\n- ${problems.join('\n- ')}`);
}

const filesIn = (dir: string, suffix: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith(suffix))
        .map((name) => path.join(dir, name))
    : [];

function checkNetwork(): string[] {
  const problems: string[] = [];
  const counts = { 'own-origin': 0, 'in-memory': 0, 'blocked-as-expected': 0, outside: 0 };
  const files = filesIn(NETWORK_LOG_DIR, '.json');
  for (const file of files) {
    const log = JSON.parse(readFileSync(file, 'utf8')) as NetworkLogFile;
    for (const context of log.contexts) {
      for (const request of context.requests) counts[judgeRequest(request, context.origins, log.expectedBlocked)] += 1;
    }
    const outside = outsideRequests(log);
    if (outside.length > 0) problems.push(`[${log.project}] ${log.test} made requests outside the app's origin: ${outside.join(', ')}`);
  }
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  process.stdout.write(
    `  Network: ${total} requests from the pages of ${files.length} tests; ${counts['own-origin']} to the app's own origin, ` +
      `${counts['in-memory']} data:/blob:, ${counts['blocked-as-expected']} deliberate outside attempts blocked by the browser, ` +
      `${counts.outside} outside.\n`,
  );
  return problems;
}

/** A canary as it may appear in a file: as typed (NFC), decomposed (NFD), and JSON-escaped. */
function spellings(canary: string): string[] {
  const forms = new Set([canary, canary.normalize('NFC'), canary.normalize('NFD')]);
  for (const form of [...forms]) forms.add(JSON.stringify(form).slice(1, -1));
  return [...forms];
}

function checkLogs(): string[] {
  const files = [...filesIn(HARNESS_LOG_DIR, '.log'), ...filesIn(CONSOLE_LOG_DIR, '.log')];
  const needles = ALL_CANARIES.flatMap(spellings).map((needle) => needle.toLowerCase());
  const hits: string[] = [];
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    const lower = text.toLowerCase();
    if (needles.some((needle) => lower.includes(needle))) hits.push(path.relative(RESULTS_DIR, file));
  }
  process.stdout.write(
    `  Logs: ${files.length} log files (${Math.round(bytes / 1024)} KiB) searched for ${ALL_CANARIES.length} client names and note texts; ` +
      `${hits.length === 0 ? 'none found' : `found in ${hits.length} files`}.\n`,
  );
  return hits.map((file) => `test-results/${file} contains client data from canaries.ts (a name or note text)`);
}

/** Every listed phrase of another spec must still be typed by some spec, or the log check loses it silently. */
function checkCanaryList(): string[] {
  const specDir = path.join(REPO_ROOT, 'test', 'e2e');
  const specs = readdirSync(specDir)
    .filter((name) => name.endsWith('.spec.ts'))
    .map((name) => readFileSync(path.join(specDir, name), 'utf8'))
    .join('\n');
  return OTHER_SPEC_CANARIES.filter((canary) => !specs.includes(canary)).map(
    (canary) => `canaries.ts lists "${canary}", which no spec types any more: update the list`,
  );
}
