import { expect, test } from './fixtures';
import { addClientThroughUi, openEmptyVault } from './clients-ui';
import { saveStatus, sectionButton, sectionEditor, setSigner, startSessionThroughUi } from './notes-ui';
import { FIRST_PASSPHRASE } from './vault-helpers';

/**
 * The practitioner's daily work: record a session, write its note in all five alliance sections,
 * see it saved, sign it, add an addendum, and find it again with Ctrl+K.
 */

const GOAL = 'Sleep through the night most nights';

test('write a note in every section, reload, sign it, add an addendum, and find it by a Bond word', async ({ app: page }) => {
  await openEmptyVault(page);
  await setSigner(page, 'Dr. Robin Example', 'PsyD, Licensed Psychologist');
  await addClientThroughUi(page, { legalName: 'Zoë Ødegaard' });
  await page.getByRole('tab', { name: 'Treatment plan' }).click();
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByLabel("Goal (in the client's own words)").fill(GOAL);
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByRole('article', { name: `Goal: ${GOAL}` })).toBeVisible();

  await page.getByRole('tab', { name: 'Sessions' }).click();
  await expect(page.getByText('No sessions yet')).toBeVisible();
  await startSessionThroughUi(page);
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  // Each empty section shows its prompt as the placeholder.
  await expect(sectionEditor(page, 'Plan').locator('p[data-placeholder]')).toHaveAttribute('data-placeholder', 'Next steps and the next appointment.');

  // Goals: the plan's goal, with a progress mark, and text.
  await page.getByRole('checkbox', { name: GOAL }).check();
  await page.getByRole('radiogroup', { name: `Progress on: ${GOAL}` }).getByText('Some progress').click();
  await sectionEditor(page, 'Goals').click();
  await page.keyboard.type('We agreed sleep is still the main aim.');

  // Tasks: text, then homework as a task list.
  await sectionEditor(page, 'Tasks').click();
  await page.keyboard.type('Practised a grounding exercise.');
  await page.keyboard.press('Enter');
  await sectionButton(page, 'Tasks', 'Task list').click();
  await page.keyboard.type('Walk twice this week');
  await expect(sectionEditor(page, 'Tasks').getByRole('checkbox')).toHaveCount(1);

  // Bond: a word to search for later, and the rupture flag.
  await sectionEditor(page, 'Bond').click();
  await page.keyboard.type('Brief withdrawal after the pelican story, repaired by naming it.');
  await page.getByRole('checkbox', { name: /Rupture noted/ }).check();
  await page.getByLabel('What happened, briefly').fill('Went quiet for a minute');

  // Risk: a level and the action.
  await page.getByRole('radio', { name: 'Low' }).check();
  await page.getByLabel('Action taken').fill('Safety plan reviewed together.');
  await sectionEditor(page, 'Risk').click();
  await page.keyboard.type('No current intent.');

  // Plan: a bullet list.
  await sectionEditor(page, 'Plan').click();
  await sectionButton(page, 'Plan', 'Bullet list').click();
  await page.keyboard.type('Review sleep diary');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Next appointment in two weeks');
  await expect(sectionEditor(page, 'Plan').locator('ul > li')).toHaveCount(2);

  await expect(saveStatus(page)).toHaveText('Saved', { timeout: 5_000 });

  // Reloading shows everything as it was typed.
  await page.reload();
  await expect(page.getByRole('heading', { name: /^Session note, /, level: 1 })).toBeVisible();
  await expect(sectionEditor(page, 'Goals')).toHaveText('We agreed sleep is still the main aim.');
  await expect(sectionEditor(page, 'Tasks')).toContainText('Walk twice this week');
  await expect(sectionEditor(page, 'Tasks').getByRole('checkbox')).toHaveCount(1);
  await expect(sectionEditor(page, 'Bond')).toContainText('pelican story');
  await expect(page.getByRole('checkbox', { name: /Rupture noted/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Low' })).toBeChecked();
  await expect(sectionEditor(page, 'Plan').locator('ul > li')).toHaveText(['Review sleep diary', 'Next appointment in two weeks']);
  await expect(page.getByRole('radiogroup', { name: `Progress on: ${GOAL}` }).getByRole('radio', { name: 'Some progress' })).toBeChecked();

  // Sign: the note becomes read-only and shows its hash.
  await page.getByRole('button', { name: 'Sign note…' }).click();
  const signDialog = page.getByRole('dialog', { name: 'Sign note' });
  await expect(signDialog).toContainText('You are signing as Dr. Robin Example, PsyD, Licensed Psychologist.');
  await signDialog.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText('Signed', { exact: true })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign note…' })).toHaveCount(0);
  await expect(page.getByText(/^Signed by Dr\. Robin Example, PsyD, Licensed Psychologist on /)).toBeVisible();
  await expect(page.getByLabel('SHA-256 of the signed content')).toHaveText(/^SHA-256 [0-9a-f]{64}$/);
  await expect(page.getByRole('region', { name: 'Bond' })).toContainText('pelican story');
  await expect(page.getByRole('region', { name: 'Goals' })).toContainText(`${GOAL}: Some progress`);

  // An addendum is appended, signed and dated; the note above stays as it was.
  await page.getByRole('button', { name: 'Add addendum' }).click();
  await page.getByRole('textbox', { name: 'New addendum' }).click();
  await page.keyboard.type('Client phoned: the walk was done once.');
  await page.getByRole('button', { name: 'Sign addendum…' }).click();
  // Signing is final, so it shows exactly what will be signed, and by whom, first.
  const confirm = page.getByRole('dialog', { name: 'Sign addendum' });
  await expect(confirm.getByLabel('Addendum to be signed')).toHaveText('Client phoned: the walk was done once.');
  await expect(confirm).toContainText('Signed as Dr. Robin Example, PsyD, Licensed Psychologist, dated today.');
  await confirm.getByRole('button', { name: 'Sign addendum' }).click();
  const addendum = page.getByRole('article', { name: 'Addendum 1' });
  await expect(addendum).toContainText('Client phoned: the walk was done once.');
  await expect(addendum).toContainText('Addendum 1 signed by Dr. Robin Example');
  await expect(page.getByRole('region', { name: 'Bond' })).toContainText('pelican story');

  // Ctrl+K finds the note by a word from its Bond section and opens it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Search' });
  await search.getByLabel('Search notes and clients').fill('pelican');
  const hit = search.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('Signed');
  await hit.click();
  await expect(page.getByRole('heading', { name: /^Session note, /, level: 1 })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Addendum 1' })).toBeVisible();

  // The client's timeline lists the session as signed, with its rupture flag.
  await page.getByRole('link', { name: /Zoë Ødegaard/ }).click();
  await page.getByRole('tab', { name: 'Sessions' }).click();
  const row = page.getByRole('table', { name: 'Sessions' }).getByRole('row').nth(1);
  await expect(row).toContainText('Signed');
  await expect(row).toContainText('Rupture');
  await expect(row).toContainText('1 addendum');
});

test('homework carries forward, a high risk needs an action before signing, and Ctrl+L keeps the last keystrokes', async ({ app: page }) => {
  await openEmptyVault(page);
  await setSigner(page, 'Sam Counsellor', '');
  await addClientThroughUi(page, { legalName: 'Nguyễn Thị Minh Khai' });
  await startSessionThroughUi(page, '2026-03-02');
  await sectionEditor(page, 'Tasks').click();
  await sectionButton(page, 'Tasks', 'Task list').click();
  await page.keyboard.type('Three-minute breathing space daily');
  await expect(saveStatus(page)).toHaveText('Saved', { timeout: 5_000 });

  // The next session's note starts with that homework to review.
  await page.getByRole('link', { name: /Nguyễn Thị Minh Khai/ }).click();
  await startSessionThroughUi(page, '2026-03-09');
  const review = page.getByRole('group', { name: "Review of last session's homework" });
  await review.getByRole('checkbox', { name: 'Three-minute breathing space daily' }).check();

  // A high risk level without an action cannot be signed.
  await page.getByRole('radio', { name: 'High' }).check();
  await expect(page.getByText('A high risk level needs the action taken before the note can be signed.').first()).toBeVisible();
  await page.getByRole('button', { name: 'Sign note…' }).click();
  const signDialog = page.getByRole('dialog', { name: 'Sign note' });
  await expect(signDialog.getByRole('button', { name: 'Sign note' })).toBeDisabled();
  await signDialog.getByRole('button', { name: 'Cancel' }).click();

  // Typing then locking at once: the last words are saved before the vault closes.
  await page.getByLabel('Action taken').fill('Crisis line given; GP informed.');
  await sectionEditor(page, 'Bond').click();
  await page.keyboard.type('Laughed together about the heron');
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(FIRST_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('option', { name: /Nguyễn Thị Minh Khai/ }).click();
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await page.getByRole('table', { name: 'Sessions' }).getByRole('link').first().click();
  await expect(sectionEditor(page, 'Bond')).toHaveText('Laughed together about the heron');
  await expect(page.getByLabel('Action taken')).toHaveValue('Crisis line given; GP informed.');
  await expect(page.getByRole('group', { name: "Review of last session's homework" }).getByRole('checkbox')).toBeChecked();

  // Now it can be signed.
  await page.getByRole('button', { name: 'Sign note…' }).click();
  await page.getByRole('dialog', { name: 'Sign note' }).getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText(/^Signed by Sam Counsellor on /)).toBeVisible();
});

test('text pasted from Word or a web page keeps its words, allowed formatting and tables, and loses links, images, styles and scripts', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Paste Tester' });
  await startSessionThroughUi(page);
  const plan = sectionEditor(page, 'Plan');
  await plan.click();
  await page.evaluate(() => {
    const html = [
      '<p class="MsoNormal" style="color:red;font-family:Calibri"><b>Bold step</b> and <i>gentle</i> pacing</p>',
      '<ul><li>first item</li><li>second item</li></ul>',
      '<p>See <a href="javascript:alert(1)">this page</a><img src="x" onerror="window.pasted = 1"></p>',
      '<script>window.pasted = 2</script><table><tr><td>cell text</td></tr></table>',
    ].join('');
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'fallback');
    const target = document.activeElement;
    if (!target) throw new Error('nothing focused');
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(plan.locator('strong')).toHaveText('Bold step');
  await expect(plan.locator('em')).toHaveText('gentle');
  await expect(plan.locator('ul > li')).toHaveText(['first item', 'second item']);
  await expect(plan).toContainText('See this page');
  // A table stays a table (paste-tables.spec.ts has Word's and web pages' tables in full).
  await expect(plan.locator('table td')).toHaveText('cell text');
  await expect(plan.locator('a, img, script, [style*="color"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pasted?: number }).pasted)).toBeUndefined();
  await expect(saveStatus(page)).toHaveText('Saved', { timeout: 5_000 });
});
