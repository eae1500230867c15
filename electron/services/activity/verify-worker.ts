import { parentPort, workerData } from 'node:worker_threads';
import { Kysely, SqliteDialect } from 'kysely';
import { openEncryptedDatabase, type Sqlite } from '../database/open-database';
import type { VaultSchema } from '../database/schema';
import { verifyActivityLog } from './activity-log';
import type { VerifyJob, VerifyReply } from './verify-protocol';

/**
 * "Verify records" off the main thread: recomputing the hash of every signed note of a career's
 * practice reads and hashes over a hundred megabytes of note text, which would freeze the window.
 * Its own connection reads in one read transaction, so the app keeps saving meanwhile.
 */
const job = workerData as VerifyJob;
void verify().then((reply) => parentPort?.postMessage(reply));

async function verify(): Promise<VerifyReply> {
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
    return { kind: 'verdict', verdict: await verifyActivityLog(db, { anchor: job.anchor }) };
  } catch {
    return { kind: 'unavailable' };
  } finally {
    // A plain close: the main connection owns checkpoints, and this one never wrote.
    sqlite.close();
  }
}
