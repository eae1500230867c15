import { expect, test } from './fixtures';
import { openEmptyVault } from './clients-ui';

/** A calendar day `days` from today on this machine's clock (negative: in the past), as `YYYY-MM-DD`. */
function isoDay(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The follow-up cadence through the UI: a weekly frequency agreed 20 days ago and today's appointment,
 * set on the client's Follow-up tab, reach the Dashboard as an appointment under Today and the client as
 * 6 days overdue (20 − 7 − 7 days' grace); a longer grace set in Settings shortens that to 3. The
 * client is made through the API; only what is under test is clicked.
 */
test('a frequency and an appointment set on the Follow-up tab make the client overdue and booked on the Dashboard, by the grace in Settings', async ({ app: page }) => {
  await openEmptyVault(page);
  const clientId = await page.evaluate(async () => {
    type Result = { ok: true; value: { id: string } } | { ok: false; error: { message: string } };
    const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
    const fields = {
      legalName: 'Cordelia Ashworth-Nkemelu', preferredName: '', pronouns: '', dateOfBirth: null, code: 'CA-2502', phone: '', email: '', address: '',
      emergencyContact: { name: '', phone: '', relation: '' }, intakeDate: null, referralSource: '', status: 'active', dischargeDate: null,
      dischargeReason: '', presentingConcerns: null, tags: [], privateRemarks: '', reviewDate: null,
    };
    const created = await api.createClient!({ fields });
    if (!created.ok) throw new Error(created.error.message);
    return created.value.id;
  });
  await page.evaluate((id) => {
    window.location.hash = `#/clients/${id}`;
  }, clientId);

  await page.getByRole('tab', { name: 'Follow-up' }).click();
  const plan = page.getByRole('region', { name: 'Agreed frequency' });
  await plan.getByRole('button', { name: 'Set frequency…' }).click();
  // Weekly is what a new plan offers first.
  await expect(plan.getByRole('combobox', { name: 'Frequency' })).toHaveValue('Weekly');
  await plan.getByLabel('Agreed on').fill(isoDay(-20));
  await plan.getByRole('button', { name: 'Save frequency' }).click();
  await expect(plan).toContainText('Weekly sessions, agreed on');

  await page.getByRole('button', { name: 'Book appointment' }).click();
  const booking = page.getByRole('dialog', { name: 'Book appointment' });
  await booking.getByLabel('Date').fill(isoDay(0));
  await booking.getByLabel('Time').fill('14:30');
  await booking.getByRole('button', { name: 'Book appointment' }).click();
  await expect(booking).toBeHidden();

  const dashboard = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' });
  await dashboard.click();
  await expect(page.getByRole('list', { name: 'Appointments today' })).toContainText('CA-2502');
  const overdue = page.getByRole('list', { name: 'Overdue for a session' });
  await expect(overdue).toContainText('CA-2502');
  await expect(overdue).toContainText('6 days overdue');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const grace = page.getByLabel('Grace days before overdue');
  await grace.fill('10');
  await page.getByRole('button', { name: 'Save engagement settings' }).click();
  await expect(grace).toHaveValue('10');
  await dashboard.click();
  await expect(overdue).toContainText('3 days overdue');
});
