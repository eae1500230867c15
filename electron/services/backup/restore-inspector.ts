import type { Worker } from 'node:worker_threads';
import type { Sqlite } from '../database/open-database';
import type { ExpectedSchema } from '../database/schema-diff';
import { startWorker } from '../workers/worker-thread';
import { inspectDatabase, openStagedReadOnly, SHARED_CHECK_BYTES, type InspectJob, type InspectReply, type Inspection } from './restore-inspect';

/**
 * The page cache of the connection that checks the staged file, in KiB. integrity_check reads each page
 * once, but its index checks look rows up again; on the 250 MB bench vault it took 2.3 s with 2 MiB,
 * 1.8 s with 4 MiB and no less with 8 or 16 MiB. Every page read is decrypted and authenticated, so a
 * cache that is too small costs time, and one larger than this only memory.
 */
export const INSPECT_CACHE_KIB = 4096;

/** A worker thread, started ahead, that runs the checks on one staged file (restore-inspect-worker.ts). */
export interface Inspector {
  /**
   * The checks' findings. On the worker thread when it runs; on this thread, blocking, if no worker
   * started or SQLite could not load there (as the check after an unlock does).
   */
  inspect(file: string, dataKey: Buffer, expected: ExpectedSchema): Promise<Inspection>;
  /** Stops the thread if it is still waiting; safe after inspect and more than once. */
  close(): void;
}

/**
 * Starts the checking thread (two, with `shared`: see restore-inspect.ts's SharedCheck). They are
 * started while the backup is still being decrypted, so loading them (modules, the SQLite addon)
 * overlaps that work instead of following it.
 */
export function startInspector(nativeBinding?: string, options: { shared?: boolean } = {}): Inspector {
  const threads = Array.from({ length: options.shared ? 2 : 1 }, () => startCheckThread());
  const sharedClaims = threads.length > 1 ? new SharedArrayBuffer(SHARED_CHECK_BYTES) : null;
  return {
    async inspect(file, dataKey, expected) {
      if (threads.every((thread) => thread.worker !== null)) {
        threads.forEach((thread, index) => {
          const share = sharedClaims ? { share: { claims: sharedClaims, lead: index === 0 } } : {};
          const job: InspectJob = { file, dataKey: new Uint8Array(dataKey), cacheKiB: INSPECT_CACHE_KIB, expected, ...share, ...(nativeBinding ? { nativeBinding } : {}) };
          try {
            thread.worker!.postMessage(job);
          } finally {
            // postMessage copied the job; this copy of the key is no longer needed.
            job.dataKey.fill(0);
          }
        });
        // The answers are used once the threads have exited: their connections to the file are then surely
        // closed, so the file can be renamed or deleted (Windows refuses both while a handle is open).
        const answers = await Promise.all(threads.map(async (thread) => (await thread.exited, thread.answer())));
        const combined = combineAnswers(answers);
        if (combined) return combined;
      }
      return inspectOnThisThread(file, dataKey, expected, nativeBinding);
    },
    close() {
      for (const thread of threads) void thread.worker?.terminate();
    },
  };
}

function startCheckThread(): { worker: Worker | null; exited: Promise<void>; answer: () => InspectReply } {
  let worker: Worker | null;
  try {
    worker = startWorker('backup/restore-inspect-worker.ts', null);
  } catch {
    worker = null;
  }
  let answer: InspectReply = { unavailable: true };
  const exited = new Promise<void>((resolve) => {
    if (worker === null) return resolve();
    worker.on('message', (message: InspectReply) => {
      answer = message;
    });
    worker.on('error', () => undefined);
    worker.once('exit', () => resolve());
  });
  return { worker, exited, answer: () => answer };
}

/**
 * One finding from the threads' answers, or null when they cannot give one (a thread could not run
 * SQLite) and the whole check must run here. A shared check passes only if every table was checked.
 */
function combineAnswers(answers: InspectReply[]): Inspection | null {
  const inspections: Inspection[] = [];
  for (const answer of answers) {
    if (!('inspection' in answer)) return null;
    inspections.push(answer.inspection);
  }
  const [lead] = inspections;
  if (inspections.length === 1 || lead === undefined) return lead ?? null;
  // Each thread compares the schema before anything else, so either one's finding stands for both.
  const altered = inspections.find((inspection) => inspection.opened && 'altered' in inspection);
  if (altered) return altered;
  const opened = inspections.filter((inspection): inspection is Extract<Inspection, { integrity: boolean }> => inspection.opened && !('altered' in inspection));
  if (opened.length < inspections.length || !lead.opened || 'altered' in lead) return { opened: false };
  const total = lead.tables?.total ?? -1;
  const checked = opened.reduce((sum, inspection) => sum + (inspection.tables?.total === total ? inspection.tables.checked : Number.NaN), 0);
  const integrity = opened.every((inspection) => inspection.integrity) && checked === total;
  return integrity ? { opened: true, integrity, migrations: lead.migrations ?? null, counts: lead.counts ?? null } : { opened: true, integrity: false };
}

/** The checks of one staged file on a thread of their own (startInspector, used at once). */
export async function inspectOffMainThread(file: string, dataKey: Buffer, expected: ExpectedSchema, nativeBinding?: string): Promise<Inspection> {
  const inspector = startInspector(nativeBinding);
  try {
    return await inspector.inspect(file, dataKey, expected);
  } finally {
    inspector.close();
  }
}

function inspectOnThisThread(file: string, dataKey: Buffer, expected: ExpectedSchema, nativeBinding?: string): Inspection {
  let db: Sqlite;
  try {
    db = openStagedReadOnly(file, dataKey, { cacheKiB: INSPECT_CACHE_KIB, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch {
    return { opened: false };
  }
  try {
    return inspectDatabase(db, expected);
  } finally {
    db.close();
  }
}
