import { appendFileSync, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { BrowserContext, ConsoleMessage, Request } from '@playwright/test';
import { REPO_ROOT } from '../harness/renderer-build';

/**
 * What a whole e2e run leaves behind for its final checks (global-teardown.ts):
 * - harness-logs/: the stdout and stderr of every test host (and Electron main process), the app's only
 *   logs, written by harness-process.ts and fixtures.ts;
 * - console-logs/: every console message and uncaught error of every page, one file per test;
 * - network-logs/: every request every page made, one JSON file per test.
 * All live in Playwright's outputDir, which it empties at the start of every run, so they hold this
 * run only.
 */
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
export const HARNESS_LOG_DIR = path.join(RESULTS_DIR, 'harness-logs');
export const CONSOLE_LOG_DIR = path.join(RESULTS_DIR, 'console-logs');
export const NETWORK_LOG_DIR = path.join(RESULTS_DIR, 'network-logs');

let processLogs = 0;

/**
 * Copies a process's stdout and stderr into harness-logs/ as `<name>-….stdout.log` and `.stderr.log`;
 * resolves once both files are complete (after the process has closed its pipes).
 */
export function copyProcessLogs(name: string, stdout: Readable | null, stderr: Readable | null): Promise<void> {
  mkdirSync(HARNESS_LOG_DIR, { recursive: true });
  const stem = path.join(HARNESS_LOG_DIR, `${name}-${process.pid}-${Date.now()}-${++processLogs}`);
  const copy = (stream: Readable | null, file: string): Promise<void> => {
    if (stream === null) return Promise.resolve();
    const out = createWriteStream(file, { flags: 'a' });
    stream.pipe(out);
    return finished(out).then(
      () => undefined,
      () => undefined,
    );
  };
  return Promise.all([copy(stdout, `${stem}.stdout.log`), copy(stderr, `${stem}.stderr.log`)]).then(() => undefined);
}

/**
 * How Chromium and Electron report a request stopped inside the browser before it could leave:
 * `csp` by the Content-Security-Policy, ERR_BLOCKED_BY_CLIENT by Electron's session filter
 * (webRequest.onBeforeRequest cancelling it).
 */
const BLOCKED_FAILURES = new Set(['csp', 'net::ERR_BLOCKED_BY_CLIENT']);

/** URLs that never reach the network: in-memory data and blobs. */
const IN_MEMORY_SCHEMES = new Set(['data:', 'blob:']);

/** `scheme://host[:port]`, also for custom schemes such as app://alliance (whose URL.origin is "null" in Node). */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export interface RecordedRequest {
  url: string;
  /** Why the browser stopped it, if it did (`csp`, `net::ERR_BLOCKED_BY_CLIENT`, …). */
  failure: string | null;
}

/** The requests of one browser context, and the origins its pages may reach (their test host's, or app://alliance). */
export interface ContextRecord {
  origins: string[];
  requests: RecordedRequest[];
}

/** One test's file in network-logs/. */
export interface NetworkLogFile {
  test: string;
  project: string;
  contexts: ContextRecord[];
  /** URL prefixes the test tried on purpose, expecting the browser to block them. */
  expectedBlocked: string[];
}

export type RequestVerdict = 'own-origin' | 'in-memory' | 'blocked-as-expected' | 'outside';

export function judgeRequest(request: RecordedRequest, origins: readonly string[], expectedBlocked: readonly string[]): RequestVerdict {
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(request.url)?.[0].toLowerCase();
  if (scheme !== undefined && IN_MEMORY_SCHEMES.has(scheme)) return 'in-memory';
  const origin = originOf(request.url);
  if (origin !== null && origins.includes(origin)) return 'own-origin';
  const blocked = request.failure !== null && BLOCKED_FAILURES.has(request.failure);
  if (blocked && expectedBlocked.some((prefix) => request.url.startsWith(prefix))) return 'blocked-as-expected';
  return 'outside';
}

/** The requests of a file that went (or tried to go) anywhere but the app's own origin. */
export function outsideRequests(file: NetworkLogFile): string[] {
  return file.contexts.flatMap((context) =>
    context.requests
      .filter((request) => judgeRequest(request, context.origins, file.expectedBlocked) === 'outside')
      .map((request) => `${request.url}${request.failure === null ? '' : ` (${request.failure})`}`),
  );
}

const slug = (text: string): string => text.replace(/[^\w.-]+/g, '_').slice(0, 80);

/**
 * Records one test: every request and console message of every browser context it is shown, into
 * network-logs/ and console-logs/. One exists per test (the `recorder` fixture); helpers that open
 * their own context (a second computer in backup-ui.ts) find it with activeRecorder().
 */
export class TestRecorder {
  /** The origins of the test's own context: its test host, once started (or app://alliance). */
  readonly ownOrigins = new Set<string>();
  private readonly contexts: { origins: Set<string>; requests: Map<Request, RecordedRequest> }[] = [];
  private readonly expectedBlocked: string[] = [];
  private readonly consoleFile: string;
  private consoleLines = 0;

  constructor(
    private readonly testName: string,
    private readonly project: string,
    private readonly fileStem: string,
  ) {
    this.consoleFile = path.join(CONSOLE_LOG_DIR, `${fileStem}.log`);
  }

  /** Records a context's requests (reachable: `origins`) and console messages until the test ends. */
  watch(context: BrowserContext, origins: Set<string> = this.ownOrigins): void {
    const requests = new Map<Request, RecordedRequest>();
    this.contexts.push({ origins, requests });
    context.on('request', (request) => requests.set(request, { url: request.url(), failure: null }));
    context.on('requestfailed', (request) => {
      const recorded = requests.get(request);
      if (recorded) recorded.failure = request.failure()?.errorText ?? 'failed';
    });
    context.on('console', (message) => this.writeConsole(describeConsole(message)));
    context.on('weberror', (error) => this.writeConsole(`[uncaught] ${error.error().stack ?? error.error().message}`));
  }

  /** A test that tries an outside URL on purpose, to show it is blocked, declares it here first. */
  expectBlocked(urlPrefix: string): void {
    this.expectedBlocked.push(urlPrefix);
  }

  /** Writes the test's network log; resolves to the outside requests (empty when all stayed home). */
  finish(): string[] {
    const file: NetworkLogFile = {
      test: this.testName,
      project: this.project,
      expectedBlocked: [...this.expectedBlocked],
      contexts: this.contexts.map(({ origins, requests }) => ({ origins: [...origins], requests: [...requests.values()] })),
    };
    if (file.contexts.some((context) => context.requests.length > 0)) {
      mkdirSync(NETWORK_LOG_DIR, { recursive: true });
      writeFileSync(path.join(NETWORK_LOG_DIR, `${this.fileStem}.json`), `${JSON.stringify(file)}\n`);
    }
    return outsideRequests(file);
  }

  private writeConsole(line: string): void {
    if (this.consoleLines++ === 0) mkdirSync(CONSOLE_LOG_DIR, { recursive: true });
    appendFileSync(this.consoleFile, `${line}\n`);
  }
}

function describeConsole(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  const where = url === '' ? '' : ` (${url}:${lineNumber})`;
  return `[${message.type()}] ${message.text()}${where}`;
}

let active: TestRecorder | null = null;

/** The recorder of the test running in this worker (tests in a worker run one at a time). */
export const activeRecorder = (): TestRecorder | null => active;

export function startRecorder(testName: string, project: string, testId: string, specFile: string): TestRecorder {
  active = new TestRecorder(testName, project, slug(`${project}-${path.basename(specFile, '.spec.ts')}-${testId}`));
  return active;
}

export function stopRecorder(recorder: TestRecorder): void {
  if (active === recorder) active = null;
}
