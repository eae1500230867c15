import { z } from 'zod';
import { idSchema } from '../clients';
import {
  progressSummaryOptionsSchema,
  summaryChoicesSchema,
  summaryExportSchema,
  summaryPreviewSchema,
} from '../progress-summary';
import { method } from './method';

/** PDF progress summaries, made in the main process and written only where the practitioner chooses. */
export const summaryMethods = {
  /** The date span and note sections the export dialog offers for a client. */
  getSummaryChoices: method(z.strictObject({ clientId: idSchema }), summaryChoicesSchema),
  /** Builds the summary in memory for the dialog's preview; nothing is written or logged. */
  previewProgressSummary: method(progressSummaryOptionsSchema, summaryPreviewSchema),
  /** Asks where to save, writes the PDF atomically and records the export (range and parts, never content). */
  exportProgressSummary: method(progressSummaryOptionsSchema, summaryExportSchema),
  /** Shows a file this app exported in this session in the system's file manager. */
  showInFolder: method(z.strictObject({ path: z.string().min(1).max(4096) }), z.strictObject({})),
} as const;
