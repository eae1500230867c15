import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addClientThroughUi, openEmptyVault } from './clients-ui';
import { saveStatus, sectionEditor, setSigner, startSessionThroughUi } from './notes-ui';

/**
 * Pasting from Word or a web page keeps a table's cells apart and headings on their own lines: run
 * together, "Mon | Walked / Tue | Did not" reads "MonWalkedTueDid not", which changes what the record says.
 */

/** What Word puts on the clipboard: no <tbody>, <p> in every cell, mso styles, <o:p>, a Heading 1. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;} --></style></head>
<body lang=EN-GB style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->
<p class=MsoNormal>She brought her activity diary.<o:p></o:p></p>
<h1 style='mso-list:none'><span lang=EN-GB>Weekly activity<o:p></o:p></span></h1>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><b>Day<o:p></o:p></b></p></td>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><b>Activity<o:p></o:p></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>Mon<o:p></o:p></p></td>
  <td width=301 valign=top style='width:225.4pt;border-top:none;border-left:none;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>Walked<o:p></o:p></p></td>
 </tr>
 <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>Tue<o:p></o:p></p></td>
  <td width=301 valign=top style='width:225.4pt;border-top:none;border-left:none;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>Did not<o:p></o:p></p></td>
 </tr>
</table>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<h4>Next steps</h4>
<p class=MsoNormal>Keep the diary going.<o:p></o:p></p>
<!--EndFragment-->
</body></html>`;

/** What a web page puts there: <thead>/<th>, <tbody>/<td>, and headings of any level. */
const WEB_HTML = `<meta charset="utf-8"><h1 style="font-size: 2em">Sleep log</h1><p>Slept badly most nights.</p>
<table class="log"><thead><tr><th scope="col">Night</th><th scope="col">Hours</th></tr></thead>
<tbody><tr><td>Mon</td><td>4</td></tr><tr><td>Tue</td><td>7</td></tr></tbody></table>
<h5>Comment</h5><p>Better after the walk.</p>`;

async function paste(page: Page, editor: Locator, html: string): Promise<void> {
  await editor.click();
  await editor.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/html', pasted);
    data.setData('text/plain', 'plain fallback');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

const cellTexts = (scope: Locator) => scope.locator('td, th');

async function expectWordPaste(plan: Locator): Promise<void> {
  await expect(plan.locator('p').first()).toHaveText('She brought her activity diary.');
  await expect(plan.getByRole('heading', { name: 'Weekly activity', exact: true })).toBeVisible();
  await expect(plan.getByRole('heading', { name: 'Next steps', exact: true })).toBeVisible();
  await expect(plan.locator('table')).toHaveCount(1);
  await expect(plan.locator('tr')).toHaveCount(3);
  await expect(cellTexts(plan)).toHaveText(['Day', 'Activity', 'Mon', 'Walked', 'Tue', 'Did not']);
  // As the text reads on screen (textContent would join any blocks): cells and headings stay apart.
  const shown = await plan.innerText();
  expect(shown).toMatch(/Mon\s+Walked/);
  expect(shown).not.toMatch(/MonWalked|diary\.Weekly|activityDay/);
}

async function expectWebPaste(bond: Locator): Promise<void> {
  await expect(bond.getByRole('heading', { name: 'Sleep log', exact: true })).toBeVisible();
  await expect(bond.getByRole('heading', { name: 'Comment', exact: true })).toBeVisible();
  await expect(bond.locator('th')).toHaveText(['Night', 'Hours']);
  await expect(bond.locator('td')).toHaveText(['Mon', '4', 'Tue', '7']);
  await expect(bond.locator('p').filter({ hasText: 'Better after the walk.' })).toHaveText('Better after the walk.');
}

test('a table and headings pasted from Word and from a web page stay a table and headings: in the editor, after reload and once signed', async ({ app: page }) => {
  await openEmptyVault(page);
  await setSigner(page, 'Dr. Robin Example', 'PsyD');
  await addClientThroughUi(page, { legalName: 'Tabitha Rowe' });
  await startSessionThroughUi(page);

  await paste(page, sectionEditor(page, 'Plan'), WORD_HTML);
  await expectWordPaste(sectionEditor(page, 'Plan'));
  // Word's styles, widths and <o:p> do not come along.
  await expect(sectionEditor(page, 'Plan').locator('[style], [width], o\\:p')).toHaveCount(0);

  await paste(page, sectionEditor(page, 'Bond'), WEB_HTML);
  await expectWebPaste(sectionEditor(page, 'Bond'));

  // Typing in a cell stays in that cell.
  await sectionEditor(page, 'Plan').locator('td').filter({ hasText: 'Walked' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' twice');
  await expect(cellTexts(sectionEditor(page, 'Plan'))).toHaveText(['Day', 'Activity', 'Mon', 'Walked twice', 'Tue', 'Did not']);

  await page.keyboard.press('Control+s');
  await expect(saveStatus(page)).toHaveText('Saved', { timeout: 10_000 });
  await page.reload();
  await expect(cellTexts(sectionEditor(page, 'Plan'))).toHaveText(['Day', 'Activity', 'Mon', 'Walked twice', 'Tue', 'Did not']);
  await expectWebPaste(sectionEditor(page, 'Bond'));

  // Signed, the note is shown by the read-only viewer: a real table and real headings there too.
  await page.getByRole('button', { name: 'Sign note…' }).click();
  await page.getByRole('dialog', { name: 'Sign note' }).getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText(/^Signed by /)).toBeVisible();
  const planView = page.getByRole('region', { name: 'Plan', exact: true });
  const table = planView.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('cell')).toHaveText(['Day', 'Activity', 'Mon', 'Walked twice', 'Tue', 'Did not']);
  await expect(planView.getByRole('heading', { name: 'Weekly activity', exact: true })).toBeVisible();
  const bondView = page.getByRole('region', { name: 'Bond', exact: true });
  await expect(bondView.getByRole('columnheader')).toHaveText(['Night', 'Hours']);
  await expect(bondView.getByRole('heading', { name: 'Comment', exact: true })).toBeVisible();
});
