import type { SummaryData } from './summary-data';

/** One summary to lay out; `id` matches the reply to its request. */
export interface RenderRequest {
  id: number;
  data: SummaryData;
}

/** The PDF bytes, or null when layout failed (the reason stays in the worker: it may quote the note). */
export interface RenderReply {
  id: number;
  bytes: Uint8Array | null;
}
