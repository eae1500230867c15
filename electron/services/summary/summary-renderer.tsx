import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/worker-thread';
import type { SummaryData } from './summary-data';
import type { RenderReply, RenderRequest } from './summary-render-protocol';

interface Pending {
  data: SummaryData;
  resolve: (bytes: Buffer) => void;
  reject: (error: unknown) => void;
}

let worker: Worker | null = null;
let workerFailed = false;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * The summary's PDF bytes, laid out on the render worker so the main process keeps answering the
 * window; laid out here instead if that worker cannot run (the main process is then busy while it lays out, but
 * the summary is still made).
 */
export function renderSummaryPdf(data: SummaryData): Promise<Buffer> {
  const renderer = workerFailed ? null : renderWorker();
  if (!renderer) return renderHere(data);
  return new Promise<Buffer>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { data, resolve, reject });
    // Held only while a summary is being made: an idle worker must not keep the process alive.
    if (pending.size === 1) renderer.ref();
    renderer.postMessage({ id, data } satisfies RenderRequest);
  });
}

/**
 * Starts the render worker ahead of the first summary: the export dialog calls this as it opens, so
 * loading the PDF engine and fonts overlaps with the practitioner choosing what to include.
 */
export function prepareSummaryRenderer(): void {
  if (!workerFailed) renderWorker();
}

/** The fallback; loaded only if used, so the main process does not carry the PDF engine otherwise. */
async function renderHere(data: SummaryData): Promise<Buffer> {
  const [{ renderToBuffer }, { registerSummaryFonts }, { SummaryDocument }] = await Promise.all([
    import('@react-pdf/renderer'),
    import('./pdf-fonts'),
    import('./summary-document'),
  ]);
  registerSummaryFonts();
  return renderToBuffer(<SummaryDocument data={data} />);
}

function renderWorker(): Worker | null {
  if (worker) return worker;
  let started: Worker;
  try {
    started = startWorker('summary/summary-render-worker.tsx', null);
  } catch {
    workerFailed = true;
    return null;
  }
  started.unref();
  started.on('message', (reply: RenderReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
    if (reply.bytes) waiting.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    else waiting.reject(new Error('the summary could not be laid out'));
  });
  const stopped = () => {
    if (worker !== started) return;
    worker = null;
    // A worker that failed is not restarted; what it was asked for is laid out here.
    workerFailed = true;
    void started.terminate();
    const orphaned = [...pending.values()];
    pending.clear();
    for (const waiting of orphaned) renderHere(waiting.data).then(waiting.resolve, waiting.reject);
  };
  started.on('error', stopped);
  started.on('exit', stopped);
  worker = started;
  return started;
}
