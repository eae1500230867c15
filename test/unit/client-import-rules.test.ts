import { describe, expect, it } from 'vitest';
import { guessDateFormat, parseImportDate } from '../../shared/client-import-dates';
import { columnsOfProblem, guessMapping, mappingProblems, mapRows } from '../../shared/client-import-mapping';
import { checkImportRows, describeRowProblems, existingClients, rowProblems } from '../../shared/client-import-rules';

const TODAY = '2026-06-15';
const none = existingClients([]);

describe('guessing the columns of common exports', () => {
  it('maps first and last name, date of birth, id, phone, email, intake, referral and tags', () => {
    const headers = ['Client ID', 'First Name', 'Last Name', 'DOB', 'Mobile', 'E-mail', 'Start date', 'Referral', 'Tags', 'Balance'];
    expect(guessMapping(headers)).toEqual(['code', 'firstName', 'lastName', 'dateOfBirth', 'phone', 'email', 'intakeDate', 'referralSource', 'tags', null]);
  });

  it('knows other spellings and offers each field once', () => {
    expect(guessMapping(['Name', 'Date of Birth', 'Code', 'Phone', 'Home phone', 'Intake'])).toEqual(['legalName', 'dateOfBirth', 'code', 'phone', null, 'intakeDate']);
    expect(guessMapping(['surname', 'given_name', 'Birthdate', "Client's mobile number", 'Email address'])).toEqual(['lastName', 'firstName', 'dateOfBirth', 'phone', 'email']);
  });

  it('prefers split names over a full name column when the file has both', () => {
    expect(guessMapping(['Full name', 'First name', 'Last name'])).toEqual([null, 'firstName', 'lastName']);
  });

  it('joins first and last name in that order, whatever the column order', () => {
    const mapping = guessMapping(['Surname', 'First name']);
    const [row] = mapRows([['Okafor', 'Adaeze']], mapping);
    const [checked] = checkImportRows([row!], 'yyyy-MM-dd', TODAY, none);
    expect(checked?.fields?.legalName).toBe('Adaeze Okafor');
  });

  it('asks for a name column, and refuses a field taken twice or both kinds of name', () => {
    const headers = ['A', 'B', 'C'];
    expect(mappingProblems(headers, [null, 'email', null]).general).toBe('Choose the column that holds the legal name, or the first and last name columns.');
    expect(mappingProblems(headers, ['legalName', 'email', 'email']).columns).toEqual({ 2: 'Email already comes from the column “B”. Choose another field, or Don\'t import.' });
    expect(mappingProblems(headers, ['legalName', 'firstName', null]).general).toMatch(/not both/);
    expect(mappingProblems(headers, ['firstName', 'lastName', 'email'])).toEqual({ columns: {}, general: null });
    expect(columnsOfProblem(['firstName', 'email', 'lastName'], 'legalName')).toEqual([0, 2]);
  });
});

describe('strict dates', () => {
  it('reads each layout, with one or two digits and any of / . -', () => {
    expect(parseImportDate('2026-03-14', 'yyyy-MM-dd')).toEqual({ kind: 'date', iso: '2026-03-14' });
    expect(parseImportDate('14/03/2026', 'dd/MM/yyyy')).toEqual({ kind: 'date', iso: '2026-03-14' });
    expect(parseImportDate('4.3.2026', 'dd/MM/yyyy')).toEqual({ kind: 'date', iso: '2026-03-04' });
    expect(parseImportDate('03/14/2026', 'MM/dd/yyyy')).toEqual({ kind: 'date', iso: '2026-03-14' });
    expect(parseImportDate(' ', 'MM/dd/yyyy')).toEqual({ kind: 'empty' });
    expect(parseImportDate('29/02/2024', 'dd/MM/yyyy')).toEqual({ kind: 'date', iso: '2024-02-29' });
  });

  it('names a day that does not exist instead of rolling it over', () => {
    expect(parseImportDate('30/02/2026', 'dd/MM/yyyy')).toEqual({ kind: 'impossible' });
    expect(parseImportDate('29/02/2025', 'dd/MM/yyyy')).toEqual({ kind: 'impossible' });
    expect(parseImportDate('02/30/2026', 'MM/dd/yyyy')).toEqual({ kind: 'impossible' });
    expect(parseImportDate('2026-04-31', 'yyyy-MM-dd')).toEqual({ kind: 'impossible' });
    expect(parseImportDate('2026-13-01', 'yyyy-MM-dd')).toEqual({ kind: 'impossible' });
  });

  it('refuses other layouts, mixed separators and two-digit years', () => {
    expect(parseImportDate('14/03/2026', 'yyyy-MM-dd')).toEqual({ kind: 'unreadable' });
    expect(parseImportDate('14/03-2026', 'dd/MM/yyyy')).toEqual({ kind: 'unreadable' });
    expect(parseImportDate('March 14, 2026', 'MM/dd/yyyy')).toEqual({ kind: 'unreadable' });
    expect(parseImportDate('14/03/26', 'dd/MM/yyyy')).toEqual({ kind: 'short-year' });
  });

  it('guesses the layout that reads every sample', () => {
    expect(guessDateFormat(['1990-04-05', '2001-12-31'])).toBe('yyyy-MM-dd');
    expect(guessDateFormat(['05/04/1990', '31/12/2001'])).toBe('dd/MM/yyyy');
    expect(guessDateFormat(['05/04/1990', '12/31/2001'])).toBe('MM/dd/yyyy');
    expect(guessDateFormat(['05/04/1990'], true)).toBe('MM/dd/yyyy');
    expect(guessDateFormat([])).toBe('dd/MM/yyyy');
  });
});

describe('row problems, by the client form’s rules', () => {
  const check = (row: Parameters<typeof rowProblems>[0], format: Parameters<typeof rowProblems>[1] = 'dd/MM/yyyy') => rowProblems(row, format, TODAY, none);

  it('accepts a good row, and reads it as the form would save it', () => {
    const [checked] = checkImportRows([{ legalName: '  Zoë   Ødegaard ', dateOfBirth: '02/04/1990', code: 'ab-0042', tags: 'CBT; evening, cbt' }], 'dd/MM/yyyy', TODAY, none);
    expect(checked?.problems).toEqual({});
    expect(checked?.fields).toMatchObject({ legalName: 'Zoë   Ødegaard', dateOfBirth: '1990-04-02', code: 'AB-0042', tags: ['CBT', 'evening'], status: 'active' });
  });

  it('names each problem at its field, with what the file wrote', () => {
    expect(check({ legalName: '', dateOfBirth: '31/02/1990' })).toEqual({ legalName: 'The legal name is missing.', dateOfBirth: 'Date of birth 31/02/1990 does not exist.' });
    expect(check({ legalName: 'A B', dateOfBirth: '1990-02-03' })).toEqual({ dateOfBirth: 'Date of birth “1990-02-03” is not a date written as DD/MM/YYYY.' });
    expect(check({ legalName: 'A B', dateOfBirth: '02/13/1990' }).dateOfBirth).toBe('Date of birth 02/13/1990 does not exist. If the file writes dates as MM/DD/YYYY, choose that date format.');
    expect(check({ legalName: 'A B', dateOfBirth: '02/03/90' }).dateOfBirth).toMatch(/two-digit year/);
    expect(check({ legalName: 'A B', dateOfBirth: '02/03/2030' })).toEqual({ dateOfBirth: 'Date of birth cannot be in the future.' });
    expect(check({ legalName: 'A B', dateOfBirth: '02/03/1890' }).dateOfBirth).toMatch(/before 1900/);
    expect(check({ legalName: 'A B', intakeDate: '01/01/2027' }).intakeDate).toMatch(/Intake date cannot be in the future/);
    expect(check({ legalName: 'A B', dateOfBirth: '02/03/2000', intakeDate: '01/01/1999' })).toEqual({ intakeDate: 'Intake date cannot be before the date of birth.' });
    expect(check({ legalName: 'A B', code: 'C_001' })).toEqual({ code: 'Client code “C_001”: A client code is 2–16 letters (A–Z), digits or hyphens, like AB-0042.' });
    expect(check({ legalName: 'A B', phone: 'call me' }).phone).toBe('Phone “call me”: Enter a phone number using digits, spaces, + - ( ).');
    expect(check({ legalName: 'A B', email: 'not-an-address' }).email).toMatch(/^Email “not-an-address”: Enter a valid email address/);
    expect(check({ legalName: 'x'.repeat(201) })).toEqual({ legalName: 'Legal name can be at most 200 characters.' });
    expect(check({ legalName: 'A B', tags: 'x'.repeat(41) })).toEqual({ tags: 'A tag can be at most 40 characters.' });
  });

  it('finds a missing name in a split name too', () => {
    expect(check({ firstName: ' ', lastName: '' })).toEqual({ legalName: 'The legal name is missing.' });
  });
});

describe('duplicates', () => {
  const vault = existingClients([
    { legalName: 'Zoë Ødegaard', dateOfBirth: '1990-04-02', code: 'ZO-0001' },
    { legalName: 'Sam Lee', dateOfBirth: null, code: 'SL-0002' },
  ]);

  it('of a client in the vault, by name (case, spacing and Unicode form aside) and date of birth', () => {
    // "Zoë" with a combining diaeresis (NFD), in other case and spacing: the same person.
    const decomposed = 'zoe\u0308  ØDEGAARD';
    expect(rowProblems({ legalName: decomposed, dateOfBirth: '02/04/1990' }, 'dd/MM/yyyy', TODAY, vault)).toEqual({
      row: 'Already in this vault as ZO-0001: same legal name and date of birth.',
    });
    expect(rowProblems({ legalName: 'Zoë Ødegaard', dateOfBirth: '03/04/1990' }, 'dd/MM/yyyy', TODAY, vault)).toEqual({});
    expect(rowProblems({ legalName: 'sam lee' }, 'dd/MM/yyyy', TODAY, vault)).toEqual({ row: 'Already in this vault as SL-0002: same legal name, and neither has a date of birth.' });
    expect(rowProblems({ legalName: 'Sam Lee', dateOfBirth: '01/01/1980' }, 'dd/MM/yyyy', TODAY, vault)).toEqual({});
    // The same client with their own code: said once, as a duplicate.
    expect(rowProblems({ legalName: 'Sam Lee', code: 'sl-0002' }, 'dd/MM/yyyy', TODAY, vault)).toEqual({ row: 'Already in this vault as SL-0002: same legal name, and neither has a date of birth.' });
  });

  it('of a code in the vault or on an earlier row, without regard to case', () => {
    const checked = checkImportRows(
      [
        { legalName: 'Ana Ruiz', code: 'zo-0001' },
        { legalName: 'Bo Chen', code: 'BC-0100' },
        { legalName: 'Cy Diaz', code: 'bc-0100' },
      ],
      'dd/MM/yyyy',
      TODAY,
      vault,
    );
    expect(checked.map((row) => row.problems)).toEqual([
      { code: 'Another client already uses the code ZO-0001. Leave the code empty to have one made.' },
      {},
      { code: 'The code BC-0100 is also on row 2.' },
    ]);
  });

  it('of an earlier row in the file; the first is kept', () => {
    const checked = checkImportRows(
      [
        { firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '01/02/1985' },
        { firstName: 'Bo', lastName: 'Chen' },
        { firstName: 'ANA', lastName: 'ruiz', dateOfBirth: '1/2/1985' },
        { firstName: 'Bo', lastName: 'Chen' },
      ],
      'dd/MM/yyyy',
      TODAY,
      none,
    );
    expect(checked.map((row) => row.problems)).toEqual([{}, {}, { row: 'Same legal name and date of birth as row 1.' }, { row: 'Same legal name as row 2, and neither has a date of birth.' }]);
    expect(checked.map((row) => row.fields !== null)).toEqual([true, true, false, false]);
  });

  it('says each skipped row and why in one line', () => {
    expect(describeRowProblems(6, { dateOfBirth: 'Date of birth 31/02/1990 does not exist.', row: 'Same legal name as row 2.' })).toBe(
      'Row 7: Same legal name as row 2. Date of birth 31/02/1990 does not exist.',
    );
  });
});
