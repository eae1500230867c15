import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, test as base, type APIRequestContext, type ElectronApplication, type Page } from '@playwright/test';
import type { DialogKind } from '../harness/harness-dialogs';
import { REPO_ROOT } from '../harness/renderer-build';
import type { HarnessOsEvent } from '../harness/server';
import { APP_ORIGIN } from '../../electron/services/url-policy';
import { electronBinaryInstalled } from './electron-binary';
import { costFlags, startHarness, type HostCosts } from './harness-process';
import { copyProcessLogs, startRecorder, stopRecorder, type TestRecorder } from './run-logs';

export type ProjectName = 'chromium' | 'electron';

export interface Harness {
  /** The token URL the host printed ('' under electron, where no host runs). */
  url: string;
  vaultDir: string;
  dialogDir: string;
  /** Requests carrying the session cookie, for calling /__api/* directly. */
  request: APIRequestContext;
  /** Queues a one-time answer for the next dialog of that kind (null = the user cancels). */
  setDialogAnswer(kind: DialogKind, answer: string | null): Promise<void>;
}

interface Fixtures {
  /**
   * The test host's key derivation costs: cheap test costs unless a spec asks for the app's own with
   * `test.use({ hostCosts: 'production' })` (harness-process.ts). Electron always runs the app's own.
   */
  hostCosts: HostCosts;
  /** `testInfo.project.name`, so specs can skip dialog-dependent steps under electron. */
  projectName: ProjectName;
  harness: Harness;
  /** A page showing the app: the built renderer in Chromium via the host, or Electron's first window. */
  app: Page;
  electronGate: void;
  tempDirs: { vaultDir: string; dialogDir: string };
  /**
   * Every test, automatically: records every request and console message of every page (run-logs.ts)
   * and fails the test if any request went anywhere but the app's own origin (data: and blob: aside).
   */
  recorder: TestRecorder;
  /** The launched Electron app under the electron project; null under chromium. */
  electronApp: ElectronApplication | null;
  /**
   * Makes the app live through an OS event as the shell would: the computer suspending, the screen
   * locking, or the idle timer running out. Through the test host under chromium; under electron,
   * suspend and lock-screen are emitted on the main process's real powerMonitor (idle has no hook
   * there: a spec waits out a one-minute auto-lock instead).
   */
  osEvent: (event: HarnessOsEvent) => Promise<void>;
}

export const ELECTRON_MISSING =
  'Electron binary not installed on this machine (it cannot be downloaded here); the electron project ran nothing';

export const test = base.extend<Fixtures>({
  hostCosts: ['test', { option: true }],

  projectName: async ({}, use, testInfo) => {
    await use(testInfo.project.name === 'electron' ? 'electron' : 'chromium');
  },

  // Auto, so it runs before any other fixture: a missing binary skips the test (with this reason in the
  // report) before a host process or a browser is started for nothing.
  electronGate: [
    async ({ projectName }, use, testInfo) => {
      testInfo.skip(projectName === 'electron' && !electronBinaryInstalled(), ELECTRON_MISSING);
      await use();
    },
    { auto: true },
  ],

  recorder: [
    async ({}, use, testInfo) => {
      const recorder = startRecorder(testInfo.titlePath.slice(1).join(' › '), testInfo.project.name, testInfo.testId, testInfo.file);
      try {
        await use(recorder);
      } finally {
        stopRecorder(recorder);
      }
      // Torn down after every context (they depend on this fixture), so every request has been seen.
      const outside = recorder.finish();
      if (outside.length > 0) {
        throw new Error(`The page made requests outside the app's own origin (${[...recorder.ownOrigins].join(', ') || 'none started'}):\n${outside.join('\n')}`);
      }
    },
    { auto: true },
  ],

  // The built-in context, watched by the recorder from its first request (the app page's own load).
  context: async ({ context, recorder }, use) => {
    recorder.watch(context);
    await use(context);
  },

  tempDirs: async ({}, use) => {
    const vaultDir = await fs.mkdtemp(path.join(os.tmpdir(), 'alliance-e2e-'));
    const dialogDir = await fs.mkdtemp(path.join(os.tmpdir(), 'alliance-e2e-'));
    await use({ vaultDir, dialogDir });
    await Promise.all([vaultDir, dialogDir].map((dir) => fs.rm(dir, { recursive: true, force: true })));
  },

  harness: async ({ tempDirs, projectName, playwright, recorder, hostCosts }, use, testInfo) => {
    const { vaultDir, dialogDir } = tempDirs;
    if (projectName === 'electron') {
      // Electron answers dialogs with real OS dialogs; specs skip those steps under this project.
      const request = await playwright.request.newContext();
      await use({
        url: '',
        vaultDir,
        dialogDir,
        request,
        setDialogAnswer: () => Promise.reject(new Error('Dialog answers need the test host; skip this step under electron.')),
      });
      await request.dispose();
      return;
    }

    const host = await startHarness(['--vault', vaultDir, '--dialog-dir', dialogDir, ...costFlags(hostCosts)]);
    recorder.ownOrigins.add(new URL(host.url).origin);
    // Its own cookie jar, so it works before (or without) a page; the token URL sets the cookie.
    const request = await playwright.request.newContext({ baseURL: new URL(host.url).origin });
    let exitCode: number | null = null;
    try {
      const login = await request.get(host.url, { maxRedirects: 0 });
      if (login.status() !== 302) throw new Error(`The test host refused its own token (HTTP ${login.status()}).`);
      await use({
        url: host.url,
        vaultDir,
        dialogDir,
        request,
        setDialogAnswer: async (kind, answer) => {
          const response = await request.post('/__harness/dialog', { data: { kind, answer } });
          const result = (await response.json()) as { ok: boolean };
          if (!result.ok) throw new Error(`The test host refused the dialog answer: ${JSON.stringify(result)}`);
        },
      });
    } finally {
      await request.dispose();
      exitCode = await host.stop();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('harness-stderr', { body: host.stderr(), contentType: 'text/plain' });
      }
    }
    // A host that cannot stop cleanly (vault not locked, server stuck) fails the test that used it.
    if (exitCode !== 0) throw new Error(`The test host exited with code ${String(exitCode)} on SIGTERM.\n${host.stderr()}`);
  },

  electronApp: async ({ projectName, tempDirs, recorder }, use) => {
    if (projectName !== 'electron') {
      await use(null);
      return;
    }
    const electronApp = await _electron.launch({
      args: [path.join(REPO_ROOT, 'out', 'main', 'index.js'), '--vault', tempDirs.vaultDir],
      cwd: REPO_ROOT,
    });
    // The main process's stdout and stderr are the app's logs; the run's final check scans them.
    const logsWritten = copyProcessLogs('electron', electronApp.process().stdout, electronApp.process().stderr);
    recorder.ownOrigins.add(APP_ORIGIN);
    recorder.watch(electronApp.context());
    try {
      await use(electronApp);
    } finally {
      await electronApp.close();
      await logsWritten;
    }
  },

  // Depends on `page` so that under chromium `app` IS the test's page (traces, screenshots, and specs
  // that also use `page` all see the same one). Under electron that page goes unused; the gate above
  // means it is only ever created where Electron actually runs.
  app: async ({ page, harness, electronApp }, use) => {
    if (electronApp === null) {
      await page.goto(harness.url);
      await use(page);
      return;
    }
    await use(await electronApp.firstWindow());
  },

  osEvent: async ({ projectName, harness, electronApp }, use) => {
    await use(async (event) => {
      if (projectName === 'chromium') {
        const response = await harness.request.post('/__harness/os-event', { data: { event } });
        const result = (await response.json()) as { ok: boolean };
        if (!result.ok) throw new Error(`The test host refused the OS event: ${JSON.stringify(result)}`);
        return;
      }
      if (event === 'idle' || electronApp === null) throw new Error('Electron has no hook for the idle timer; wait out a one-minute auto-lock instead.');
      // The shell's own handlers (electron/main/os-lock.ts) listen on this very emitter.
      await electronApp.evaluate(({ powerMonitor }, name) => powerMonitor.emit(name), event);
    });
  },
});

export { expect } from '@playwright/test';
