import { expect, test } from './fixtures';
import {
  addClientThroughUi,
  chooseStatus,
  clientOption,
  clientsNavLink,
  fillClientForm,
  goToClientList,
  isoToday,
  openEmptyVault,
  statusFilter,
} from './clients-ui';
import { FIRST_PASSPHRASE } from './vault-helpers';

/**
 * Client records and treatment plans through the UI, against the real services and encrypted vault.
 * Names are synthetic, in several scripts, because they must work everywhere.
 */

test('add a client, find them by preferred name, plan two goals, discharge, and see them move to Discharged', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, {
    legalName: 'Zoë Ødegaard',
    preferredName: 'Zoë',
    pronouns: 'she/her',
    dateOfBirth: '1990-05-14',
    email: 'zoe@example.org',
  });
  await expect(page.getByText('Client saved')).toBeVisible();
  await expect(page.getByText(/Goes by Zoë · she\/her · \d+ years/)).toBeVisible();

  // Find her again by typing part of the preferred name, and open her with the keyboard only.
  await goToClientList(page);
  const search = page.getByLabel('Search clients');
  await search.fill('zo');
  const row = clientOption(page, /Zoë Ødegaard/);
  await expect(row).toBeVisible();
  await expect(row).toContainText('goes by Zoë');
  await expect(row).toContainText('No sessions yet');
  await search.press('ArrowDown');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', (await row.getAttribute('id')) ?? 'missing id');
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: 'Zoë Ødegaard', level: 1 })).toBeVisible();

  // Two goals in the client's own words; one is achieved.
  await page.getByRole('tab', { name: 'Treatment plan' }).click();
  const goals = ['Sleep through the night most nights', 'Feel able to speak up in team meetings'];
  for (const goal of goals) {
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page.getByLabel("Goal (in the client's own words)").fill(goal);
    await page.getByLabel('Measurable objective').fill('Noticed in the weekly check-in');
    await expect(page.getByLabel('Date set')).toHaveValue(isoToday());
    await page.getByRole('button', { name: 'Save goal' }).click();
    await expect(page.getByRole('article', { name: `Goal: ${goal}` })).toBeVisible();
  }
  await page.getByRole('button', { name: `Goal actions: ${goals[0]}` }).click();
  await expect(page.getByRole('menuitem', { name: 'Mark active' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: 'Mark achieved' }).click();
  const achieved = page.getByRole('article', { name: `Goal: ${goals[0]}` });
  await expect(achieved.getByText('Achieved', { exact: true })).toBeVisible();
  await achieved.getByRole('button', { name: 'History' }).click();
  await expect(achieved.getByText('Active → Achieved')).toBeVisible();
  await expect(page.getByRole('article', { name: `Goal: ${goals[1]}` }).getByText('Active', { exact: true })).toBeVisible();

  // Discharge, the normal end of a record.
  await page.getByRole('button', { name: 'Discharge', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Discharge client' });
  await expect(dialog.getByLabel('Discharge date')).toHaveValue(isoToday());
  await expect(dialog.getByRole('radiogroup', { name: 'How did therapy end?' }).getByRole('radio', { name: 'Not recorded' })).toBeChecked();
  await dialog.getByRole('radio', { name: 'Planned ending' }).check();
  await dialog.getByLabel('Discharge reason').fill('Goals met; ending agreed together');
  await dialog.getByRole('button', { name: 'Discharge client' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Reactivate' })).toBeVisible();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByRole('region', { name: 'Care' })).toContainText('How therapy endedPlanned ending');

  // Back on the list, the search is as it was left; she is no longer current, but is discharged.
  await goToClientList(page);
  await expect(search).toHaveValue('zo');
  await expect(statusFilter(page, 'Current')).toBeChecked();
  await expect(statusFilter(page, 'Current')).toHaveAccessibleName(/^Current 0$/);
  await expect(page.getByText('No clients match')).toBeVisible();
  await chooseStatus(page, 'Discharged');
  await expect(statusFilter(page, 'Discharged')).toHaveAccessibleName(/^Discharged 1$/);
  await expect(clientOption(page, /Zoë Ødegaard/)).toContainText('Discharged');
});

test('a form with mistakes shows specific messages, keeps every typed value, and saves nothing', async ({ app: page }) => {
  await openEmptyVault(page);
  await page.getByRole('button', { name: 'Add your first client' }).click();
  const nextYear = `${new Date().getFullYear() + 1}-03-01`;
  const typed = {
    'Legal name': 'Nguyễn Thị Minh Khai',
    'Preferred name': 'Khai',
    Pronouns: 'she/her',
    'Date of birth': nextYear,
    Email: 'khai@example',
    'Emergency contact name': 'Trần Văn Bình',
  };
  for (const [label, value] of Object.entries(typed)) await page.getByLabel(label).fill(value);
  await page.getByRole('button', { name: 'Save client' }).click();

  await expect(page.getByText('Date of birth cannot be in the future.')).toBeVisible();
  await expect(page.getByText('Enter a valid email address, like name@example.org.')).toBeVisible();
  await expect(page.getByLabel('Date of birth')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  for (const [label, value] of Object.entries(typed)) await expect(page.getByLabel(label)).toHaveValue(value);
  await expect(page.getByRole('heading', { name: 'New client' })).toBeVisible();

  // Leaving asks first; discarding returns to a list that is still empty.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Discard unsaved changes?' }).getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByText('No clients yet')).toBeVisible();
});

test('a client code already in use is refused by the service and shown on the code field, with the input kept', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Zoë Ødegaard', code: 'AB-0042' });

  await goToClientList(page);
  await page.getByRole('button', { name: 'Add client' }).click();
  await fillClientForm(page, { legalName: '王小明', preferredName: '小明', code: 'ab-0042' });
  await page.getByRole('button', { name: 'Save client' }).click();

  const code = page.getByLabel('Client code');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveAccessibleDescription(/AB-0042|already|in use|taken/i);
  await expect(code).toHaveValue('ab-0042');
  await expect(page.getByLabel('Legal name')).toHaveValue('王小明');
  await expect(page.getByLabel('Preferred name')).toHaveValue('小明');

  // A free code saves the same input.
  await code.fill('WX-0001');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: '王小明', level: 1 })).toBeVisible();
  await expect(page.getByText('WX-0001', { exact: true })).toBeVisible();
});

test('leaving a form with unsaved changes asks first, and "Keep editing" keeps every value', async ({ app: page }) => {
  await openEmptyVault(page);
  await page.getByRole('button', { name: 'Add your first client' }).click();
  await page.getByLabel('Legal name').fill('محمد الأحمد');
  await page.getByLabel('Pronouns').fill('he/him');

  const prompt = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Keep editing' }).click();
  await expect(prompt).toBeHidden();
  await expect(page.getByLabel('Legal name')).toHaveValue('محمد الأحمد');
  await expect(page.getByLabel('Pronouns')).toHaveValue('he/him');

  // The back button is caught too.
  await page.goBack();
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByRole('heading', { name: 'New client' })).toBeVisible();
  await expect(page.getByLabel('Legal name')).toHaveValue('محمد الأحمد');

  await clientsNavLink(page).click();
  await prompt.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByText('No clients yet')).toBeVisible();
});

test('the empty client list offers "Add your first client", which opens the form', async ({ app: page }) => {
  await openEmptyVault(page);
  await expect(page.getByText('No clients yet')).toBeVisible();
  await page.getByRole('button', { name: 'Add your first client' }).click();
  await expect(page.getByRole('heading', { name: 'New client' })).toBeVisible();
  await expect(page.getByLabel('Legal name')).toBeVisible();
});

test('permanent deletion asks for the legal name and removes the client from the list', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Zoë Ødegaard', preferredName: 'Zoë' });

  await page.getByRole('button', { name: 'Delete permanently…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this client permanently?' });
  await expect(dialog).toContainText('cannot be undone');
  const confirm = dialog.getByRole('button', { name: 'Delete permanently' });
  const name = dialog.getByLabel("Type the client's legal name to confirm");
  await expect(confirm).toBeDisabled();
  await name.fill('Zoe Odegaard');
  await expect(confirm).toBeDisabled();
  await name.fill('Zoë Ødegaard');
  await expect(confirm).toBeEnabled();
  await confirm.click();

  await expect(page.getByText(/was permanently deleted/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  await expect(page.getByText('No clients yet')).toBeVisible();
});

test('Settings lists the practice activity and verifies the log is intact', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Nguyễn Thị Minh Khai', code: 'NK-0007' });

  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Activity log' });
  await expect(section.getByRole('cell', { name: 'NK-0007' }).first()).toBeVisible();
  await expect(section.getByText('Created').first()).toBeVisible();
  // Field names are listed, their contents never are.
  await expect(section).not.toContainText('Nguyễn');
  await section.getByRole('button', { name: 'Verify records' }).click();
  await expect(section.getByRole('alert')).toContainText('The records are intact');
});

test('a caseload of 1,000 clients is virtualised and fully reachable from the keyboard', async ({ app: page }) => {
  test.setTimeout(180_000);
  await openEmptyVault(page);
  // Seeded through window.api (the same calls the form makes) to keep the test about the list.
  const created = await page.evaluate(async () => {
    type Api = Record<string, (input: unknown) => Promise<{ ok: boolean }>>;
    const api = (window as unknown as { api: Api }).api;
    const base = { preferredName: '', pronouns: '', dateOfBirth: null, code: '', phone: '', email: '', address: '' };
    const rest = { intakeDate: null, referralSource: '', status: 'active', dischargeDate: null, dischargeReason: '' };
    let ok = 0;
    for (let i = 0; i < 1000; i++) {
      const legalName = `Testperson ${String(i).padStart(4, '0')}`;
      const fields = { ...base, legalName, emergencyContact: { name: '', relation: '', phone: '' }, ...rest, presentingConcerns: null, tags: [], privateRemarks: '', reviewDate: null };
      if ((await api.createClient!({ fields })).ok) ok++;
    }
    return ok;
  });
  expect(created).toBe(1000);

  await page.reload();
  await expect(statusFilter(page, 'Current')).toHaveAccessibleName('Current 1000');
  const options = page.getByRole('listbox', { name: 'Clients' }).getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-setsize', '1000');
  // Only the rows in view (plus a small margin) exist in the DOM.
  expect(await options.count()).toBeLessThan(60);

  // "/" jumps to the search box; Escape clears it.
  const search = page.getByLabel('Search clients');
  await page.getByRole('heading', { name: 'Clients', level: 1 }).click();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('person 0500');
  await expect(options).toHaveCount(1);
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(options.first()).toHaveAttribute('aria-setsize', '1000');

  const listbox = page.getByRole('listbox', { name: 'Clients' });
  await listbox.focus();
  await listbox.press('End');
  const last = clientOption(page, /Testperson 0999/);
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toBeInViewport();
  await listbox.press('Enter');
  await expect(page.getByRole('heading', { name: 'Testperson 0999', level: 1 })).toBeVisible();
});

test('locking on a client page hides the record at once; unlocking starts again from the list', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'محمد الأحمد', preferredName: 'محمد' });
  await page.getByRole('tab', { name: 'Treatment plan' }).click();

  await page.getByRole('button', { name: 'Lock vault' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await expect(page.getByText('محمد الأحمد')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('#/');

  await page.getByLabel('Passphrase').fill(FIRST_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  await expect(clientOption(page, /محمد الأحمد/)).toBeVisible();
});
