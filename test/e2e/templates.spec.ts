import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openEmptyVault } from './clients-ui';

/** Note templates in Settings: copy a built-in one, shape it, and see each save make a new version. */

const templateCard = (page: Page, name: string): Locator => page.getByRole('article', { name: `Template: ${name}`, exact: true });

async function fillNewSection(dialog: Locator, name: string, kind: string): Promise<void> {
  await dialog.getByRole('button', { name: 'Add section' }).click();
  const section = dialog.getByRole('group').last();
  await expect(section.getByLabel('Section name')).toBeFocused();
  await section.getByLabel('Section name').fill(name);
  await section.getByLabel('Prompt').fill(`What to write under ${name}.`);
  await section.getByRole('combobox', { name: 'Kind' }).click();
  await dialog.page().getByRole('option', { name: kind, exact: true }).click();
  await expect(section.getByRole('combobox', { name: 'Kind' })).toHaveValue(kind);
}

test('copy SOAP, add a section, save as version 1, edit to version 2, and a second Risk section is refused', async ({ app: page }) => {
  await openEmptyVault(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const soap = templateCard(page, 'SOAP');
  await expect(soap.getByText('Built-in')).toBeVisible();
  await expect(soap.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await soap.getByRole('button', { name: 'Copy' }).click();

  const dialog = page.getByRole('dialog', { name: 'Copy “SOAP”' });
  await expect(dialog.getByLabel('Template name')).toHaveValue('Copy of SOAP');
  await dialog.getByLabel('Template name').fill('SOAP with alliance');
  await fillNewSection(dialog, 'Alliance check', 'Bond');
  // The new section goes first: moving it up four times.
  for (let i = 0; i < 4; i++) await dialog.getByRole('button', { name: 'Move Alliance check up' }).click();
  await expect(dialog.getByRole('group', { name: 'Section 1' }).getByLabel('Section name')).toHaveValue('Alliance check');
  await dialog.getByRole('button', { name: 'Save template' }).click();
  await expect(dialog).toBeHidden();

  const copy = templateCard(page, 'SOAP with alliance');
  await expect(copy.getByText('Version 1')).toBeVisible();
  await expect(copy.getByText('Built-in')).toHaveCount(0);
  await expect(copy).toHaveAccessibleName('Template: SOAP with alliance');
  await expect(copy.getByText(/^Alliance check \(Bond\) · Subjective · Objective · Assessment · Plan$/)).toBeVisible();
  // The built-in template is unchanged.
  await expect(soap.getByText('Version 1')).toBeVisible();

  // Editing saves version 2; the dialog says notes keep their version.
  await copy.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “SOAP with alliance”' });
  await expect(edit.getByText('Notes already written keep the version they were written with')).toBeVisible();
  await fillNewSection(edit, 'Risk', 'Risk');
  await edit.getByRole('button', { name: 'Remove Objective' }).click();
  await edit.getByRole('button', { name: 'Save template' }).click();
  await expect(edit).toBeHidden();
  await expect(copy.getByText('Version 2')).toBeVisible();
  await expect(copy.getByText(/^Alliance check \(Bond\) · Subjective · Assessment · Plan · Risk$/)).toBeVisible();

  // A second Risk section is refused, with a message naming both.
  await copy.getByRole('button', { name: 'Edit' }).click();
  await fillNewSection(edit, 'Safety plan', 'Risk');
  await edit.getByRole('button', { name: 'Save template' }).click();
  await expect(edit.getByRole('alert').filter({ hasText: 'A template can have only one Risk section' })).toContainText('“Risk” and “Safety plan”');
  await expect(edit.getByRole('group', { name: 'Section 6' }).getByText('Only one Risk section per template.')).toBeVisible();
  // An empty template is refused too.
  for (let i = 6; i >= 1; i--) {
    const name = await edit.getByRole('group', { name: `Section ${i}` }).getByLabel('Section name').inputValue();
    await edit.getByRole('button', { name: `Remove ${name}` }).click();
  }
  await edit.getByRole('button', { name: 'Save template' }).click();
  await expect(edit.getByRole('alert').filter({ hasText: 'A template needs at least one section.' })).toBeVisible();
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(copy.getByText('Version 2')).toBeVisible();
});
