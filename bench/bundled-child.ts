import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** The bundled verify-records child (verify-child.ts), built beside the backup child. */
export async function bundledVerifyChild(): Promise<string> {
  return path.join(path.dirname(await bundledBackupChild()), 'verify-child.js');
}

/**
 * The backup bench child as the app ships it: bundled, like the Electron main process, with the
 * database and backup worker threads emitted beside it as `<name>.js` (where startWorker looks for
 * them when bundled). Run from source through tsx, the process also carries tsx's compiler and the
 * TypeScript of every module, about 110 MB that no installed app has, and peak RSS is part of the row.
 */
const OUT = path.join('.bench-cache', 'bundle');

let built: Promise<string> | null = null;

export function bundledBackupChild(): Promise<string> {
  built ??= (async () => {
    mkdirSync(OUT, { recursive: true });
    // The bundles are ES modules named .js, as electron-vite's are.
    writeFileSync(path.join(OUT, 'package.json'), '{ "type": "module" }\n');
    const workers = ['database', 'backup', 'vault', 'activity'].flatMap((folder) =>
      readdirSync(path.join('electron', 'services', folder))
        .filter((name) => /-worker\.ts$/.test(name))
        .map((name) => path.join('electron', 'services', folder, name)),
    );
    await build({
      entryPoints: Object.fromEntries([
        ['backup-child', path.join('bench', 'backup-child.ts')],
        ['verify-child', path.join('bench', 'verify-child.ts')],
        ...workers.map((file) => [path.basename(file, '.ts'), file]),
      ]),
      outdir: OUT,
      bundle: true,
      platform: 'node',
      format: 'esm',
      // Dynamic imports (the PDF engine, loaded only when a summary falls back to the main process)
      // become chunks loaded on demand, as electron-vite emits them.
      splitting: true,
      target: 'node20',
      external: ['better-sqlite3-multiple-ciphers'],
      // Bundled CommonJS dependencies call require(), which an ES module lacks.
      banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
      logLevel: 'warning',
    });
    return path.join(OUT, 'backup-child.js');
  })();
  return built;
}
