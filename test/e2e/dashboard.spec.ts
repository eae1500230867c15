import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addClientThroughUi, openEmptyVault } from './clients-ui';

/** The Dashboard's "Needs signing" list: old drafts by client code only, each opening its note. */

const CLIENT = { legalName: 'Marlowe Quenby', code: 'MQ-0417' };

/** A calendar day `days` before today on this machine's clock, as `YYYY-MM-DD`. */
function isoDaysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Records a session on `date` through window.api (the call "New session" makes); returns its note's id. */
async function recordSession(page: Page, clientId: string, date: string): Promise<string> {
  return page.evaluate(
    async ({ clientId, date }) => {
      type Result = { ok: true; value: { id: string } } | { ok: false; error: { message: string } };
      const api = (window as unknown as { api: Record<string, (input: unknown) => Promise<Result>> }).api;
      const session = { date, startTime: '09:00', durationMinutes: 50, modality: 'in_person', type: 'individual', attendance: 'attended', serviceCode: '' };
      const result = await api.createSession!({ clientId, session, templateId: 'alliance' });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.id;
    },
    { clientId, date },
  );
}

const clientIdFromUrl = (page: Page): string => {
  const match = /#\/clients\/([^/?]+)$/.exec(page.url());
  if (!match?.[1]) throw new Error(`Not on a client page: ${page.url()}`);
  return match[1];
};

async function openDashboard(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
}

const needsSigning = (page: Page) => page.getByRole('region', { name: 'Needs signing' });

test('a draft from five days ago is listed by client code only and opens its note; today’s draft is not', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, CLIENT);
  const clientId = clientIdFromUrl(page);
  const oldDate = isoDaysAgo(5);
  const oldNote = await recordSession(page, clientId, oldDate);
  await recordSession(page, clientId, isoDaysAgo(0));

  await openDashboard(page);
  const rows = needsSigning(page).getByRole('list', { name: 'Notes that need signing' }).getByRole('link');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(CLIENT.code);
  await expect(rows).toContainText('5 days old');
  // The session date as the rest of the app shows it, in this browser's locale.
  const shownDate = await page.evaluate(
    (iso) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(`${iso}T00:00:00`)),
    oldDate,
  );
  await expect(rows).toContainText(shownDate);
  // Someone else may see this screen: the client's name appears nowhere on it.
  await expect(page.locator('body')).not.toContainText('Marlowe');
  await expect(page.locator('body')).not.toContainText('Quenby');

  await rows.click();
  await expect.poll(() => new URL(page.url()).hash).toBe(`#/clients/${clientId}/notes/${oldNote}`);
});

test('a fresh vault has nothing waiting to be signed', async ({ app: page }) => {
  await openEmptyVault(page);
  await openDashboard(page);
  await expect(needsSigning(page).getByText('All notes are signed')).toBeVisible();
  await expect(needsSigning(page).getByRole('link')).toHaveCount(0);
});
