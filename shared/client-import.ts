import { z } from 'zod';

/**
 * Importing a client list from another tool's CSV export: the fields a column can map to, the date
 * layouts understood, and what a checked row reports. The rules are in client-import-rules.ts.
 */

/**
 * `firstName` and `lastName` exist because most exports split the name: the legal name is then the two
 * joined with a space, in that order whatever the file's column order ("Surname" often comes first).
 */
export const importFields = ['legalName', 'firstName', 'lastName', 'preferredName', 'pronouns', 'dateOfBirth', 'code', 'phone', 'email', 'address', 'intakeDate', 'referralSource', 'tags'] as const;
export type ImportField = (typeof importFields)[number];

/** What the column mapping calls each field. */
export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  legalName: 'Legal name (full)',
  firstName: 'First name',
  lastName: 'Last name',
  preferredName: 'Preferred name',
  pronouns: 'Pronouns',
  dateOfBirth: 'Date of birth',
  code: 'Client code',
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  intakeDate: 'Intake date',
  referralSource: 'Referral source',
  tags: 'Tags',
};

/** How the file writes its dates: 2026-03-14, 14/03/2026 or 03/14/2026. */
export const importDateFormats = ['yyyy-MM-dd', 'dd/MM/yyyy', 'MM/dd/yyyy'] as const;
export type ImportDateFormat = (typeof importDateFormats)[number];

/** How messages and the format choice name each layout. */
export const IMPORT_DATE_FORMAT_LABELS: Readonly<Record<ImportDateFormat, string>> = {
  'yyyy-MM-dd': 'YYYY-MM-DD (year first)',
  'dd/MM/yyyy': 'DD/MM/YYYY (day first)',
  'MM/dd/yyyy': 'MM/DD/YYYY (month first)',
};

/** The most rows one import takes: a caseload, not a hospital's register. */
export const MAX_IMPORT_ROWS = 5000;
/** The longest cell a row may carry: longer than any client field, so a longer one is never a client's detail. */
export const MAX_IMPORT_CELL = 5000;
/** The largest file the open dialog accepts: 5,000 rows of a generous export fit several times over. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;

/** One row, already mapped to our fields, as the file wrote it (dates not yet read). */
export const importRowSchema = z.partialRecord(z.enum(importFields), z.string().max(MAX_IMPORT_CELL));
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
