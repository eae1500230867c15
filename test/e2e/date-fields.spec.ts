import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goToClientList, openEmptyVault } from './clients-ui';

/**
 * The date fields every form shares: a date is typed as YYYY-MM-DD or picked from the calendar beside
 * the field, and both give the same value. A typed day that does not exist is named at its field and
 * never quietly becomes another day (dayjs alone would read 30 February as 2 March).
 */

const UNREADABLE = 'That date does not exist (like 30 February) or is not complete. Check the day, month and year.';
const CALENDAR = 'Choose a day in the calendar';

type Result = { ok: true; value: unknown } | { ok: false; error: { message: string } };

/** What the service holds, asked the way the screens ask it. */
async function callApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([name, args]) => {
      const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
      const result = await api[name]!(args);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as T;
    },
    [method, input] as const,
  );
}

async function openNewClientForm(page: Page): Promise<void> {
  await openEmptyVault(page);
  await goToClientList(page);
  await page.getByRole('button', { name: 'Add client', exact: true }).click();
  await expect(page.getByLabel('Client code')).not.toHaveValue('');
  await page.getByLabel('Legal name').fill('Petra Example');
}

test('30 February typed as a date of birth is named at the field, stays as typed, and no client is saved', async ({ app: page }) => {
  await openNewClientForm(page);
  const birth = page.getByLabel('Date of birth');
  await birth.pressSequentially('2026-02-30');
  await page.getByRole('button', { name: 'Save client' }).click();

  await expect(birth).toHaveAccessibleDescription(UNREADABLE);
  await expect(birth).toHaveValue('2026-02-30');
  await expect(page.getByRole('heading', { name: 'New client' })).toBeVisible();
  const listed = await callApi<{ clients: unknown[] }>(page, 'listClients', { status: 'all' });
  expect(listed.clients).toHaveLength(0);
});

test('a day picked from the calendar by mouse or by keyboard fills the field as typing it would, and is saved', async ({ app: page }) => {
  await openNewClientForm(page);
  const intake = page.getByLabel('Intake date');
  const calendarButton = intake.locator('..').getByRole('button', { name: CALENDAR });
  await intake.fill('2025-03-14');

  // By mouse: the calendar opens on the field's month.
  await calendarButton.click();
  await page.getByRole('button', { name: '20 March 2025' }).click();
  await expect(intake).toHaveValue('2025-03-20');
  await expect(page.getByRole('dialog', { name: CALENDAR })).toHaveCount(0);

  // By keyboard: Tab from the field to its calendar, focus lands on the field's day, arrows move, Enter picks.
  await intake.focus();
  await page.keyboard.press('Tab');
  await expect(calendarButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '20 March 2025' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(intake).toHaveValue('2025-03-21');
  await expect(calendarButton).toBeFocused();

  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: 'Petra Example', level: 1 })).toBeVisible();
  const clientId = await page.evaluate(() => window.location.hash.split('/')[2] ?? '');
  const client = await callApi<{ intakeDate: string | null }>(page, 'getClient', { id: clientId });
  expect(client.intakeDate).toBe('2025-03-21');
});
