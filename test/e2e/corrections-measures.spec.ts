import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addClientThroughUi, isoToday, openEmptyVault } from './clients-ui';
import { sectionEditor, setSigner, startSessionThroughUi } from './notes-ui';

/**
 * Measures of a signed session, through the UI: a draft's result is removed, a signed session's
 * result is struck out through a signed addendum (kept, struck through with its reason, off the
 * chart), a result entered after signing is a late entry signed with an addendum and marked as one
 * in the session, the table and the chart, and a voided session takes neither.
 */

const longDay = (iso: string): string =>
  new Date(`${iso}T12:00:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

const measuresPanel = (page: Page): Locator => page.getByRole('region', { name: 'Measures' });
const sessionTable = (page: Page): Locator => measuresPanel(page).getByRole('table', { name: 'Measures in this session' });

/** From a new session's note: "Record a measure" with the Session Alliance Check's three scores. */
async function recordOnDraft(page: Page, [goals, tasks, bond]: readonly [number, number, number]): Promise<void> {
  await measuresPanel(page).getByRole('button', { name: 'Record a measure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a measure' });
  const boxes = dialog.getByRole('textbox', { name: /: score$/ });
  await boxes.nth(0).fill(String(goals));
  await boxes.nth(1).fill(String(tasks));
  await boxes.nth(2).fill(String(bond));
  await dialog.getByRole('button', { name: 'Save result' }).click();
  await expect(dialog).toBeHidden();
  await expect(sessionTable(page)).toContainText(`Total ${goals + tasks + bond}`);
}

async function writeAndSign(page: Page, signer: string): Promise<void> {
  await sectionEditor(page, 'Bond').click();
  // Entered as one input, as a paste or a dictation would: these tests are about corrections, and
  // per-key typing straight after the first click races ProseMirror under load (the first letter
  // can end up after the rest); fast-typing.spec.ts is where keystrokes are tested.
  await page.keyboard.insertText('Talked through the missed appointment.');
  await page.getByRole('button', { name: 'Sign note…' }).click();
  await page.getByRole('dialog', { name: 'Sign note' }).getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText(new RegExp(`^Signed by ${signer}\\b`))).toBeVisible();
}

async function openMeasuresTab(page: Page, clientName: string): Promise<Locator> {
  await page.getByRole('link', { name: new RegExp(clientName) }).first().click();
  await page.getByRole('tab', { name: 'Measures' }).click();
  return page.getByRole('group', { name: /^Alliance, Session Alliance Check/ });
}

test("a draft's result is removed; once signed it is struck out with a reason, kept struck through and left off the chart", async ({ app: page }) => {
  test.setTimeout(120_000);
  await openEmptyVault(page);
  await setSigner(page, 'Dr. Strike Example', '');
  await addClientThroughUi(page, { legalName: 'Wilhelmina Achterberg' });
  const noteUrl = await (async () => {
    await startSessionThroughUi(page);
    return page.url();
  })();
  const today = isoToday();

  await recordOnDraft(page, [8, 8, 9]);
  await recordOnDraft(page, [5, 5, 5]);
  // On a draft a result entered by mistake is simply removed; nothing offers to strike it out.
  const rows = sessionTable(page).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).getByRole('button', { name: 'Remove' })).toBeVisible();
  await expect(measuresPanel(page).getByRole('button', { name: /Strike out/ })).toHaveCount(0);

  await writeAndSign(page, 'Dr. Strike Example');
  await expect(measuresPanel(page)).toContainText('This note is signed: a result entered now is a late entry, signed as an addendum.');
  await expect(measuresPanel(page).getByRole('button', { name: 'Remove' })).toHaveCount(0);
  await expect(measuresPanel(page).getByRole('button', { name: /^Strike out/ })).toHaveCount(2);

  const mistaken = rows.filter({ hasText: 'Total 15' });
  await mistaken.getByRole('button', { name: /^Strike out/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Strike out a result' });
  await expect(dialog).toContainText('Signed as Dr. Strike Example');
  // The reason is required, and said at its field.
  await dialog.getByRole('button', { name: 'Strike out and sign' }).click();
  await expect(dialog.getByLabel('Why was it recorded in error?')).toHaveAccessibleDescription(/Give the reason the result was recorded in error\./);
  await dialog.getByLabel('Why was it recorded in error?').fill('Answers were from the previous week’s form.');
  await expect(dialog.getByRole('region', { name: 'Addendum to be signed' })).toContainText(
    `Struck out: the SAC client result taken on ${longDay(today)}, recorded in error.Reason: Answers were from the previous week’s form.`,
  );
  await dialog.getByRole('button', { name: 'Strike out and sign' }).click();
  await expect(dialog).toBeHidden();

  // Kept, struck through, with its reason in words; it cannot be struck out twice.
  await expect(rows).toHaveCount(2);
  await expect(mistaken).toContainText('Struck out: Answers were from the previous week’s form.');
  await expect(mistaken.locator('s')).toHaveText(['Goals 5 · Tasks 5 · Bond 5', 'Total 15']);
  await expect(mistaken.getByRole('button', { name: /Strike out|Remove/ })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Total 25' }).locator('s')).toHaveCount(0);
  // The addendum that struck it out is signed on the note.
  const addendum = page.getByRole('article', { name: 'Addendum 1' });
  await expect(addendum).toContainText(`Struck out: the SAC client result taken on ${longDay(today)}, recorded in error.`);
  await expect(addendum).toContainText('Reason: Answers were from the previous week’s form.');
  await expect(addendum).toContainText('Addendum 1 signed by Dr. Strike Example');

  // The chart has only the result that stands; the table keeps the struck one, struck through.
  const chart = await openMeasuresTab(page, 'Wilhelmina Achterberg');
  await expect(chart.getByRole('link')).toHaveCount(1);
  await expect(chart.getByRole('link')).toHaveAccessibleName(`${longDay(today)}: Total, SAC client-rated: 25; Goals, SAC client-rated: 8; Tasks, SAC client-rated: 8; Bond, SAC client-rated: 9`);
  await page.locator('label').filter({ hasText: /^Table$/ }).click();
  const table = page.getByRole('table', { name: /^Alliance, Session Alliance Check/ });
  await expect(table.getByRole('row')).toHaveCount(3);
  const struckRow = table.getByRole('row').filter({ hasText: 'Struck out:' });
  await expect(struckRow).toContainText('Struck out: Answers were from the previous week’s form.');
  await expect(struckRow.locator('s')).toHaveText(['5', '5', '5', '15']);

  // A voided session takes neither late entries nor strike-outs.
  await page.evaluate(async (noteId) => {
    const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<{ ok: boolean }>> }).api;
    const result = await api.voidNote!({ noteId, reason: 'Session entered for the wrong client.' });
    if (!result.ok) throw new Error('voidNote failed');
  }, /\/notes\/([^/?]+)$/.exec(noteUrl)?.[1] ?? '');
  await page.goto(noteUrl);
  await expect(measuresPanel(page)).toContainText('This session was voided');
  // Its answers can still be read; nothing can be recorded, removed or struck out.
  await expect(measuresPanel(page).getByRole('button', { name: /Record|Strike out|Remove/ })).toHaveCount(0);
  await expect(sessionTable(page).getByRole('row')).toHaveCount(2);
});

test('a result entered after signing is a late entry: a reason, a confirm step, a signed addendum, and marked as late everywhere', async ({ app: page }) => {
  test.setTimeout(120_000);
  await openEmptyVault(page);
  await setSigner(page, 'Dr. Late Example', 'LCSW');
  await addClientThroughUi(page, { legalName: 'Bartholomew Osei-Kuffour' });
  await startSessionThroughUi(page);
  const today = isoToday();
  await writeAndSign(page, 'Dr. Late Example');

  const panel = measuresPanel(page);
  await expect(panel).toContainText('This note is signed: a result entered now is a late entry, signed as an addendum.');
  await expect(panel.getByRole('button', { name: 'Record a measure' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Record late entry' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record late entry' });
  const boxes = dialog.getByRole('textbox', { name: /: score$/ });
  await boxes.nth(0).fill('7');
  await boxes.nth(1).fill('8');
  await boxes.nth(2).fill('9');
  // Why it is late is required, and said at its field.
  await dialog.getByRole('button', { name: 'Review late entry' }).click();
  const reason = dialog.getByRole('textbox', { name: 'Why is it entered late?' });
  await expect(reason).toHaveAccessibleDescription(/Say why this result is entered after signing\./);
  await reason.fill('The client filled in the form on paper; entered from it today.');
  await dialog.getByRole('button', { name: 'Review late entry' }).click();

  // The confirm step shows exactly what will be signed, and by whom.
  await expect(dialog.getByRole('heading', { name: 'Check what will be signed' })).toBeFocused();
  const result = dialog.getByRole('region', { name: 'Result to be signed' });
  await expect(result).toContainText('Session Alliance Check (client)');
  await expect(result).toContainText(`Taken on ${longDay(today)}`);
  await expect(result).toContainText('Total 24 of 30');
  await expect(result.getByRole('list', { name: 'Answers' }).getByRole('listitem')).toHaveCount(3);
  const generated = `Late entry: SAC client taken on ${longDay(today)}, entered after the note was signed.`;
  await expect(dialog.getByRole('region', { name: 'Addendum to be signed' })).toHaveText(
    `The client filled in the form on paper; entered from it today.${generated}`,
  );
  await expect(dialog).toContainText('Signed as Dr. Late Example, LCSW');
  // Going back keeps everything typed.
  await dialog.getByRole('button', { name: 'Back' }).click();
  await expect(reason).toHaveValue('The client filled in the form on paper; entered from it today.');
  await expect(boxes.nth(2)).toHaveValue('9');
  await dialog.getByRole('button', { name: 'Review late entry' }).click();
  await dialog.getByRole('button', { name: 'Sign late entry' }).click();
  await expect(dialog).toBeHidden();

  // The session's row says it is a late entry and when it was entered; the addendum is on the note.
  const row = sessionTable(page).getByRole('row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Total 24');
  await expect(row).toContainText('Late entry');
  await expect(row).toContainText(`entered ${longDay(today)}`);
  await expect(row.getByRole('button', { name: /^Strike out/ })).toBeVisible();
  const addendum = page.getByRole('article', { name: 'Addendum 1' });
  await expect(addendum).toContainText('The client filled in the form on paper; entered from it today.');
  await expect(addendum).toContainText(generated);
  await expect(addendum).toContainText('Addendum 1 signed by Dr. Late Example');

  // The chart's point and its tooltip say "late entry"; so does the table.
  const chart = await openMeasuresTab(page, 'Bartholomew Osei-Kuffour');
  const point = chart.getByRole('link');
  await expect(point).toHaveAccessibleName(`${longDay(today)}: Total, SAC client-rated: 24; Goals, SAC client-rated: 7; Tasks, SAC client-rated: 8; Bond, SAC client-rated: 9; late entry`);
  await point.hover();
  await expect(chart).toContainText(`${longDay(today)} · late entry`);
  await page.locator('label').filter({ hasText: /^Table$/ }).click();
  const table = page.getByRole('table', { name: /^Alliance, Session Alliance Check/ });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('24');
  await expect(table.getByRole('row').nth(1)).toContainText(`Late entry`);
  await expect(table.getByRole('row').nth(1)).toContainText(`entered ${longDay(today)}`);
});
