import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openEmptyVault } from './clients-ui';

/** Settings → Practice: the name and credentials that signed notes carry. */

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
