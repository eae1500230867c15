import { expect, test } from './fixtures';
import { openEmptyVault } from './clients-ui';
import { expectNoSeriousViolations } from './axe';
import { recordResultsThroughApi } from './measures-api';

/** A day `days` before today, as `YYYY-MM-DD` in this computer's zone (the view's periods end today). */
const daysAgo = (days: number): string => {
  const day = new Date();
  day.setDate(day.getDate() - days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
};

/**
 * The caseload view from the main navigation: a client whose PHQ-9 fell from 18 to 8 within the last
 * year is counted as active and as recovered; following the recovered number lists the client by code,
 * and the code opens their page. The client and results are made through the API.
 */
test('the caseload view counts a recovered client, and its numbers lead to the client', async ({ app: page }) => {
  await openEmptyVault(page);
  const clientId = await page.evaluate(async () => {
    type Result = { ok: true; value: { id: string } } | { ok: false; error: { message: string } };
    const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
    const fields = {
      legalName: 'Marisol Achterberg', preferredName: '', pronouns: '', dateOfBirth: null, code: 'MA-2501', phone: '', email: '', address: '',
      emergencyContact: { name: '', phone: '', relation: '' }, intakeDate: null, referralSource: '', status: 'active', dischargeDate: null,
      dischargeReason: '', presentingConcerns: null, tags: [], privateRemarks: '', reviewDate: null,
    };
    const created = await api.createClient!({ fields });
    if (!created.ok) throw new Error(created.error.message);
    return created.value.id;
  });
  const phq = (others: number) => ({ ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`item${i + 1}`, others])), item9: 0 });
  // 16 then 8: better by 8 (at least the reliable change of 6) and from 10-or-more to below 10.
  await recordResultsThroughApi(page, clientId, [
    { date: daysAgo(90), measureId: 'phq-9', responses: phq(2) },
    { date: daysAgo(20), measureId: 'phq-9', responses: phq(1) },
  ]);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
  await expect(page.getByRole('heading', { name: 'Caseload outcomes', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Last 12 months' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: '2 sessions held: show the clients' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Reliable change by outcome measure\. Patient Health Questionnaire \(PHQ-9\), 1 client: reliably improved 1 \(100%\), recovered 1/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'the caseload view');

  await page.getByRole('radiogroup', { name: 'Show as' }).getByText('Table', { exact: true }).click();
  const table = page.getByRole('table', { name: 'Reliable change by outcome measure' });
  await table.getByRole('button', { name: '1 recovered on Patient Health Questionnaire (PHQ-9): show the clients' }).click();
  const dialog = page.getByRole('dialog', { name: 'Patient Health Questionnaire (PHQ-9): recovered' });
  // Checked once the dialog has faded in: mid-transition its text is paler than it will be.
  await expect(dialog.getByRole('link', { name: 'MA-2501' })).toBeVisible();
  await expect(dialog).toHaveCSS('opacity', '1');
  await expectNoSeriousViolations(page, 'the clients behind a caseload number');
  await dialog.getByRole('link', { name: 'MA-2501' }).click();
  await expect(page.getByRole('heading', { name: 'Marisol Achterberg', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/clients/${clientId}$`));
});
