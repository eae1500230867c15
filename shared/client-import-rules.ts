import { IMPORT_FIELD_LABELS, type ImportDateFormat, type ImportRow } from './client-import';
import { importDateProblem, parseImportDate } from './client-import-dates';
import { clientFieldProblems, clientFieldsSchema, type ClientFields } from './clients';

/**
 * What stands in the way of importing a row of a client list: the client form's own rules (schema and
 * clientFieldProblems, so an imported client could have been typed into the form), strict dates, and
 * duplicates, of a client already in the vault or of an earlier row. The preview and the import run
 * the same functions; the import runs them again inside its transaction.
 */
export { guessMapping } from './client-import-mapping';
export { parseImportDate } from './client-import-dates';

/** Field (or `row`, for the row as a whole) → a sentence saying what is wrong. Empty: the row can be imported. */
export type RowProblems = Record<string, string>;

export interface ExistingClient {
  legalName: string;
  dateOfBirth: string | null;
  code: string;
}

/** The vault's clients as the duplicate checks need them. */
export interface ExistingClients {
  /** identityKey → that client's code. */
  byIdentity: Map<string, string>;
  /** Every code in use, upper case (codes are unique without regard to case). */
  codes: Set<string>;
}

export function existingClients(clients: readonly ExistingClient[]): ExistingClients {
  return {
    byIdentity: new Map(clients.map((client) => [identityKey(client.legalName, client.dateOfBirth), client.code])),
    codes: new Set(clients.map((client) => client.code.toUpperCase())),
  };
}

/** One person: the legal name without regard to case, spacing or Unicode form, and the date of birth. */
export const identityKey = (legalName: string, dateOfBirth: string | null): string =>
  `${legalName.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase()}\u0000${dateOfBirth ?? ''}`;

/** The full name, or first and last name joined with a space in that order. */
export function legalNameOf(row: ImportRow): string {
  if (row.legalName !== undefined) return row.legalName;
  return [row.firstName, row.lastName]
    .map((part) => (part ?? '').trim())
    .filter((part) => part !== '')
    .join(' ');
}

/** Tags in one cell, separated by semicolons, commas or bars. */
export const splitTags = (cell: string): string[] =>
  cell
    .split(/[;,|]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');

/** Fields whose message names what the file wrote, so a practitioner can find it in the file. */
const QUOTED_FIELDS = new Set(['code', 'phone', 'email']);

interface ReadRow {
  /** The client as the form would save it; null when a field breaks the form's rules. */
  fields: ClientFields | null;
  problems: RowProblems;
  /** identityKey when the row names someone and its date of birth (if any) could be read. */
  identity: string | null;
}

/** One row against the client form's rules, without looking at the vault or other rows. */
export function readImportRow(row: ImportRow, format: ImportDateFormat, today: string): ReadRow {
  const problems: RowProblems = {};
  const readDate = (field: 'dateOfBirth' | 'intakeDate'): string | null | undefined => {
    const text = row[field] ?? '';
    const reading = parseImportDate(text, format);
    const problem = importDateProblem(IMPORT_FIELD_LABELS[field], text, reading, format);
    if (problem) problems[field] = problem;
    return reading.kind === 'date' ? reading.iso : reading.kind === 'empty' ? null : undefined;
  };
  const dateOfBirth = readDate('dateOfBirth');
  const intakeDate = readDate('intakeDate');
  const legalName = legalNameOf(row);
  if (legalName.trim() === '') problems.legalName = 'The legal name is missing.';

  const parsed = clientFieldsSchema.safeParse({
    legalName,
    preferredName: row.preferredName ?? '',
    pronouns: row.pronouns ?? '',
    dateOfBirth: dateOfBirth ?? null,
    code: (row.code ?? '').trim(),
    phone: row.phone ?? '',
    email: row.email ?? '',
    address: row.address ?? '',
    emergencyContact: { name: '', relation: '', phone: '' },
    intakeDate: intakeDate ?? null,
    referralSource: row.referralSource ?? '',
    status: 'active',
    dischargeDate: null,
    dischargeReason: '',
    presentingConcerns: null,
    tags: splitTags(row.tags ?? ''),
    privateRemarks: '',
    reviewDate: null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'row');
      if (field in problems) continue;
      const written = (row[field as keyof ImportRow] ?? '').trim();
      problems[field] = QUOTED_FIELDS.has(field) ? `${IMPORT_FIELD_LABELS[field as keyof typeof IMPORT_FIELD_LABELS]} “${written}”: ${issue.message}` : issue.message;
    }
  }
  const fields = parsed.success ? parsed.data : null;
  if (fields) {
    for (const [field, problem] of Object.entries(clientFieldProblems(fields, today))) problems[field] ??= problem;
  }
  const identity = legalName.trim() !== '' && dateOfBirth !== undefined ? identityKey(legalName, dateOfBirth) : null;
  return { fields, problems, identity };
}

export interface CheckedRow {
  problems: RowProblems;
  /** The client to create; null when the row has problems. */
  fields: ClientFields | null;
}

/** Every row: its own problems, then duplicates of a client in the vault and of an earlier row (by name and date of birth, and by code). */
export function checkImportRows(rows: readonly ImportRow[], format: ImportDateFormat, today: string, existing: ExistingClients): CheckedRow[] {
  const rowOfIdentity = new Map<string, number>();
  const rowOfCode = new Map<string, number>();
  return rows.map((row, index) => {
    const read = readImportRow(row, format, today);
    const problems: RowProblems = { ...read.problems };
    let sameAsExisting: string | undefined;
    if (read.identity !== null) {
      const withoutBirth = read.identity.endsWith('\u0000');
      const existingCode = existing.byIdentity.get(read.identity);
      const earlier = rowOfIdentity.get(read.identity);
      if (existingCode !== undefined) {
        sameAsExisting = existingCode;
        problems.row = withoutBirth
          ? `Already in this vault as ${existingCode}: same legal name, and neither has a date of birth.`
          : `Already in this vault as ${existingCode}: same legal name and date of birth.`;
      } else if (earlier !== undefined) {
        problems.row = withoutBirth ? `Same legal name as row ${earlier + 1}, and neither has a date of birth.` : `Same legal name and date of birth as row ${earlier + 1}.`;
      } else {
        rowOfIdentity.set(read.identity, index);
      }
    }
    const code = read.fields?.code ?? '';
    if (code !== '') {
      const earlier = rowOfCode.get(code);
      // A row that is a client already in the vault, code and all, needs saying once.
      if (code === sameAsExisting?.toUpperCase()) rowOfCode.set(code, index);
      else if (existing.codes.has(code)) problems.code ??= `Another client already uses the code ${code}. Leave the code empty to have one made.`;
      else if (earlier !== undefined) problems.code ??= `The code ${code} is also on row ${earlier + 1}.`;
      else rowOfCode.set(code, index);
    }
    return { problems, fields: Object.keys(problems).length === 0 ? read.fields : null };
  });
}

/** One row's problems (its own, and as a duplicate of a client in the vault). */
export function rowProblems(row: ImportRow, format: ImportDateFormat, today: string, existing: ExistingClients): RowProblems {
  return checkImportRows([row], format, today, existing)[0]?.problems ?? {};
}

/** "Row 7: Date of birth 31/02/1990 does not exist." The row counts from 1, as the preview numbers rows. */
export function describeRowProblems(index: number, problems: RowProblems): string {
  const { row, ...fields } = problems;
  return `Row ${index + 1}: ${[row, ...Object.values(fields)].filter(Boolean).join(' ')}`;
}
