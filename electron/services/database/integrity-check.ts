import { CheckState, type IntegrityJob, type IntegrityVerdict } from './integrity-protocol';
import { startWorker } from '../workers/worker-thread';

export interface IntegrityCheck {
  /** Settles once with the worker's verdict; never rejects. */
  readonly verdict: Promise<IntegrityVerdict>;
  /**
   * Stops a check that has not opened its connection yet, or blocks until a running one has closed it.
   * Locking and restoring call it: after a lock no connection may hold the key, and a restore must not
   * swap vault.db under an open one.
   */
  stop(): void;
}

// quick_check reads each page once; even a very large vault finishes well within this. Past it the
// worker is terminated rather than leaving the caller blocked.
const STOP_WAIT_MS = 30_000;

/** Starts quick_check of `file` on a worker thread with its own connection. */
export function startIntegrityCheck(file: string, dataKey: Buffer, nativeBinding?: string): IntegrityCheck {
  const shared = new SharedArrayBuffer(4);
  const state = new Int32Array(shared);
  const job: IntegrityJob = { file, dataKey: new Uint8Array(dataKey), state: shared, ...(nativeBinding ? { nativeBinding } : {}) };
  let worker;
  try {
    worker = startWorker('database/integrity-worker.ts', job);
  } catch {
    Atomics.store(state, 0, CheckState.DONE);
    return { verdict: Promise.resolve('unavailable'), stop: () => undefined };
  } finally {
    // workerData is copied when the worker is created; this copy of the key is no longer needed.
    job.dataKey.fill(0);
  }
  const started = worker;
  const verdict = new Promise<IntegrityVerdict>((resolve) => {
    started.once('message', (message: IntegrityVerdict) => resolve(message));
    started.once('error', () => resolve('unavailable'));
    started.once('exit', () => {
      // A thread that is gone holds no connection, however it ended.
      Atomics.store(state, 0, CheckState.DONE);
      resolve('unavailable');
    });
  });
  // A finished or failed worker must not keep the app (or a test run) alive.
  void verdict.then(() => started.unref());
  return {
    verdict,
    stop() {
      const was = Atomics.compareExchange(state, 0, CheckState.STARTING, CheckState.CANCELLED);
      if (was !== CheckState.RUNNING) return;
      if (Atomics.wait(state, 0, CheckState.RUNNING, STOP_WAIT_MS) === 'timed-out') void started.terminate();
    },
  };
}
