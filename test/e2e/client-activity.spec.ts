import { expect, test } from './fixtures';
import { addClientThroughUi, openEmptyVault } from './clients-ui';
import { sectionEditor, setSigner, startSessionThroughUi } from './notes-ui';

/**
 * A client's Activity tab: what happened to the record and when, naming the fields that changed but
 * never what they say, so it can be shown with someone else in the room.
 */
test('the Activity tab lists creation, edits by field name, a session and its signing, without any of the text', async ({ app: page }) => {
  await openEmptyVault(page);
  await setSigner(page, 'Dr. Activity Example', '');
  await addClientThroughUi(page, { legalName: 'Oluwaseun Adeyemi' });

  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Pronouns').fill('he/him');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: 'Oluwaseun Adeyemi', level: 1 })).toBeVisible();

  await startSessionThroughUi(page);
  await sectionEditor(page, 'Bond').click();
  await page.keyboard.type('Spoke about the quince orchard.');
  await page.getByRole('button', { name: 'Sign note…' }).click();
  await page.getByRole('dialog', { name: 'Sign note' }).getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText(/^Signed by Dr\. Activity Example on /)).toBeVisible();

  await page.getByRole('link', { name: /Oluwaseun Adeyemi/ }).click();
  await page.getByRole('tab', { name: 'Activity' }).click();
  const log = page.getByRole('table', { name: 'Client activity' });
  const rows = log.getByRole('row');
  // Newest first: signed, session created, client updated (pronouns), client created.
  await expect(rows.nth(1)).toContainText('Signed');
  await expect(rows.nth(1)).toContainText('Session note');
  await expect(rows.nth(2)).toContainText('Created');
  await expect(rows.nth(2)).toContainText('Session');
  await expect(rows.nth(3)).toContainText('Updated');
  await expect(rows.nth(3)).toContainText('Pronouns');
  await expect(rows.nth(4)).toContainText('Created');
  await expect(rows.nth(4)).toContainText('Client record');
  await expect(log).not.toContainText('he/him');
  await expect(log).not.toContainText('quince');
  await expect(log).not.toContainText('Oluwaseun');
});
