import { argon2id } from 'hash-wasm';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

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

/** The floor the issue sets: never below 64 MiB, whatever a header or a caller asks for. */
export const MIN_MEMORY_KIB = 64 * 1024;
export const MIN_ITERATIONS = 2;
const MAX_ITERATIONS = 16;

/**
 * Passphrases are NFC-normalised so the same words typed on another keyboard or OS (composed vs
 * decomposed accents) unlock the vault.
 */
export async function deriveKeyFromPassphrase(passphrase: string, params: KdfParams): Promise<Buffer> {
  const hash = await argon2id({
    password: passphrase.normalize('NFC'),
    salt: Buffer.from(params.salt, 'base64'),
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  return Buffer.from(hash);
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
  await deriveKeyFromPassphrase('warm-up', probe);
  const started = performance.now();
  await deriveKeyFromPassphrase('calibration', probe);
  const perPass = Math.max(1, performance.now() - started) / probePasses;
  const iterations = Math.min(MAX_ITERATIONS, Math.max(MIN_ITERATIONS, Math.round(targetMs / perPass)));
  return { memoryKiB: MIN_MEMORY_KIB, iterations, parallelism: 1 };
}
