import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts one of the services' worker threads by name. Bundled (the Electron main process), each worker
 * is its own entry beside the main bundle (electron.vite.config.ts); from source (the test host, the
 * bench and Vitest run TypeScript directly) the worker's .ts file is loaded through tsx's CommonJS hook,
 * because a worker does not inherit the loader its parent was started with.
 */
export function startWorker(name: string, workerData: unknown): Worker {
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  if (here.endsWith('.ts')) {
    const source = path.join(dir, `${name}.ts`);
    const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`;
    return new Worker(boot, { eval: true, workerData });
  }
  return new Worker(path.join(dir, `${name}.js`), { workerData });
}
