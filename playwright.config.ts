import { execSync } from 'node:child_process';
import { defineConfig, type LaunchOptions } from '@playwright/test';

/**
 * The renderer is tested in the system Chromium (Playwright's own browser download is not possible on
 * our build machines) against the real services through the loopback host in test/harness. The
 * `electron` project runs the same specs in Electron where its binary exists, and reports them as
 * skipped, with the reason, where it does not.
 */
function systemChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    const found = execSync('command -v chromium', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return found === '' ? undefined : found;
  } catch {
    return undefined; // not installed: a developer's own Playwright browser is used instead
  }
}

const launchOptions: LaunchOptions = {
  executablePath: systemChromium(),
  // No sandbox/GPU/shared memory in containers; the rest keeps Chromium from calling home mid-test.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/** Specs that type key by key into the note editor right after a click: run alone, after the rest. */
const TYPED_ALONE = ['**/fast-typing.spec.ts', '**/notes.spec.ts', '**/paste-tables.spec.ts'];

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  // Run-wide checks once every test is done: all requests stayed on the app's origin, and no log holds
  // a client name or note text (see the file).
  globalTeardown: './test/e2e/global-teardown.ts',
  // Two specs side by side on two cores, except the keystroke specs (TYPED_ALONE), which run after
  // them with the machine to themselves: under load, ProseMirror can place the first key typed right
  // after a click into an empty section before the caret settles (docs/testing.md).
  workers: 2,
  fullyParallel: false,
  retries: 0,
  // The list reporter never prints why a test was skipped; the second reporter adds those reasons.
  reporter: [['list'], ['./test/e2e/skip-reasons-reporter.ts']],
  timeout: 60_000,
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'chromium', testIgnore: TYPED_ALONE, use: { browserName: 'chromium', headless: true, launchOptions } },
    // Runs once 'chromium' has finished, one test at a time: the specs that type key by key into the editor.
    { name: 'chromium-typing', testMatch: TYPED_ALONE, dependencies: ['chromium'], workers: 1, use: { browserName: 'chromium', headless: true, launchOptions } },
    // The app fixture launches Electron itself; launchOptions are here only in case a spec asks for `page`.
    { name: 'electron', use: { browserName: 'chromium', headless: true, launchOptions } },
  ],
});
