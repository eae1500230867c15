import type { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { ActivityLogVerdict } from '../../../shared/clients';
import type { ChainAnchor } from '../../../shared/record-verification';
import type { VaultReaderSource, VaultService } from '../vault/vault.service';
import { runningBundled, startWorker } from '../workers/worker-thread';
import { verifyActivityLog } from './activity-log';
import { VerifyState, type VerifyJob, type VerifyReply } from './verify-protocol';

// Between two batches the worker sees a stop within tens of milliseconds; past this it is terminated
// rather than leaving a lock blocked.
const STOP_WAIT_MS = 5_000;

/**
 * "Verify records" for the open vault, against the anchor in its header. In the bundled app it runs on
 * a worker thread with its own connection, opened like a backup's reader so a lock closes it; from
 * source (tests), where starting a worker costs more than a small vault's check, it runs here unless
 * `onWorker` is set. If the worker cannot run, the check runs here too.
 */
export async function verifyRecords(vault: VaultService, options: { onWorker?: boolean } = {}): Promise<ActivityLogVerdict> {
  const anchor = vault.chainAnchor();
  if (!(options.onWorker ?? runningBundled())) return verifyActivityLog(vault.database(), { anchor });
  const run = await vault.openReader((source) => startVerification(source, anchor));
  let reply: VerifyReply | 'cancelled';
  try {
    reply = await run.reply;
  } finally {
    run.close();
  }
  if (reply === 'cancelled') throw new AppError('VAULT_LOCKED', 'The vault locked before the records were verified. Unlock it and verify again.');
  if (reply.kind === 'unavailable') return verifyActivityLog(vault.database(), { anchor });
  return reply.verdict;
}

interface VerificationRun {
  /** Settles once; never rejects. `cancelled` when the vault locked first. */
  reply: Promise<VerifyReply | 'cancelled'>;
  close(): void;
}

function startVerification(source: VaultReaderSource, anchor: ChainAnchor | null): VerificationRun {
  const shared = new SharedArrayBuffer(4);
  const state = new Int32Array(shared);
  const job: VerifyJob = {
    file: source.file,
    dataKey: new Uint8Array(source.dataKey),
    anchor,
    state: shared,
    ...(source.nativeBinding ? { nativeBinding: source.nativeBinding } : {}),
  };
  let worker: Worker;
  try {
    worker = startWorker('activity/verify-worker.ts', job);
  } catch {
    return { reply: Promise.resolve({ kind: 'unavailable' }), close: () => undefined };
  } finally {
    // workerData is copied when the worker is created; this copy of the key is no longer needed.
    job.dataKey.fill(0);
  }
  let settle: (reply: VerifyReply | 'cancelled') => void = () => undefined;
  const reply = new Promise<VerifyReply | 'cancelled'>((resolve) => {
    settle = resolve;
    worker.once('message', (message: VerifyReply) => resolve(message));
    worker.once('error', () => resolve({ kind: 'unavailable' }));
    worker.once('exit', () => resolve({ kind: 'unavailable' }));
  });
  return {
    reply,
    close() {
      // Called once the reply is in, or by a lock: a worker that has not opened its connection is told
      // not to, and a running one is stopped and waited for, so no connection keeps the key after a lock.
      settle('cancelled');
      Atomics.compareExchange(state, 0, VerifyState.STARTING, VerifyState.CANCELLED);
      if (Atomics.compareExchange(state, 0, VerifyState.RUNNING, VerifyState.STOPPING) === VerifyState.RUNNING) {
        if (Atomics.wait(state, 0, VerifyState.STOPPING, STOP_WAIT_MS) === 'timed-out') void worker.terminate();
      }
      worker.unref();
    },
  };
}
