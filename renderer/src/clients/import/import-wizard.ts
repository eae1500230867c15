import type { CheckedImport, ImportDateFormat, ImportFile, ImportReport, ImportRow } from '../../../../shared/client-import';
import { guessDateFormat, parseImportDate } from '../../../../shared/client-import-dates';
import { columnsOfProblem, type ColumnMapping } from '../../../../shared/client-import-mapping';
import { dayInWords } from '../../../../shared/dates';

/** Where the import wizard is: each step carries what the later ones need. */
export type WizardStep =
  | { kind: 'choose' }
  | { kind: 'map'; file: ImportFile; mapping: ColumnMapping; dateFormat: ImportDateFormat }
  | { kind: 'preview'; file: ImportFile; mapping: ColumnMapping; dateFormat: ImportDateFormat; rows: ImportRow[]; checked: CheckedImport }
  | { kind: 'importing'; count: number }
  | { kind: 'report'; report: ImportReport };

const DATE_FIELDS = new Set(['dateOfBirth', 'intakeDate']);

/** The first few dates the file writes, in the columns mapped to dates, for the date format choice. */
export function dateSamples(file: ImportFile, mapping: ColumnMapping, count = 3): string[] {
  const columns = mapping.flatMap((field, index) => (field !== null && DATE_FIELDS.has(field) ? [index] : []));
  const samples: string[] = [];
  for (const row of file.rows) {
    for (const column of columns) {
      const cell = (row[column] ?? '').trim();
      if (cell !== '' && samples.length < count) samples.push(cell);
    }
    if (samples.length >= count) break;
  }
  return samples;
}

/** Every date the mapped date columns hold, for guessing the layout from all of them. */
export function guessFileDateFormat(file: ImportFile, mapping: ColumnMapping): ImportDateFormat {
  // An American locale writes month first; everyone else reads 05/04 as 5 April.
  const monthFirst = navigator.language === 'en-US';
  return guessDateFormat(dateSamples(file, mapping, 200), monthFirst);
}

/** "14/03/1985 → 14 March 1985", or what is wrong with it in that layout. */
export function sampleReading(sample: string, format: ImportDateFormat): string {
  const reading = parseImportDate(sample, format);
  switch (reading.kind) {
    case 'date':
      return `${sample} → ${dayInWords(reading.iso)}`;
    case 'impossible':
      return `${sample} → no such day`;
    case 'short-year':
      return `${sample} → the year needs four digits`;
    default:
      return `${sample} → not in this format`;
  }
}

/** A row's problems by the column they belong to; what belongs to no mapped column goes under `row`. */
export function problemsByColumn(mapping: ColumnMapping, problems: Record<string, string>): { columns: Map<number, string[]>; row: string[] } {
  const columns = new Map<number, string[]>();
  const row: string[] = [];
  for (const [field, message] of Object.entries(problems)) {
    const at = field === 'row' ? [] : columnsOfProblem(mapping, field);
    if (at.length === 0) row.push(message);
    for (const column of at) columns.set(column, [...(columns.get(column) ?? []), message]);
  }
  return { columns, row };
}

/** "1 client" / "17 clients". */
export const clientCount = (count: number): string => `${count.toLocaleString()} ${count === 1 ? 'client' : 'clients'}`;
