import { expect, test } from './fixtures';
import { addClientThroughUi, openEmptyVault } from './clients-ui';
import { sectionEditor, setSigner, startSessionThroughUi } from './notes-ui';

/**
 * Mistakes undone honestly: a session created by mistake is deleted while its note is a draft (the
 * dialog names the date), and a signed note is voided with a reason: kept, struck through on the
 * timeline with the reason, and no longer counted as a session.
 */

/** "Mar 2, 2026" or "2 Mar 2026", whichever the browser's locale writes. */
const day = (month: string, date: number) => new RegExp(`${month} ${date}, 2026|${date} ${month} 2026`);

test('a draft session created by mistake is deleted after a confirmation that names its date', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Quill Example' });
  // Changing one's mind about a new session hands focus back to where it was...
  await page.getByRole('tab', { name: 'Sessions' }).click();
  const newSession = page.getByRole('button', { name: 'New session' }).first();
  await newSession.click();
  await page.getByRole('dialog', { name: 'New session' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(newSession).toBeFocused();
  // ...while "Start note" leaves it in the note: the first keystrokes stay where they were typed.
  await startSessionThroughUi(page, '2026-03-02');
  await sectionEditor(page, 'Plan').click();
  // Entered as one input, as a paste or a dictation would: these tests are about corrections, and
  // per-key typing straight after the first click races ProseMirror under load (the first letter
  // can end up after the rest); fast-typing.spec.ts is where keystrokes are tested.
  await page.keyboard.insertText('Opened by mistake.');

  await page.getByRole('button', { name: 'Delete session…' }).click();
  const dialog = page.getByRole('dialog', { name: day('Mar', 2) });
  await expect(dialog).toContainText('its draft note and any measures recorded for it are deleted');
  // Keeping it is the default: Escape or "Keep the session" leaves everything as it was.
  await dialog.getByRole('button', { name: 'Keep the session' }).click();
  await expect(dialog).toBeHidden();
  await expect(sectionEditor(page, 'Plan')).toHaveText('Opened by mistake.');

  await page.getByRole('button', { name: 'Delete session…' }).click();
  await page.getByRole('dialog', { name: day('Mar', 2) }).getByRole('button', { name: 'Delete session' }).click();
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await expect(page.getByText('No sessions yet')).toBeVisible();
});

test('a signed note is voided with a reason: kept, struck through on the timeline, not counted', async ({ app: page }) => {
  await openEmptyVault(page);
  await setSigner(page, 'Dr. Robin Example', 'PsyD');
  await addClientThroughUi(page, { legalName: 'Quill Example' });
  await startSessionThroughUi(page, '2026-03-09');
  await sectionEditor(page, 'Bond').click();
  await page.keyboard.insertText('Warm and engaged.');
  await page.getByRole('button', { name: 'Sign note…' }).click();
  await page.getByRole('dialog', { name: 'Sign note' }).getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText(/^Signed by Dr\. Robin Example/)).toBeVisible();
  // A signed note cannot be deleted, only voided.
  await expect(page.getByRole('button', { name: 'Delete session…' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Void note…' }).click();
  const dialog = page.getByRole('dialog', { name: day('Mar', 9) });
  await dialog.getByRole('button', { name: 'Void note' }).click();
  await expect(dialog.getByText('Give the reason the note is void.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Opened for the wrong client.');
  await dialog.getByRole('button', { name: 'Void note' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByText('Voided', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Reason: Opened for the wrong client.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Bond' })).toContainText('Warm and engaged.');
  await expect(page.getByRole('button', { name: 'Add addendum' })).toHaveCount(0);
  await expect(page.getByRole('article', { name: 'Addendum 1' })).toContainText('Void signed by Dr. Robin Example');

  await page.getByRole('link', { name: /Quill Example/ }).click();
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await expect(page.getByText('0 sessions (and 1 voided), newest first')).toBeVisible();
  const row = page.getByRole('table', { name: 'Sessions' }).getByRole('row').nth(1);
  await expect(row).toContainText('Voided: Opened for the wrong client.');
  await expect(row.getByRole('link', { name: day('Mar', 9) })).toHaveCSS('text-decoration-line', 'line-through');
});
