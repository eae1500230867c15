import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { isoToday, openEmptyVault } from './clients-ui';

/**
 * The Medications tab for a prescriber: "I prescribe" turned on in Settings shows it; medications are
 * started and changed through its forms, a refused stop keeps what was typed and says why at the
 * field, each medication's history reads as a dated timeline, and the activity log names the kind of
 * change and its date but never the medication. The client is made through
 * window.api (the call the new-client form makes), so only the medication screens go through the UI.
 */

const FIRST = 'Velmorazine';
const SECOND = 'Tranquoxil';

async function addClient(page: Page, legalName: string): Promise<string> {
  return page.evaluate(async (legalName) => {
    type Result = { ok: true; value: { id: string } } | { ok: false; error: { message: string } };
    const api = (window as unknown as { api: Record<string, (input: unknown) => Promise<Result>> }).api;
    const fields = {
      legalName, preferredName: '', pronouns: '', dateOfBirth: null, code: 'MT-0001', phone: '', email: '', address: '',
      emergencyContact: { name: '', relation: '', phone: '' }, intakeDate: null, referralSource: '', status: 'active',
      dischargeDate: null, dischargeReason: '', presentingConcerns: null, tags: [], privateRemarks: '', reviewDate: null,
    };
    const result = await api.createClient!({ fields });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.id;
  }, legalName);
}

/** The local day `days` before today, as a date input takes it. */
function daysAgo(days: number): string {
  const [year, month, day] = isoToday().split('-').map(Number);
  const date = new Date(year!, month! - 1, day! - days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** How this browser's locale shows a day, as the tab does. */
const shownDay = (page: Page, iso: string): Promise<string> =>
  page.evaluate((day) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(`${day}T00:00:00`)), iso);

const card = (page: Page, name: string): Locator => page.getByRole('article', { name });

async function startMedication(page: Page, medication: { name: string; dose: string; schedule: string; date: string; otherPrescriber?: string }): Promise<void> {
  await page.getByRole('button', { name: 'Start medication' }).click();
  const form = page.getByRole('dialog', { name: 'Start medication' });
  await form.getByLabel('Medication name').fill(medication.name);
  await form.getByLabel('Strength and dose').fill(medication.dose);
  await form.getByLabel('Form and route').fill('tablet, by mouth');
  await form.getByLabel('Schedule').fill(medication.schedule);
  await form.getByLabel('Doses a day').fill('1');
  if (medication.otherPrescriber) {
    await form.getByRole('radio', { name: 'Another prescriber' }).check();
    await form.getByLabel("Prescriber's name").fill(medication.otherPrescriber);
  }
  await form.getByLabel('Start date').fill(medication.date);
  await form.getByRole('button', { name: 'Start medication' }).click();
  await expect(form).toBeHidden();
  await expect(card(page, medication.name)).toBeVisible();
}

test('a prescriber starts two medications, changes a dose, and a stop dated before the start is refused at its field without losing what was typed', async ({ app: page }) => {
  await openEmptyVault(page);
  const clientId = await addClient(page, 'Marisol Quintero');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const prescribes = page.getByRole('switch', { name: 'I prescribe' });
  await expect(prescribes).not.toBeChecked();
  await prescribes.check();
  await expect(page.getByText('Medication management on')).toBeVisible();

  await page.evaluate((hash) => (window.location.hash = hash), `#/clients/${clientId}`);
  await expect(page.getByRole('heading', { name: 'Marisol Quintero', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Medications' }).click();
  await expect(page.getByText('No allergies recorded.')).toBeVisible();
  await expect(page.getByText('No medications recorded')).toBeVisible();

  const firstStart = daysAgo(40);
  const secondStart = daysAgo(20);
  await startMedication(page, { name: FIRST, dose: '10 mg, one tablet', schedule: 'every morning', date: firstStart });
  await startMedication(page, { name: SECOND, dose: '25 mg', schedule: 'at night', date: secondStart, otherPrescriber: 'Dr. Ines Falk' });
  await expect(card(page, SECOND)).toContainText('Prescribed by Dr. Ines Falk');

  await card(page, FIRST).getByRole('button', { name: `Change dose of ${FIRST}` }).click();
  const doseForm = page.getByRole('dialog', { name: `Change dose: ${FIRST}` });
  await expect(doseForm.getByLabel('Schedule')).toHaveValue('every morning');
  await doseForm.getByLabel('Strength and dose').fill('20 mg, two tablets');
  await doseForm.getByLabel('Reason').fill('Little change in mood after four weeks');
  await doseForm.getByRole('button', { name: 'Save dose change' }).click();
  await expect(doseForm).toBeHidden();
  await expect(card(page, FIRST)).toContainText('20 mg, two tablets · tablet, by mouth · every morning');

  // A stop dated before the start: the message sits under the date, and the reason typed stays.
  await card(page, SECOND).getByRole('button', { name: `Stop ${SECOND}` }).click();
  const stopForm = page.getByRole('dialog', { name: `Stop: ${SECOND}` });
  await stopForm.getByLabel('Stop date').fill(daysAgo(25));
  await stopForm.getByLabel('Reason').fill('Felt dizzy on standing');
  await stopForm.getByRole('button', { name: 'Stop medication' }).click();
  await expect(stopForm.getByLabel('Stop date')).toHaveAccessibleDescription(/cannot be stopped before it was started/);
  await expect(stopForm.getByLabel('Stop date')).toHaveAttribute('aria-invalid', 'true');
  await expect(stopForm.getByLabel('Reason')).toHaveValue('Felt dizzy on standing');
  await expect(stopForm.getByLabel('Stop date')).toHaveValue(daysAgo(25));
  await stopForm.getByLabel('Stop date').fill(daysAgo(2));
  await stopForm.getByRole('button', { name: 'Stop medication' }).click();
  await expect(stopForm).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Stopped medications' })).toBeVisible();
  await expect(card(page, SECOND)).toContainText(`Stopped on ${await shownDay(page, daysAgo(2))}: Felt dizzy on standing`);
  await expect(card(page, SECOND).getByRole('button', { name: `Restart ${SECOND}` })).toBeVisible();

  // The first medication's history, oldest first, nothing overwritten.
  const history = page.getByRole('list', { name: `History of ${FIRST}` }).getByRole('listitem');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText(`Started, ${await shownDay(page, firstStart)}`);
  await expect(history.nth(0)).toContainText('10 mg, one tablet');
  await expect(history.nth(1)).toContainText(`Dose changed, ${await shownDay(page, isoToday())}`);
  await expect(history.nth(1)).toContainText('Reason: Little change in mood after four weeks');

  await expectNoSeriousViolations(page, 'the Medications tab');

  // The Activity tab says what kind of change was made and when, never to which medication.
  await page.getByRole('tab', { name: 'Activity' }).click();
  const log = page.getByRole('table', { name: 'Client activity' });
  await expect(log.getByRole('row').nth(1)).toContainText(`Medication · Stopped · dated ${await shownDay(page, daysAgo(2))}`);
  await expect(log).toContainText('Dose changed');
  await expect(log).not.toContainText(FIRST);
  await expect(log).not.toContainText('20 mg');

  // "I prescribe" off hides the tab and keeps the list: on again, it is all there.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await prescribes.uncheck();
  await expect(prescribes).not.toBeChecked();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Marisol Quintero', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Medications' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await prescribes.check();
  await page.goBack();
  await page.getByRole('tab', { name: 'Medications' }).click();
  await expect(card(page, FIRST)).toContainText('20 mg, two tablets');
});
