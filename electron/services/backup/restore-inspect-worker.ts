import { parentPort } from 'node:worker_threads';
import { inspectStagedFile, type InspectJob, type InspectReply } from './restore-inspect';

/**
 * Runs a restore's checks on the staged database off the main thread: integrity_check reads, decrypts
 * and checks every page, seconds for a large vault, during which the app must stay responsive. The
 * thread is started while the backup is still being decrypted, so it is ready when the file is; it
 * waits for one job, answers it and ends.
 */
parentPort?.once('message', (job: InspectJob) => {
  parentPort?.postMessage(run(job));
});

function run(job: InspectJob): InspectReply {
  const key = Buffer.from(job.dataKey);
  job.dataKey.fill(0);
  try {
    return { inspection: inspectStagedFile(job.file, key, { nativeBinding: job.nativeBinding, cacheKiB: job.cacheKiB, expected: job.expected, ...(job.share ? { share: job.share } : {}) }) };
  } catch {
    // Not a finding about the file (the addon did not load here): the caller checks on its own thread.
    return { unavailable: true };
  } finally {
    key.fill(0);
  }
}
