import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expectNoSeriousViolations } from './axe';
import { openEmptyVault } from './clients-ui';
import { expect, test } from './fixtures';

/**
 * Moving a caseload in from another tool: a 20-row CSV export, three of whose rows cannot be imported
 * (no name, a date of birth that does not exist, a client already in the vault). The column guesses,
 * the preview's marks and summary, the import and its report go through the UI; the client already in
 * the vault is made through the API.
 */
const GOOD = [
  ['Adaeze', 'Okafor', '14/03/1985'],
  ['Bram', 'Keller', '02/11/1990'],
  ['Chen', 'Wei', '27/06/1977'],
  ['Dalia', 'Haddad', '19/01/1968'],
  ['Emre', 'Yılmaz', '30/09/2001'],
  ['Fatima', 'Rahman', '15/05/1994'],
  ['Goran', 'Petrović', '21/12/1959'],
  ['Hana', 'Sato', '13/07/1988'],
  ['Ines', 'Moreau', '25/04/1973'],
  ['Jonas', 'Berg', '16/08/1999'],
  ['Kemal', 'Demir', '28/02/1981'],
  ['Lucía', 'Ortega', '17/10/1992'],
  ['Mei', 'Lin', '22/03/1966'],
  ['Nils', 'Lund', '31/01/2003'],
  ['Oona', 'Pellegrini', '18/06/1979'],
  ['Priya', 'Nair', '29/11/1986'],
  ['Quentin', 'Laurent', '24/09/1970'],
];

function csv(): string {
  const rows = GOOD.map(([first, last, dob], i) => [`IM-${String(i + 101)}`, first, last, dob, `+44 20 7946 ${String(i).padStart(4, '0')}`, `client${i}@example.org`, '06/01/2025', 'CBT; evening']);
  // Row 5: no name. Row 12: 30 February. Row 18: the client already in the vault.
  rows.splice(4, 0, ['', '', '', '11/04/1983', '', '', '', '']);
  rows.splice(11, 0, ['', 'Rosa', 'Silva', '30/02/1988', '', '', '', '']);
  rows.splice(17, 0, ['', 'Marguerite', 'Okonkwo-Lind', '23/08/1979', '', '', '', '']);
  const header = ['Client ID', 'First Name', 'Last Name', 'DOB', 'Mobile', 'Email', 'Start date', 'Tags'];
  return `\uFEFF${[header, ...rows].map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

test('a 20-row client list with three bad rows: 17 imported and 3 explained', async ({ app: page, harness, projectName }) => {
  test.skip(projectName === 'electron', 'Electron shows a real open dialog, which a test cannot answer');
  test.setTimeout(90_000);
  await openEmptyVault(page);
  await page.evaluate(async () => {
    type Result = { ok: true; value: unknown } | { ok: false; error: { message: string } };
    const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
    const fields = {
      legalName: 'Marguerite Okonkwo-Lind', preferredName: '', pronouns: '', dateOfBirth: '1979-08-23', code: 'MO-0001', phone: '', email: '', address: '',
      emergencyContact: { name: '', phone: '', relation: '' }, intakeDate: null, referralSource: '', status: 'active', dischargeDate: null,
      dischargeReason: '', presentingConcerns: null, tags: [], privateRemarks: '', reviewDate: null,
    };
    const result = await api.createClient!({ fields });
    if (!result.ok) throw new Error(result.error.message);
  });
  await fs.writeFile(path.join(harness.dialogDir, 'caseload-export.csv'), csv());

  await page.getByRole('button', { name: 'Import clients…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import clients' });
  await wizard.getByRole('button', { name: 'Choose CSV file…' }).click();

  // The export's headers are guessed; the dates are day first, since some days are over 12.
  await expect(wizard.getByText('caseload-export.csv has 20 rows.')).toBeVisible();
  await expect(wizard.getByRole('combobox', { name: 'Import column “First Name” as' })).toHaveValue('First name');
  await expect(wizard.getByRole('combobox', { name: 'Import column “DOB” as' })).toHaveValue('Date of birth');
  await expect(wizard.getByRole('combobox', { name: 'Import column “Client ID” as' })).toHaveValue('Client code');
  await expect(wizard.getByRole('combobox', { name: 'How the file writes dates' })).toHaveValue('DD/MM/YYYY (day first)');
  await expect(wizard.getByText('First dates in the file: 14/03/1985 → 14 March 1985')).toBeVisible();
  await wizard.getByRole('button', { name: 'Check rows' }).click();

  // Every row previewed, each problem at its cell, and the count of each.
  await expect(wizard.getByRole('status').filter({ hasText: 'ready' })).toContainText('17 ready, 3 with problems');
  await expect(wizard.getByRole('row', { name: 'Row 12' }).getByRole('cell', { name: /30\/02\/1988/ })).toContainText('Date of birth 30/02/1988 does not exist.');
  await expect(wizard.getByRole('row', { name: 'Row 5' })).toContainText('The legal name is missing.');
  await expect(wizard.getByRole('row', { name: 'Row 18' })).toContainText('Already in this vault as MO-0001: same legal name and date of birth.');
  await expect(wizard.getByRole('row', { name: /^Row \d+$/ })).toHaveCount(20);
  await expectNoSeriousViolations(page, 'the import preview');

  await wizard.getByRole('button', { name: 'Import 17 clients' }).click();
  await expect(wizard.getByRole('heading', { name: '17 clients imported' })).toBeVisible();
  await expect(wizard.getByRole('listitem')).toHaveText([
    'Row 5: The legal name is missing.',
    'Row 12: Date of birth 30/02/1988 does not exist.',
    'Row 18: Already in this vault as MO-0001: same legal name and date of birth.',
  ]);
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(wizard).toBeHidden();

  // The list shows them at once, with the file's codes.
  await page.getByLabel('Search clients').fill('Petrović');
  await expect(page.getByText('IM-107')).toBeVisible();
});
