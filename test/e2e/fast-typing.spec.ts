import { expect, test } from './fixtures';
import { addClientThroughUi, openEmptyVault } from './clients-ui';
import { saveStatus, sectionEditor, startSessionThroughUi } from './notes-ui';

/**
 * A practitioner clicks into an empty section and types straight away. Every keystroke must land where
 * it was typed: a caret sent back to the start turns "Client said hello." into "lient said hello.C".
 */

const SECTIONS = ['Goals', 'Tasks', 'Bond', 'Risk', 'Plan'] as const;

test('typing at 20 keys a second right after clicking into each empty section keeps every character in order', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Quick Typist' });
  await startSessionThroughUi(page);

  const typed = new Map<string, string>();
  for (const label of SECTIONS) {
    const text = `Client said hello in ${label}.`;
    typed.set(label, text);
    // No wait between the click and the first key: the editor is still settling, the moment a caret could be sent back.
    await sectionEditor(page, label).click();
    await page.keyboard.type(text, { delay: 50 });
    await expect(sectionEditor(page, label)).toHaveText(text);
  }

  // And what was typed is what was saved.
  await page.keyboard.press('Control+s');
  await expect(saveStatus(page)).toHaveText('Saved', { timeout: 10_000 });
  await page.reload();
  for (const label of SECTIONS) await expect(sectionEditor(page, label)).toHaveText(typed.get(label)!);
});
