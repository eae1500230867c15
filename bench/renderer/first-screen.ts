import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';

export const ASSETS_DIR = path.resolve('out/renderer/assets');

/**
 * Runs in the page before any of its scripts (an init script). It resolves `window.__benchInteractive`
 * once the passphrase field is attached, visible, enabled and holds the focus (the screen focuses it
 * itself; if it has not, the script focuses it and requires that to take), then waits for the next
 * frame (`paintedMs`, after a task posted from requestAnimationFrame, so the frame has been drawn).
 * Times are performance.now(): milliseconds since navigation start.
 */
const INTERACTIVE_PROBE = `
window.__benchInteractive = new Promise((resolve) => {
  let done = false;
  const check = () => {
    if (done) return;
    const field = [...document.querySelectorAll('input[type="password"]')].find((input) => input.labels && [...input.labels].some((label) => label.textContent.trim().startsWith('Passphrase')));
    if (!field || field.disabled || field.readOnly || !field.isConnected) return;
    const box = field.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || (field.checkVisibility && !field.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))) return;
    if (document.activeElement !== field) field.focus();
    if (document.activeElement !== field) return;
    done = true;
    observer.disconnect();
    const readyMs = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ readyMs, paintedMs: performance.now() });
      channel.port2.postMessage(null);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
});
`;

export interface ScriptLoad {
  /** Path under the host, e.g. /assets/index-abc.js. */
  path: string;
  responseEndMs: number;
}

export interface UnlockScreenLoad {
  /** The passphrase field usable (visible, enabled, focused). */
  readyMs: number;
  /** The frame after that, drawn. */
  paintedMs: number;
  /** The app page's response (the host's own latency). */
  documentMs: number;
  /** Every script the page fetched, by the time of the call. */
  scripts: ScriptLoad[];
}

export async function installInteractiveProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: INTERACTIVE_PROBE });
}

/** Navigates (or reloads) and waits for the unlock screen to be interactive; then checks typing lands in the field. */
export async function loadUnlockScreen(page: Page, navigate: () => Promise<unknown>): Promise<UnlockScreenLoad> {
  await navigate();
  const { readyMs, paintedMs } = await page.evaluate(() => (window as unknown as { __benchInteractive: Promise<{ readyMs: number; paintedMs: number }> }).__benchInteractive);
  // Not timed: the field really takes typing.
  await page.keyboard.type('x');
  const value = await page.getByLabel('Passphrase', { exact: true }).inputValue();
  if (value !== 'x') throw new Error(`The passphrase field did not take typing (it holds "${value}").`);
  await page.getByLabel('Passphrase', { exact: true }).fill('');
  return { readyMs, paintedMs, ...(await resourceTimes(page)) };
}

export async function resourceTimes(page: Page): Promise<{ documentMs: number; scripts: ScriptLoad[] }> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .map((entry) => ({ path: new URL(entry.name).pathname, responseEndMs: entry.responseEnd }))
      .filter((entry) => /\.m?js$/.test(entry.path));
    return { documentMs: navigation?.responseEnd ?? NaN, scripts };
  });
}

export interface JsSize {
  files: number;
  raw: number;
  gzip: number;
}

const sizeOf = (files: readonly string[]): JsSize => {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, raw, gzip };
};

/** The app's own JS among `scripts` (the host's injected /__harness/api.js is not part of the app). */
export function appScriptFiles(scripts: readonly ScriptLoad[]): string[] {
  return [...new Set(scripts.filter((script) => script.path.startsWith('/assets/')).map((script) => path.join(ASSETS_DIR, path.basename(script.path))))];
}

export const jsSize = (files: readonly string[]): JsSize => sizeOf(files);

/** Every JS file the build produced (pdf.js's worker included). */
export const allJsSize = (): JsSize => sizeOf(readdirSync(ASSETS_DIR).filter((name) => /\.m?js$/.test(name)).map((name) => path.join(ASSETS_DIR, name)));

/** Strings that only the on-demand parts contain, to tell whether a file carries them. */
const ON_DEMAND_MARKERS: Record<string, string> = {
  'editor (Tiptap/ProseMirror)': 'ProseMirror',
  'charts (d3)': 'rebeccapurple',
  'PDF (pdf.js)': 'pdfjs',
  'passphrase dictionaries (zxcvbn)': 'qwertyuiop',
};

/** Which on-demand parts the given files carry. */
export function onDemandPartsIn(files: readonly string[]): string[] {
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  return Object.entries(ON_DEMAND_MARKERS)
    .filter(([, marker]) => texts.some((text) => text.includes(marker)))
    .map(([part]) => part);
}

export const kb = (bytes: number): string => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
