import { parentPort, workerData } from 'node:worker_threads';
import { Kysely, SqliteDialect } from 'kysely';
import { openEncryptedDatabase, type Sqlite } from '../database/open-database';
import type { VaultSchema } from '../database/schema';
import { verifyActivityLog } from './activity-log';
import { VerifyState, type VerifyJob, type VerifyReply } from './verify-protocol';

/**
 * "Verify records" off the main thread: recomputing the hash of every signed note of a career's
 * practice reads and hashes over a hundred megabytes of note text, which would freeze the window.
 * Its own connection reads in one read transaction, so the app keeps saving meanwhile.
 */
const job = workerData as VerifyJob;
const state = new Int32Array(job.state);
void verify()
  .finally(() => {
    // The main thread may be blocked in a lock until it knows this connection is closed.
    Atomics.store(state, 0, VerifyState.DONE);
    Atomics.notify(state, 0);
  })
  .then((reply) => parentPort?.postMessage(reply));

async function verify(): Promise<VerifyReply> {
  if (Atomics.compareExchange(state, 0, VerifyState.STARTING, VerifyState.RUNNING) !== VerifyState.STARTING) {
    job.dataKey.fill(0);
    return { kind: 'unavailable' };
  }
  let sqlite: Sqlite;
  const key = Buffer.from(job.dataKey);
  try {
    sqlite = openEncryptedDatabase(job.file, key, { create: false, nativeBinding: job.nativeBinding });
  } catch {
    return { kind: 'unavailable' };
  } finally {
    key.fill(0);
    job.dataKey.fill(0);
  }
  try {
    // Each page is read once; a page cache would only add memory to the app's peak.
    sqlite.pragma('cache_size=-2048');
    const db = new Kysely<VaultSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
    const shouldStop = () => Atomics.load(state, 0) === VerifyState.STOPPING;
    return { kind: 'verdict', verdict: await verifyActivityLog(db, { anchor: job.anchor, shouldStop }) };
  } catch {
    return { kind: 'unavailable' };
  } finally {
    // A plain close: the main connection owns checkpoints, and this one never wrote.
    sqlite.close();
  }
}
