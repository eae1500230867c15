import { describe, expect, it } from 'vitest';
import { deriveKeyFromPassphrase, newKdfParams } from '../../electron/services/vault/kdf';

/*
 * The bundled app derives the passphrase key on a worker thread, so Argon2id's 64 MiB of WebAssembly
 * memory leaves with the thread instead of staying resident in the main process beside the open vault
 * (it counts in every later peak, a backup's included). From source it runs in-process; `onWorker`
 * forces the worker path here.
 */
const params = newKdfParams({ memoryKiB: 64 * 1024, iterations: 1, parallelism: 1 });
const MiB = 2 ** 20;

describe('the passphrase key derivation', () => {
  it('on a worker, leaves no Argon2id memory behind in this thread; in-process, it does', async () => {
    // Runs first in this file (its own thread under Vitest): no earlier derivation left memory to collect.
    const external = () => process.memoryUsage().external;
    for (let i = 0; i < 3; i++) await deriveKeyFromPassphrase(`worker ${i}`, params, { onWorker: true });
    expect(external()).toBeLessThan(16 * MiB);
    // The control: the same derivation in this thread keeps its 64 MiB until a garbage collection.
    await deriveKeyFromPassphrase('in process', params, { onWorker: false });
    expect(external()).toBeGreaterThan(64 * MiB);
  }, 30_000);
  it('gives the same key on a worker thread as in-process, NFC-normalised, and different keys for different passphrases', async () => {
    const composed = 'caf\u00e9 lantern orbit 12';
    const decomposed = 'cafe\u0301 lantern orbit 12';
    const onWorker = await deriveKeyFromPassphrase(composed, params, { onWorker: true });
    const inProcess = await deriveKeyFromPassphrase(decomposed, params, { onWorker: false });
    expect(onWorker.length).toBe(32);
    expect(onWorker.equals(inProcess)).toBe(true);
    const other = await deriveKeyFromPassphrase('cafe lantern orbit 12', params, { onWorker: true });
    expect(other.equals(onWorker)).toBe(false);
  }, 30_000);

});
