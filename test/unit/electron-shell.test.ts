import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The Electron binary cannot be downloaded on our build machines, so the shell's own logic (protocol
 * handler, IPC sender check, preload bridge) is exercised here against a fake 'electron' module. The
 * real modules run unchanged; only the Electron APIs they call are recorded.
 */

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => ({
  protocolHandler: null as ((request: Request) => Promise<Response>) | null,
  ipcHandlers: new Map<string, (event: unknown, input: unknown) => unknown>(),
  exposed: null as Record<string, unknown> | null,
  rendererListeners: new Map<string, Set<Listener>>(),
  invoked: [] as [string, unknown][],
  appListeners: new Map<string, Listener>(),
  privilegedSchemes: [] as unknown[],
}));

vi.mock('electron', () => ({
  app: {
    on: (event: string, listener: Listener) => {
      fake.appListeners.set(event, listener);
    },
  },
  protocol: {
    handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
      fake.protocolHandler = handler;
    },
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      fake.privilegedSchemes.push(...schemes);
    },
  },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => {
      fake.ipcHandlers.set(channel, handler);
    },
  },
  contextBridge: {
    exposeInMainWorld: (_key: string, value: Record<string, unknown>) => {
      fake.exposed = value;
    },
  },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      fake.invoked.push([channel, input]);
      return { ok: true, value: null };
    },
    on: (channel: string, listener: Listener) => {
      const set = fake.rendererListeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      fake.rendererListeners.set(channel, set);
    },
    removeListener: (channel: string, listener: Listener) => {
      fake.rendererListeners.get(channel)?.delete(listener);
    },
  },
}));

describe('app:// protocol handler', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function handler(): Promise<(request: Request) => Promise<Response>> {
    const dir = mkdtempSync(path.join(tmpdir(), 'alliance-protocol-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html></html>');
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'export {};');
    const { serveAppProtocol } = await import('../../electron/main/app-protocol');
    serveAppProtocol(dir);
    const handle = fake.protocolHandler;
    if (!handle) throw new Error('protocol.handle was not called');
    return handle;
  }

  it('registers app:// as a standard, secure scheme whose compiled code is cached between starts', async () => {
    const { registerAppScheme } = await import('../../electron/main/app-protocol');
    registerAppScheme();
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  });

  it('serves index.html for / and files by MIME type, always with the CSP', async () => {
    const handle = await handler();
    const index = await handle(new Request('app://alliance/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'none'");
    const script = await handle(new Request('app://alliance/assets/app.js'));
    expect(script.headers.get('content-type')).toContain('text/javascript');
  });

  it('answers 404 (with the CSP) for traversal, folders, missing files and other hosts', async () => {
    const handle = await handler();
    for (const url of [
      'app://alliance/..%2f..%2fpackage.json',
      'app://alliance/assets',
      'app://alliance/missing.js',
      'app://other/index.html',
    ]) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy'), url).toBeTruthy();
    }
    expect((await handle(new Request('app://alliance/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('IPC sender check', () => {
  it('dispatches only calls from the main frame of our window showing our page', async () => {
    const { trackWindow } = await import('../../electron/main/windows');
    const { registerIpcHandlers } = await import('../../electron/main/ipc');
    const dispatch = vi.fn(async (method: string) => ({ ok: true as const, value: method }));
    registerIpcHandlers(dispatch);
    const handle = fake.ipcHandlers.get('alliance:getVaultStatus');
    if (!handle) throw new Error('no handler for getVaultStatus');

    const ours = { id: 7 };
    trackWindow({ webContents: ours, isDestroyed: () => false, on: () => undefined } as unknown as Parameters<typeof trackWindow>[0]);
    const mainFrame = { parent: null, url: 'app://alliance/index.html#/clients' };

    expect(await handle({ sender: ours, senderFrame: mainFrame }, {})).toEqual({ ok: true, value: 'getVaultStatus' });
    const refused = [
      { sender: ours, senderFrame: null },
      { sender: ours, senderFrame: { parent: mainFrame, url: 'app://alliance/frame.html' } },
      { sender: ours, senderFrame: { parent: null, url: 'https://example.com/' } },
      { sender: { id: 8 }, senderFrame: mainFrame },
    ];
    for (const event of refused) {
      expect(await handle(event, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});

describe('preload bridge', () => {
  beforeEach(() => {
    fake.invoked.length = 0;
  });

  it('exposes one frozen api: a function per method, on(), and no ipcRenderer', async () => {
    const { methodNames } = await import('../../shared/contract');
    await import('../../electron/preload/index');
    const api = fake.exposed;
    if (!api) throw new Error('nothing was exposed');
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort());

    const call = (name: string, input?: unknown) => (api[name] as (input?: unknown) => Promise<unknown>)(input);
    await call('getVaultStatus');
    await call('unlockVault', { passphrase: 'x' });
    expect(fake.invoked).toEqual([
      ['alliance:getVaultStatus', {}],
      ['alliance:unlockVault', { passphrase: 'x' }],
    ]);
  });

  it('on() passes only the payload, unsubscribes, and rejects unknown events', async () => {
    await import('../../electron/preload/index');
    const on = fake.exposed?.on as (event: string, listener: Listener) => () => void;
    expect(() => on('somethingElse', () => undefined)).toThrow(/Unknown event/);

    const received: unknown[][] = [];
    const off = on('vaultStateChanged', (...args) => received.push(args));
    const listeners = fake.rendererListeners.get('alliance:vaultStateChanged') ?? new Set<Listener>();
    for (const listener of listeners) listener({ sender: 'ipc event' }, { state: 'locked' });
    expect(received).toEqual([[{ state: 'locked' }]]);
    off();
    expect(listeners.size).toBe(0);
  });
});

describe('session and web-contents hardening', () => {
  it("cancels every request that is not to the app's origin, and grants no permission", async () => {
    const { hardenSession } = await import('../../electron/main/harden');
    const got: {
      filter?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
      onPermission?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
      checkPermission?: () => boolean;
    } = {};
    hardenSession({
      setPermissionRequestHandler: (handler: typeof got.onPermission) => (got.onPermission = handler),
      setPermissionCheckHandler: (handler: typeof got.checkPermission) => (got.checkPermission = handler),
      webRequest: { onBeforeRequest: (handler: typeof got.filter) => (got.filter = handler) },
    } as unknown as Parameters<typeof hardenSession>[0]);
    const decide = (url: string): boolean | undefined => {
      let cancelled: boolean | undefined;
      got.filter?.({ url }, (response) => (cancelled = response.cancel));
      return cancelled;
    };
    expect(decide('https://example.org/')).toBe(true);
    expect(decide('http://127.0.0.1:8080/beacon')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('app://alliance/assets/index.js')).toBe(false);
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'clipboard-read', 'openExternal']) got.onPermission?.({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false]);
    expect(got.checkPermission?.()).toBe(false);
  });

  it('denies new windows, navigation and redirects away from the app, and <webview>', async () => {
    const { hardenWebContents } = await import('../../electron/main/harden');
    hardenWebContents();
    const created = fake.appListeners.get('web-contents-created');
    if (!created) throw new Error('no web-contents-created listener');
    const handlers = new Map<string, Listener>();
    const got: { openHandler?: (details: { url: string }) => { action: string } } = {};
    created({}, {
      setWindowOpenHandler: (handler: typeof got.openHandler) => (got.openHandler = handler),
      on: (event: string, listener: Listener) => handlers.set(event, listener),
    });
    expect(got.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(got.openHandler?.({ url: 'app://alliance/index.html' })).toEqual({ action: 'deny' });
    const prevented = (event: string, url: string): boolean => {
      let wasPrevented = false;
      handlers.get(event)?.({ url, preventDefault: () => (wasPrevented = true) });
      return wasPrevented;
    };
    expect(prevented('will-navigate', 'https://example.org/')).toBe(true);
    expect(prevented('will-navigate', 'app://alliance/index.html#/clients')).toBe(false);
    expect(prevented('will-redirect', 'https://example.org/')).toBe(true);
    expect(prevented('will-attach-webview', 'app://alliance/index.html')).toBe(true);
  });
});
