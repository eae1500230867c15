import { promises as fs } from 'node:fs';
import path from 'node:path';
import { methodNames, type AllianceApi, type VaultStatus } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { expect, test } from './fixtures';

/**
 * Checks the test setup itself: the page gets exactly the preload's window.api and no Node, calls
 * reach the real services, their validation holds over HTTP, and the host refuses strangers.
 */
type ApiWindow = Window & { api: AllianceApi };

test('the page gets a frozen window.api with exactly the contract methods and no Node access', async ({ app }) => {
  const shape = await app.evaluate(() => {
    const w = window as unknown as ApiWindow & Record<string, unknown>;
    return {
      keys: Object.keys(w.api).sort(),
      frozen: Object.isFrozen(w.api),
      functions: Object.values(w.api).every((value) => typeof value === 'function'),
      require: typeof w['require'],
      process: typeof w['process'],
      ipcRenderer: typeof w['ipcRenderer'],
      // What nodeIntegration or a leaky preload would also put on the page.
      module: typeof w['module'],
      Buffer: typeof w['Buffer'],
      global: typeof w['global'],
      electron: typeof w['electron'],
    };
  });
  expect(shape.keys).toEqual([...methodNames, 'on'].sort());
  expect(shape.frozen).toBe(true);
  expect(shape.functions).toBe(true);
  expect(shape).toMatchObject({
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    global: 'undefined',
    electron: 'undefined',
  });
});

test('getVaultStatus reaches the real services and finds no vault yet', async ({ app }) => {
  const result = await app.evaluate(() => (window as unknown as ApiWindow).api.getVaultStatus({}));
  expect(result).toMatchObject({ ok: true, value: { state: 'absent', lockReason: null, problem: null } });
});

test.describe('the loopback host', () => {
  test.beforeEach(({ projectName }) => {
    test.skip(projectName === 'electron', 'checks the loopback test host, which Electron does not use');
  });

  test('serves the app page under the app CSP with the test api injected first', async ({ harness, page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(harness.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const html = await (await harness.request.get('/')).text();
    const injected = html.indexOf('<script src="/__harness/api.js"></script>');
    expect(injected).toBeGreaterThan(-1);
    expect(html.indexOf('<script', injected + 1)).toBeGreaterThan(injected);
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });

  test('a call the host refuses resolves to an INTERNAL error instead of throwing', async ({ app }) => {
    await app.context().clearCookies();
    const result = await app.evaluate(() => (window as unknown as ApiWindow).api.getVaultStatus({}));
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'The app could not reach its services.' } });
  });

  test('validates inputs with the contract and leaves the vault folder untouched', async ({ harness }) => {
    const response = await harness.request.post('/__api/createVault', { data: { passphrase: 42 } });
    expect(response.status()).toBe(200);
    const result = (await response.json()) as Result<unknown>;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');

    const malformed = await harness.request.post('/__api/getVaultStatus', {
      headers: { 'content-type': 'application/json' },
      data: '{"not json',
    });
    expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const unknown = await harness.request.post('/__api/dropAllTables', { data: {} });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    expect(await fs.readdir(harness.vaultDir)).toEqual([]);
  });

  test('refuses requests without the session cookie or with a wrong token', async ({ harness, playwright }) => {
    const origin = new URL(harness.url).origin;
    const stranger = await playwright.request.newContext({ baseURL: origin });
    try {
      expect((await stranger.get('/')).status()).toBe(403);
      expect((await stranger.get('/?token=wrong')).status()).toBe(403);
      expect((await stranger.post('/__api/getVaultStatus', { data: {} })).status()).toBe(403);
      expect((await stranger.get('/__harness/api.js')).status()).toBe(403);
      expect((await stranger.get('/__events')).status()).toBe(403);
    } finally {
      await stranger.dispose();
    }
  });

  test('does not serve files outside the built renderer', async ({ harness }) => {
    for (const probe of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%2f..%2f..%2fpackage.json']) {
      const response = await harness.request.get(probe);
      expect(response.status(), probe).not.toBe(200);
    }
  });

  test('delivers service events to window.api.on listeners', async ({ app }) => {
    const outcome = await app.evaluate(async () => {
      const { api } = window as unknown as ApiWindow;
      const seen: VaultStatus[] = [];
      const unsubscribe = api.on('vaultStateChanged', (status) => seen.push(status));
      const created = await api.createVault({ passphrase: 'quiet harbour lantern 7 orchard' });
      const locked = await api.lockVault({});
      // Events travel on a separate connection; give the last one a moment to arrive.
      const deadline = Date.now() + 5000;
      while (seen.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      unsubscribe();
      return { created: created.ok, locked, states: seen.map((status) => status.state) };
    });
    expect(outcome.created).toBe(true);
    expect(outcome.locked).toMatchObject({ ok: true, value: { state: 'locked', lockReason: 'user' } });
    expect(outcome.states).toEqual(['unlocked', 'locked']);
  });
});

test.describe('dialog answers', () => {
  test.beforeEach(({ projectName }) => {
    test.skip(projectName === 'electron', 'Electron shows real OS dialogs, which a test cannot answer');
  });

  test('a queued answer is used once, then the dialog folder rule applies again', async ({ app, harness }) => {
    const chosen = path.join(harness.dialogDir, 'chosen-by-the-test.txt');
    await harness.setDialogAnswer('save', chosen);
    const outcome = await app.evaluate(async () => {
      const { api } = window as unknown as ApiWindow;
      const created = await api.createVault({ passphrase: 'quiet harbour lantern 7 orchard' });
      if (!created.ok) return { error: created.error.code };
      const first = await api.saveRecoveryKeyToFile({ recoveryKey: created.value.recoveryKey });
      const second = await api.saveRecoveryKeyToFile({ recoveryKey: created.value.recoveryKey });
      return { first, second };
    });
    expect(outcome).toEqual({
      first: { ok: true, value: { saved: true, path: chosen } },
      second: { ok: true, value: { saved: true, path: path.join(harness.dialogDir, 'alliance-notes-recovery-key.txt') } },
    });
    expect((await fs.readdir(harness.dialogDir)).sort()).toEqual(['alliance-notes-recovery-key.txt', 'chosen-by-the-test.txt']);
  });
});
