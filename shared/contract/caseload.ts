import { caseloadOutcomesSchema, caseloadPeriodSchema } from '../caseload';
import { importFileSchema, importReportSchema, importRowsInputSchema, checkedImportSchema } from '../client-import';
import { z } from 'zod';
import { method, noInput } from './method';

/** The practice as a whole: outcomes over a period, and bringing a caseload in from another tool. */
export const caseloadMethods = {
  getCaseloadOutcomes: method(caseloadPeriodSchema, caseloadOutcomesSchema),
  /** Opens a CSV file chosen in the system dialog and returns its header and rows as text; null when cancelled. */
  chooseClientImportFile: method(noInput, z.strictObject({ file: importFileSchema.nullable() })),
  /** Checks mapped rows without writing: each row's problems (missing name, bad date, duplicate). */
  checkClientImport: method(importRowsInputSchema, checkedImportSchema),
  /** Imports the rows without problems in one transaction, and says which were skipped and why. */
  importClients: method(importRowsInputSchema, importReportSchema),
} as const;
