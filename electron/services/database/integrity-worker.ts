import { parentPort, workerData } from 'node:worker_threads';
import { openEncryptedDatabase } from './open-database';
import { CheckState, type IntegrityJob, type IntegrityVerdict } from './integrity-protocol';

/**
 * Runs SQLite's quick_check on its own connection to the vault, off the main thread: every page is read,
 * decrypted and authenticated, which on a career's worth of notes takes longer than the unlock itself.
 */
const job = workerData as IntegrityJob;
const state = new Int32Array(job.state);
parentPort?.postMessage(check());

function check(): IntegrityVerdict {
  if (Atomics.compareExchange(state, 0, CheckState.STARTING, CheckState.RUNNING) !== CheckState.STARTING) {
    job.dataKey.fill(0);
    return 'cancelled';
  }
  try {
    const key = Buffer.from(job.dataKey);
    let db;
    try {
      db = openEncryptedDatabase(job.file, key, { create: false, nativeBinding: job.nativeBinding });
    } finally {
      key.fill(0);
      job.dataKey.fill(0);
    }
    try {
      // quick_check reads each page once: a page cache would only add memory to the app's peak.
      db.pragma('cache_size=-2048');
      const rows = db.pragma('quick_check') as { quick_check: string }[];
      return rows.length === 1 && rows[0]?.quick_check === 'ok' ? 'ok' : 'damaged';
    } finally {
      // A plain close: the main connection owns checkpoints, and this one never wrote.
      db.close();
    }
  } catch (error) {
    return isDamage(error) ? 'damaged' : 'unavailable';
  } finally {
    // The main thread may be blocked in a lock until it knows this connection is closed.
    Atomics.store(state, 0, CheckState.DONE);
    Atomics.notify(state, 0);
  }
}

/** Damage is what SQLite reports about the file; anything else (no addon, no memory) means "not checked". */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code === 'VAULT_DAMAGED' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}
