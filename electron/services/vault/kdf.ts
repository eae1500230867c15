import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { runningBundled, startWorker } from '../workers/worker-thread';
import { argon2idInProcess, type KdfJob } from './kdf-argon2';

/** Argon2id parameters as stored in the vault header; the salt is base64. */
export interface KdfParams {
  algorithm: 'argon2id';
  version: 19;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: string;
}

export type KdfCost = Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;

/** The least memory Argon2id runs with: 64 MiB, whatever a header or a caller asks for. */
export const MIN_MEMORY_KIB = 64 * 1024;
export const MIN_ITERATIONS = 2;
const MAX_ITERATIONS = 16;

/**
 * Argon2id of the passphrase (NFC-normalised, see kdf-argon2.ts). In the bundled app it runs on a worker
 * thread of its own: the main process stays responsive during the derivation, and the 64 MiB or more
 * of WebAssembly memory it fills is given back when the thread ends instead of staying resident beside
 * the open vault until some later garbage collection. From source (tests, the test host) the worker's
 * start-up through tsx would cost more than the derivation, so it runs here unless `onWorker` is set.
 * If no worker can start, the derivation runs here too.
 */
export async function deriveKeyFromPassphrase(passphrase: string, params: KdfParams, options: { onWorker?: boolean } = {}): Promise<Buffer> {
  if (!(options.onWorker ?? runningBundled())) return argon2idInProcess(passphrase, params);
  const job: KdfJob = { passphrase, params };
  let worker;
  try {
    worker = startWorker('vault/kdf-worker.ts', job);
  } catch {
    return argon2idInProcess(passphrase, params);
  }
  const started = worker;
  const key = await new Promise<Buffer | 'unavailable'>((resolve) => {
    started.once('message', (bytes: Uint8Array | null) => resolve(bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : 'unavailable'));
    started.once('error', () => resolve('unavailable'));
    started.once('exit', () => resolve('unavailable'));
  });
  void started.terminate();
  return key === 'unavailable' ? argon2idInProcess(passphrase, params) : key;
}

export function newKdfParams(cost: KdfCost): KdfParams {
  return { algorithm: 'argon2id', version: 19, ...cost, salt: randomBytes(16).toString('base64') };
}

export function isAcceptableCost(cost: KdfCost): boolean {
  return cost.memoryKiB >= MIN_MEMORY_KIB && cost.iterations >= 1 && cost.parallelism >= 1;
}

/**
 * Picks the iteration count that makes one derivation take about `targetMs` on this machine, at
 * 64 MiB. Measured once at vault creation; the result is stored in the header.
 */
export async function tuneKdfCost(targetMs = 500): Promise<KdfCost> {
  const probePasses = 3;
  const probe = newKdfParams({ memoryKiB: MIN_MEMORY_KIB, iterations: probePasses, parallelism: 1 });
  // The first call compiles the WASM module; time the second, which is what an unlock costs. A
  // multi-pass probe spreads the fixed cost of allocating 64 MiB, which a one-pass probe overstates.
  // Timed in this thread: a worker's start-up would be measured as Argon2id's own cost.
  await argon2idInProcess('warm-up', probe);
  const started = performance.now();
  await argon2idInProcess('calibration', probe);
  const perPass = Math.max(1, performance.now() - started) / probePasses;
  const iterations = Math.min(MAX_ITERATIONS, Math.max(MIN_ITERATIONS, Math.round(targetMs / perPass)));
  return { memoryKiB: MIN_MEMORY_KIB, iterations, parallelism: 1 };
}
