import { parentPort, workerData } from 'node:worker_threads';
import { argon2idInProcess, type KdfJob } from './kdf-argon2';

/**
 * One Argon2id derivation on its own thread. The WebAssembly memory it needs (64 MiB or more) belongs
 * to this thread and is returned to the system when the thread ends; in the main process it would
 * stay resident until a garbage collection that may not come for a long time.
 */
const job = workerData as KdfJob;
argon2idInProcess(job.passphrase, job.params).then(
  (key) => {
    const bytes = new Uint8Array(key);
    key.fill(0);
    parentPort?.postMessage(bytes, [bytes.buffer]);
  },
  () => parentPort?.postMessage(null),
);
