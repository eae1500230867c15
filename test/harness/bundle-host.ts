import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { WORKER_ENTRIES } from '../../electron/services/workers/worker-entries';
import { REPO_ROOT } from './renderer-build';

/** Where the bundled test host is written; two levels below the root, as test/harness/ is. */
export const HOST_BUNDLE_DIR = path.join(REPO_ROOT, 'out', 'harness');
export const HOST_BUNDLE_ENTRY = path.join(HOST_BUNDLE_DIR, 'cli.js');

/**
 * Bundles the test host and the services' workers once per Playwright run. Started under tsx, each
 * test's host spent a second or more resolving and transforming a few hundred modules before it could
 * serve; bundled, it starts in a fraction of that. Packages stay external (resolved from node_modules
 * as usual), so the bundle holds only this repository's code and builds in about a second.
 */
export async function bundleHost(): Promise<void> {
  mkdirSync(HOST_BUNDLE_DIR, { recursive: true });
  await build({
    entryPoints: { cli: path.join(REPO_ROOT, 'test/harness/cli.ts'), ...Object.fromEntries(Object.entries(WORKER_ENTRIES).map(([name, source]) => [name, path.join(REPO_ROOT, source)])) },
    outdir: HOST_BUNDLE_DIR,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    logLevel: 'warning',
  });
  // api-script.ts reads the injected script beside itself.
  copyFileSync(path.join(REPO_ROOT, 'test/harness/injected-api.js'), path.join(HOST_BUNDLE_DIR, 'injected-api.js'));
}
