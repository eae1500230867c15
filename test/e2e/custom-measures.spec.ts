import type { Locator, Page } from '@playwright/test';
import type { AllianceApi } from '../../shared/contract';
import type { MeasureDefinition } from '../../shared/measures/definition';
import { expect, test } from './fixtures';
import { openEmptyVault } from './clients-ui';

/** Measures in Settings: built-ins listed read-only, a copy of one edited through versions, and a new one. */

type ApiWindow = Window & { api: AllianceApi };

const measureCard = (page: Page, name: string): Locator => page.getByRole('article', { name: `Measure: ${name}`, exact: true });
const group = (dialog: Locator, name: string): Locator => dialog.getByRole('group', { name, exact: true });

/** Every measure as the service stores it, read through window.api as the app itself does. */
async function listMeasures(page: Page): Promise<MeasureDefinition[]> {
  const result = await page.evaluate(() => (window as unknown as ApiWindow).api.listMeasures({}));
  if (!result.ok) throw new Error(result.error.message);
  return result.value.measures;
}

async function choose(dialog: Locator, combobox: Locator, option: string): Promise<void> {
  await combobox.click();
  await dialog.page().getByRole('option', { name: option, exact: true }).click();
}

async function openSettings(page: Page): Promise<void> {
  await openEmptyVault(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Measures', level: 3 })).toBeVisible();
}

test('built-ins are listed read-only; a copy of PHQ-9 saves as v1, a bad edit is refused at its fields, the fix saves v2', async ({ app: page }) => {
  await openSettings(page);

  const sac = measureCard(page, 'Session Alliance Check (client)');
  await expect(sac.getByText('Built-in')).toBeVisible();
  await expect(sac.getByText('Client-rated · Alliance · 3 items · total 0–30')).toBeVisible();
  const phq9 = measureCard(page, 'Patient Health Questionnaire (PHQ-9)');
  await expect(phq9.getByText('Built-in')).toBeVisible();
  await expect(phq9.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  const wai = measureCard(page, 'Working Alliance Inventory – Short Revised (WAI-SR)');
  await expect(wai.getByText('Scores only')).toBeVisible();
  await expect(sac.getByText('Scores only')).toHaveCount(0);

  // A copy of a score-only measure keeps its blank wording; an untouched dialog closes without asking.
  await wai.getByRole('button', { name: 'Copy' }).click();
  const waiCopy = page.getByRole('dialog', { name: 'Copy “Working Alliance Inventory – Short Revised (WAI-SR)”' });
  await expect(group(waiCopy, 'Item 1').getByLabel('Item wording')).toHaveValue('');
  await expect(group(waiCopy, 'Item 12')).toBeVisible();
  await waiCopy.getByRole('button', { name: 'Cancel' }).click();
  await expect(waiCopy).toBeHidden();

  await phq9.getByRole('button', { name: 'Copy' }).click();
  const copy = page.getByRole('dialog', { name: 'Copy “Patient Health Questionnaire (PHQ-9)”' });
  await expect(copy.getByLabel('Measure name')).toHaveValue('Copy of Patient Health Questionnaire (PHQ-9)');
  await expect(copy.getByText('With these items the total runs from 0–27.')).toBeVisible();
  await copy.getByLabel('Measure name').fill('PHQ-9 (clinic copy)');
  await copy.getByRole('button', { name: 'Save measure' }).click();
  await expect(copy).toBeHidden();

  const clinic = measureCard(page, 'PHQ-9 (clinic copy)');
  await expect(clinic.getByText('Custom v1')).toBeVisible();
  await expect(clinic.getByText('Client-rated · Outcome · 9 items (+1 not scored) · total 0–27 · concern at 10 or above')).toBeVisible();
  await expect(phq9.getByText('Built-in')).toBeVisible();

  // Editing: an overlapping band and an item whose highest answer is not above its lowest.
  await clinic.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “PHQ-9 (clinic copy)”' });
  await expect(edit.getByText('Results already recorded keep the version they were scored with')).toBeVisible();
  await group(edit, 'Band 2').getByLabel('From').fill('4');
  await edit.getByRole('button', { name: 'Save measure' }).click();
  await expect(group(edit, 'Band 2').getByText('The bands "Minimal" and "Mild" overlap: "Mild" starts at 4 but "Minimal" runs to 4.')).toBeVisible();

  await group(edit, 'Item 3').getByLabel('Highest answer').fill('0');
  await expect(edit.getByText('With these items the total runs from 0–24.')).toBeVisible();
  // Ctrl+Enter saves from inside the form.
  await group(edit, 'Item 3').getByLabel('Highest answer').press('Control+Enter');
  await expect(group(edit, 'Item 3').getByText('Item 3: the highest answer must be above the lowest.')).toBeVisible();
  await expect(group(edit, 'Band 2').getByText('"Mild" starts at 4')).toBeVisible();
  await expect(edit.getByRole('alert').filter({ hasText: 'things to fix before saving' })).toContainText('The last band should end at the highest possible total, 24.');
  // Nothing was saved, and nothing typed was lost.
  expect((await listMeasures(page)).find((measure) => measure.name === 'PHQ-9 (clinic copy)')?.version).toBe(1);
  await expect(group(edit, 'Item 3').getByLabel('Highest answer')).toHaveValue('0');
  await expect(edit.getByLabel('Measure name')).toHaveValue('PHQ-9 (clinic copy)');

  // Escape with changes asks first; keeping on editing keeps them.
  await edit.getByLabel('Measure name').press('Escape');
  await expect(edit.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await edit.getByRole('button', { name: 'Keep editing' }).click();

  await group(edit, 'Item 3').getByLabel('Highest answer').fill('3');
  await group(edit, 'Band 2').getByLabel('From').fill('5');
  await edit.getByRole('button', { name: 'Save measure' }).click();
  await expect(edit).toBeHidden();
  await expect(clinic.getByText('Custom v2')).toBeVisible();
  const saved = (await listMeasures(page)).find((measure) => measure.name === 'PHQ-9 (clinic copy)');
  expect(saved).toMatchObject({ version: 2, builtIn: false, range: { min: 0, max: 27 } });
  // Keys stay those of the original, so item 9's risk flag still points at item 9; the difficulty
  // question comes along, still left out of the score.
  expect(saved?.items.map((item) => item.key)).toEqual(['item1', 'item2', 'item3', 'item4', 'item5', 'item6', 'item7', 'item8', 'item9', 'difficulty']);
  expect(saved?.items[9]).toMatchObject({ scored: false });
  expect(saved?.flagItems.map((flag) => flag.item)).toEqual(['item9']);
});

test('a new measure with two items, a subscale and a cutoff saves with the range its items give', async ({ app: page }) => {
  await openSettings(page);
  await page.getByRole('button', { name: 'New measure' }).click();
  const dialog = page.getByRole('dialog', { name: 'New measure' });
  await expect(dialog.getByText('With these items the total runs from 0–10.')).toBeVisible();

  await dialog.getByLabel('Measure name').fill('Session check-in');
  await dialog.getByLabel('Short name').fill('Check-in');
  await choose(dialog, dialog.getByRole('combobox', { name: 'Rated by' }), 'Clinician');
  await group(dialog, 'Item 1').getByLabel('Item wording').fill('The client felt heard.');
  await dialog.getByRole('button', { name: 'Add item' }).click();
  const second = group(dialog, 'Item 2');
  await expect(second.getByLabel('Item wording')).toBeFocused();
  await second.getByLabel('Item wording').fill('We worked on what mattered to the client.');
  await second.getByLabel('Lowest answer').fill('1');
  await second.getByLabel('Highest answer').fill('5');
  await second.getByLabel('Reverse scored').check();
  await expect(dialog.getByText('With these items the total runs from 1–15.')).toBeVisible();

  await dialog.getByRole('button', { name: 'Add subscale' }).click();
  const subscale = group(dialog, 'Subscale 1');
  await expect(subscale.getByLabel('Subscale name')).toBeFocused();
  await subscale.getByLabel('Subscale name').fill('Heard');
  await subscale.getByLabel('Items in this subscale').click();
  await page.getByRole('option', { name: 'Item 1: The client felt heard.' }).click();
  await page.keyboard.press('Escape'); // closes the item list, not the dialog

  await choose(dialog, dialog.getByRole('combobox', { name: 'Cutoff' }), 'Concern when below');
  // A cutoff outside the range is refused at its field.
  await dialog.getByLabel('Cutoff value').fill('40');
  await dialog.getByRole('button', { name: 'Save measure' }).click();
  await expect(dialog.getByText('Put the cutoff above the lowest possible total (1) and no higher than the highest (15).')).toBeVisible();
  await dialog.getByLabel('Cutoff value').fill('8');
  await dialog.getByRole('button', { name: 'Save measure' }).click();
  await expect(dialog).toBeHidden();

  const card = measureCard(page, 'Session check-in');
  await expect(card.getByText('Custom v1')).toBeVisible();
  await expect(card.getByText('Clinician-rated · Alliance · 2 items · total 1–15 · concern below 8')).toBeVisible();

  const saved = (await listMeasures(page)).find((measure) => measure.name === 'Session check-in');
  expect(saved).toMatchObject({
    version: 1,
    builtIn: false,
    shortName: 'Check-in',
    rater: 'clinician',
    range: { min: 1, max: 15 },
    cutoff: { value: 8, concernWhen: 'below' },
    subscales: [{ key: 'heard', label: 'Heard', items: ['item1'], method: 'sum' }],
  });
  expect(saved?.items.map((item) => [item.key, item.min, item.max, item.reverse])).toEqual([
    ['item1', 0, 10, false],
    ['item2', 1, 5, true],
  ]);
});
