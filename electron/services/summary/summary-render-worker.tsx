import { parentPort } from 'node:worker_threads';
import { renderToBuffer } from '@react-pdf/renderer';
import { registerSummaryFonts } from './pdf-fonts';
import type { SummaryData } from './summary-data';
import { SummaryDocument } from './summary-document';
import type { RenderReply, RenderRequest } from './summary-render-protocol';

/**
 * Lays out progress summaries off the main thread: a long summary is seconds of text shaping and
 * layout, and the main process must keep answering the window meanwhile. One worker serves every
 * summary, so fonts and modules load once.
 */
registerSummaryFonts();
const port = parentPort;
port?.on('message', (request: RenderRequest) => {
  void render(request.data).then(
    (bytes) => port.postMessage({ id: request.id, bytes } satisfies RenderReply, [bytes.buffer]),
    () => port.postMessage({ id: request.id, bytes: null } satisfies RenderReply),
  );
});

async function render(data: SummaryData): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await renderToBuffer(<SummaryDocument data={data} />);
  // A copy of its own, so the transfer cannot take a pooled buffer that other bytes share.
  return new Uint8Array(bytes);
}
