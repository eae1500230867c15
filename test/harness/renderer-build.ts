import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so the host works whatever the caller's cwd is. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const rendererOutDir = (root = REPO_ROOT): string => path.join(root, 'out', 'renderer');

/** Newest modification time of any file under the given paths (0 when none exist). */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (entry: string): void => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const child of readdirSync(entry)) visit(path.join(entry, child));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

/**
 * The built renderer is stale when its index.html is missing or older than any source it is built
 * from. The Vite config is included because changing it changes the output just as surely.
 */
export function rendererIsStale(root = REPO_ROOT): boolean {
  const index = path.join(rendererOutDir(root), 'index.html');
  if (!existsSync(index)) return true;
  const sources = ['renderer', 'shared', 'electron.vite.config.ts'].map((p) => path.join(root, p));
  return statSync(index).mtimeMs < newestMtime(sources);
}

/** Same rule for the Electron main bundle, which only the electron project needs. */
export function mainIsStale(root = REPO_ROOT): boolean {
  const entry = path.join(root, 'out', 'main', 'index.js');
  if (!existsSync(entry)) return true;
  const sources = ['electron', 'shared', 'migrations', 'electron.vite.config.ts'].map((p) => path.join(root, p));
  return statSync(entry).mtimeMs < newestMtime(sources);
}

/**
 * Runs `electron-vite build`. Its stdout goes to our stderr: the harness's stdout is reserved for the
 * single HARNESS_URL line that callers parse.
 */
export function buildApp(root = REPO_ROOT): void {
  process.stderr.write('[harness] building the app with electron-vite…\n');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit code ${String(result.status)}).`);
}

/** Builds only when needed, so a second harness start (or a test run) costs nothing. */
export function ensureRendererBuilt(root = REPO_ROOT): void {
  if (rendererIsStale(root)) buildApp(root);
}
