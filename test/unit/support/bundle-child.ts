import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface BundledChild {
  /** The bundled script, to start with `node <file> …`. */
  file: string;
  /** Its folder, for the test's afterAll to remove. */
  dir: string;
}

/**
 * Bundles a child-process script of a unit test once, for tests that start it many times. Started with
 * `node --import tsx`, a child spends about a second resolving and transforming its ~200 modules before
 * it does anything; bundled, it starts in about a third of that. The bundle sits under node_modules so
 * the native SQLite module, left external, resolves as usual.
 */
export async function bundleChild(entry: string): Promise<BundledChild> {
  mkdirSync(path.join(repoRoot, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(path.join(repoRoot, 'node_modules/.cache/test-child-'));
  const file = path.join(dir, `${path.basename(entry, path.extname(entry))}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers'],
    // Bundled CommonJS dependencies call require(), which an ES module lacks.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return { file, dir };
}
