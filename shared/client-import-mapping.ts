import { IMPORT_FIELD_LABELS, type ImportField, type ImportRow } from './client-import';

/**
 * Which of the file's columns goes to which client field: the guesses offered for common exports, the
 * rules a mapping must meet before rows are checked, and the rows it produces. A column maps to one
 * field or to nothing (null, "Don't import").
 */
export type ColumnMapping = (ImportField | null)[];

/**
 * Header spellings of common practice-management and spreadsheet exports, compared with case, spaces
 * and punctuation removed ("Date of Birth", "date_of_birth" and "DateOfBirth" are one key).
 */
const HEADER_WORDS: Readonly<Record<ImportField, readonly string[]>> = {
  legalName: ['name', 'fullname', 'legalname', 'clientname', 'patientname', 'client', 'patient', 'clientfullname', 'nameofclient'],
  firstName: ['firstname', 'first', 'givenname', 'givennames', 'forename', 'forenames', 'clientfirstname', 'legalfirstname'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'clientlastname', 'legallastname'],
  preferredName: ['preferredname', 'nickname', 'knownas', 'goesby', 'preferredfirstname'],
  pronouns: ['pronouns', 'pronoun', 'preferredpronouns'],
  dateOfBirth: ['dob', 'dateofbirth', 'birthdate', 'birthday', 'born', 'birthdateddmmyyyy'],
  code: ['clientid', 'code', 'clientcode', 'id', 'patientid', 'clientnumber', 'clientno', 'reference', 'ref', 'fileno', 'filenumber', 'recordnumber', 'mrn'],
  phone: ['phone', 'mobile', 'cell', 'telephone', 'tel', 'phonenumber', 'mobilephone', 'mobilenumber', 'cellphone', 'homephone', 'primaryphone'],
  email: ['email', 'emailaddress', 'mail', 'primaryemail'],
  address: ['address', 'homeaddress', 'streetaddress', 'postaladdress', 'fulladdress'],
  intakeDate: ['intake', 'intakedate', 'dateofintake', 'startdate', 'start', 'firstsession', 'firstappointment', 'firstvisit', 'admissiondate', 'admitted', 'datestarted'],
  referralSource: ['referral', 'referralsource', 'referredby', 'referrer', 'source', 'referralfrom'],
  tags: ['tags', 'tag', 'labels', 'label', 'categories', 'category', 'groups'],
};

/** Words that give a column away when no exact spelling matched ("Client's mobile phone"). */
const HEADER_PARTS: readonly [string, ImportField][] = [
  ['birth', 'dateOfBirth'],
  ['email', 'email'],
  ['mobile', 'phone'],
  ['phone', 'phone'],
  ['surname', 'lastName'],
  ['intake', 'intakeDate'],
  ['referr', 'referralSource'],
  ['pronoun', 'pronouns'],
];

const headerKey = (header: string): string =>
  header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** A field for each column, each field offered once (the first column that fits it); null where nothing fits. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ImportField>();
  const exact = headers.map((header) => {
    const key = headerKey(header);
    const field = (Object.keys(HEADER_WORDS) as ImportField[]).find((candidate) => HEADER_WORDS[candidate].includes(key));
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
  const mapping = exact.map((field, index) => {
    if (field) return field;
    const key = headerKey(headers[index] ?? '');
    const part = HEADER_PARTS.find(([word, candidate]) => key.includes(word) && !taken.has(candidate));
    if (!part) return null;
    taken.add(part[1]);
    return part[1];
  });
  // A full name and a first/last pair cannot both make the legal name; split columns are the more exact.
  if (mapping.includes('legalName') && mapping.includes('firstName') && mapping.includes('lastName')) {
    return mapping.map((field) => (field === 'legalName' ? null : field));
  }
  return mapping;
}

export interface MappingProblems {
  /** Column index → why that column's choice cannot stand. */
  columns: Record<number, string>;
  /** What the mapping as a whole lacks; null when rows can be checked. */
  general: string | null;
}

/** Each field from one column, and a name from somewhere; otherwise no row could be read as meant. */
export function mappingProblems(headers: readonly string[], mapping: ColumnMapping): MappingProblems {
  const columns: Record<number, string> = {};
  const firstColumn = new Map<ImportField, number>();
  mapping.forEach((field, index) => {
    if (field === null) return;
    const earlier = firstColumn.get(field);
    if (earlier === undefined) firstColumn.set(field, index);
    else columns[index] = `${IMPORT_FIELD_LABELS[field]} already comes from the column “${headers[earlier] ?? ''}”. Choose another field, or Don't import.`;
  });
  const has = (field: ImportField) => firstColumn.has(field);
  let general: string | null = null;
  if (has('legalName') && (has('firstName') || has('lastName'))) {
    general = 'The legal name can come from a full name column or from first and last name columns, not both. Set one of them to Don\'t import.';
  } else if (!has('legalName') && !has('firstName') && !has('lastName')) {
    general = 'Choose the column that holds the legal name, or the first and last name columns.';
  }
  return { columns, general };
}

/** The file's rows as the fields they map to, cells as written. */
export function mapRows(rows: readonly (readonly string[])[], mapping: ColumnMapping): ImportRow[] {
  return rows.map((cells) => {
    const row: ImportRow = {};
    mapping.forEach((field, index) => {
      if (field !== null) row[field] = cells[index] ?? '';
    });
    return row;
  });
}

/** The columns a problem found under `field` belongs to: a missing legal name is in both halves of a split name. */
export function columnsOfProblem(mapping: ColumnMapping, field: string): number[] {
  const fields = field === 'legalName' ? ['legalName', 'firstName', 'lastName'] : [field];
  return mapping.flatMap((mapped, index) => (mapped !== null && fields.includes(mapped) ? [index] : []));
}
