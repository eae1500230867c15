import { z } from 'zod';

/**
 * Importing a client list from another tool's CSV export: the fields a column can map to, the date
 * layouts understood, and what a checked row reports. The rules are in client-import-rules.ts.
 */

export const importFields = ['legalName', 'preferredName', 'pronouns', 'dateOfBirth', 'code', 'phone', 'email', 'address', 'intakeDate', 'referralSource', 'tags'] as const;
export type ImportField = (typeof importFields)[number];

/** How the file writes its dates: 2026-03-14, 14/03/2026 or 03/14/2026. */
export const importDateFormats = ['yyyy-MM-dd', 'dd/MM/yyyy', 'MM/dd/yyyy'] as const;
export type ImportDateFormat = (typeof importDateFormats)[number];

/** The most rows one import takes: a caseload, not a hospital's register. */
export const MAX_IMPORT_ROWS = 5000;

/** One row, already mapped to our fields, as the file wrote it (dates not yet read). */
export const importRowSchema = z.partialRecord(z.enum(importFields), z.string().max(5000));
export type ImportRow = z.output<typeof importRowSchema>;

export const importRowsInputSchema = z.strictObject({
  dateFormat: z.enum(importDateFormats),
  rows: z.array(importRowSchema).min(1, 'The file has no rows to import.').max(MAX_IMPORT_ROWS, `Import at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows at a time.`),
});
export type ImportRowsInput = z.output<typeof importRowsInputSchema>;

/** A row's problems by field (`row` for the row as a whole, a duplicate say); empty when it can be imported. */
export const rowProblemsSchema = z.record(z.string(), z.string());

export const checkedImportSchema = z.strictObject({ rows: z.array(z.strictObject({ problems: rowProblemsSchema })) });
export type CheckedImport = z.output<typeof checkedImportSchema>;

export const importReportSchema = z.strictObject({
  imported: z.number().int(),
  /** The rows left out, by their index in the input (0-based), and why. */
  skipped: z.array(z.strictObject({ index: z.number().int(), problems: rowProblemsSchema })),
});
export type ImportReport = z.output<typeof importReportSchema>;

/** The file chosen: its name, header row and data rows, as text. */
export const importFileSchema = z.strictObject({
  fileName: z.string(),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});
export type ImportFile = z.output<typeof importFileSchema>;
