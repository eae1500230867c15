import { exportDataInputSchema, exportResultSchema } from '../backup';
import { method } from './method';

/** Open-format export of the records (shared/data-export.ts describes the files). */
export const exportMethods = {
  /** All data, or one client, as JSON/CSV plus Markdown notes, age-encrypted unless plain is confirmed. */
  exportData: method(exportDataInputSchema, exportResultSchema),
} as const;
