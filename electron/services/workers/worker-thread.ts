import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts one of the services' worker threads. `source` is its file under electron/services/, e.g.
 * `database/integrity-worker.ts`. Bundled (the Electron main process), each worker is an entry of its
 * own emitted beside the main bundle as `<basename>.js` (electron.vite.config.ts); from source (the test
 * host, the bench and Vitest run TypeScript directly) the file is imported through tsx's ESM hook,
 * registered inside the worker, because a worker does not inherit the loader its parent was started with.
 */
export function startWorker(source: string, workerData: unknown): Worker {
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  if (here.endsWith('.ts')) {
    const url = pathToFileURL(path.join(dir, '..', source)).href;
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`;
    return new Worker(boot, { eval: true, workerData });
  }
  return new Worker(path.join(dir, `${path.basename(source).replace(/\.tsx?$/, '')}.js`), { workerData });
}

/**
 * Whether this is the bundled build, where a worker starts in tens of milliseconds. From source each
 * worker first loads tsx and compiles its modules (a few hundred milliseconds), which only pays off
 * for work that takes longer than that.
 */
export function runningBundled(): boolean {
  return !fileURLToPath(import.meta.url).endsWith('.ts');
}
