import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { APP_VERSION } from '../../shared/app-info';
import { VaultService } from '../../electron/services/vault/vault.service';

export const RENDERER_PASSPHRASE = 'bench renderer lantern orchard 42';

export interface Host {
  /** The address with the token, as the host printed it. */
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

/**
 * Starts the loopback test host (test/harness/cli.ts) on `vaultDir` with node and tsx, as the
 * keystroke row does, and resolves once it prints its HARNESS_URL line.
 */
export async function startHost(vaultDir: string): Promise<Host> {
  const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'test/harness/cli.ts', '--vault', vaultDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line.startsWith('HARNESS_URL=')) continue;
    const url = line.slice('HARNESS_URL='.length);
    const parsed = new URL(url);
    return {
      url,
      origin: parsed.origin,
      token: parsed.searchParams.get('token') ?? '',
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      },
    };
  }
  throw new Error('The test host stopped before printing HARNESS_URL.');
}

export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? execSync('command -v chromium', { encoding: 'utf8' }).trim();
  return chromium.launch({ executablePath, headless: true });
}

/**
 * A fresh browser context (own renderer process, empty HTTP cache, no cookies) that already holds the
 * host's session cookie, so the page loads without the token redirect in front of it.
 */
export async function hostContext(browser: Browser, host: Host): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: 'harness_session', value: host.token, url: host.origin }]);
  // tsx names functions with an `__name` helper that does not exist in the page they are sent to.
  await context.addInitScript({ content: 'window.__name = (fn) => fn;' });
  return context;
}

/**
 * A locked vault in a new temporary folder, made with the services directly (a cheap KDF: these rows
 * time the renderer, not Argon2id). `fill` may add records while it is open.
 */
export async function lockedVault(prefix: string, fill?: (vault: VaultService) => Promise<void>): Promise<{ dir: string; dispose(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const vault = new VaultService({ dir, appVersion: APP_VERSION, kdfCost: { memoryKiB: 64 * 1024, iterations: 1, parallelism: 1 } });
  await vault.create(RENDERER_PASSPHRASE);
  await vault.confirmRecoveryKeySaved();
  await fill?.(vault);
  vault.lock('user');
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
