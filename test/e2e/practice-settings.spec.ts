import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openEmptyVault } from './clients-ui';

/** Settings → Practice: the name and credentials that signed notes carry, and the practice details summaries print. */

const nameField = (page: Page) => page.getByLabel('Your name', { exact: true });
const credentialsField = (page: Page) => page.getByLabel('Credentials', { exact: true });
const saveButton = (page: Page) => page.getByRole('button', { name: 'Save practice details' });
const NO_NAME_WARNING = 'Notes cannot be signed until you enter your name.';

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

test('name and credentials are saved trimmed and are still there after a reload', async ({ app: page }) => {
  await openEmptyVault(page);
  await openSettings(page);

  // A new vault has no name yet: the section says what that means, without blocking anything.
  await expect(nameField(page)).toHaveValue('');
  await expect(nameField(page)).toHaveAccessibleDescription(NO_NAME_WARNING);

  await nameField(page).fill('  Dr. Rowan Ellery  ');
  await expect(page.getByText(NO_NAME_WARNING)).toBeHidden();
  await credentialsField(page).fill('PsyD, Licensed Psychologist ');
  await saveButton(page).click();
  await expect(page.getByText('Practice details saved')).toBeVisible();
  await expect(nameField(page)).toHaveValue('Dr. Rowan Ellery');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(nameField(page)).toHaveValue('Dr. Rowan Ellery');
  await expect(credentialsField(page)).toHaveValue('PsyD, Licensed Psychologist');
  await expect(page.getByText(NO_NAME_WARNING)).toBeHidden();
});

test('a name longer than 200 characters is refused at the field and nothing is saved', async ({ app: page }) => {
  await openEmptyVault(page);
  await openSettings(page);

  await nameField(page).fill('Dr. Rowan Ellery');
  await saveButton(page).click();
  await expect(page.getByText('Practice details saved')).toBeVisible();

  await nameField(page).fill('R'.repeat(201));
  await saveButton(page).click();
  await expect(nameField(page)).toHaveAccessibleDescription('A name can be at most 200 characters.');
  await expect(nameField(page)).toHaveAttribute('aria-invalid', 'true');

  // Changing the name clears the message; the saved name is still the earlier one.
  await nameField(page).fill('R'.repeat(200));
  await expect(page.getByText('A name can be at most 200 characters.')).toBeHidden();
  await page.reload();
  await expect(nameField(page)).toHaveValue('Dr. Rowan Ellery');
});

const practiceNameField = (page: Page) => page.getByLabel('Practice name', { exact: true });
const licenceField = (page: Page) => page.getByLabel('Licence number', { exact: true });
const contactField = (page: Page) => page.getByRole('textbox', { name: 'Contact', exact: true });
const paperSize = (page: Page, label: 'A4' | 'US Letter') =>
  page.getByRole('radiogroup', { name: 'Paper size for summaries' }).getByRole('radio', { name: label, exact: true });

test('the practice details printed on summaries, and the paper size, are saved and shown again after a reload', async ({ app: page }) => {
  await openEmptyVault(page);
  await openSettings(page);

  // A new vault: nothing entered yet, A4 paper.
  await expect(practiceNameField(page)).toHaveValue('');
  await expect(licenceField(page)).toHaveValue('');
  await expect(contactField(page)).toHaveValue('');
  await expect(paperSize(page, 'A4')).toBeChecked();
  await expect(contactField(page)).toHaveAccessibleDescription('Address, phone, email; printed under your signature on summaries.');

  const contact = '12 Example Row, Testford TE1 2ST\n0100 000 000\nreception@example.test';
  await nameField(page).fill('Dr. Rowan Ellery');
  await practiceNameField(page).fill('  Ellery Counselling Rooms ');
  await licenceField(page).fill('PSY-000123');
  await contactField(page).fill(`${contact}\n`);
  await paperSize(page, 'US Letter').check();
  await saveButton(page).click();
  await expect(page.getByText('Practice details saved')).toBeVisible();
  await expect(practiceNameField(page)).toHaveValue('Ellery Counselling Rooms');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(nameField(page)).toHaveValue('Dr. Rowan Ellery');
  await expect(practiceNameField(page)).toHaveValue('Ellery Counselling Rooms');
  await expect(licenceField(page)).toHaveValue('PSY-000123');
  await expect(contactField(page)).toHaveValue(contact);
  await expect(paperSize(page, 'US Letter')).toBeChecked();
  await expect(paperSize(page, 'A4')).not.toBeChecked();

  // Contact details over 500 characters are refused at the field; the saved ones stay.
  await contactField(page).fill('x'.repeat(501));
  await saveButton(page).click();
  await expect(contactField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Contact details can be at most 500 characters.')).toBeVisible();
  await contactField(page).fill('x');
  await expect(page.getByText('Contact details can be at most 500 characters.')).toBeHidden();
  await page.reload();
  await expect(contactField(page)).toHaveValue(contact);
});
