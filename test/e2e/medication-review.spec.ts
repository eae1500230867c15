import { expect, test } from './fixtures';
import { openEmptyVault } from './clients-ui';
import { saveStatus } from './notes-ui';

/**
 * A prescriber's medication visit: the Medication management note reviews the client's medication
 * (missed doses, a severe side effect), decides a dose change, is refused once with the message at its
 * field, and the signed note shows the change applied.
 * The setup (prescriber setting, client, medication) goes through the API; the note through the UI.
 */
test('a medication review with a dose change is signed and shows the change applied', async ({ app: page }) => {
  test.setTimeout(90_000);
  await openEmptyVault(page);
  const clientId = await page.evaluate(async () => {
    type Result = { ok: true; value: Record<string, unknown> } | { ok: false; error: { message: string } };
    const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
    const unwrap = (result: Result) => {
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    unwrap(await api.updateSettings!({ practitionerName: 'Dr. Oona Pellegrini', credentials: 'PMHNP', prescriber: true }));
    const fields = {
      legalName: 'Teodor Wilcox-Amani', preferredName: '', pronouns: '', dateOfBirth: null, code: 'TW-3101', phone: '', email: '', address: '',
      emergencyContact: { name: '', phone: '', relation: '' }, intakeDate: null, referralSource: '', status: 'active', dischargeDate: null,
      dischargeReason: '', presentingConcerns: null, tags: [], privateRemarks: '', reviewDate: null,
    };
    const client = unwrap(await api.createClient!({ fields })) as { id: string };
    const regimen = { dose: '50 mg', formRoute: 'tablet, by mouth', schedule: 'every morning', asNeeded: false, dosesPerDay: 1, prescriber: 'me', prescriberName: '', indication: 'low mood' };
    unwrap(await api.startMedication!({ clientId: client.id, name: 'Sertraline', date: '2025-01-06', reason: '', regimen }));
    return client.id;
  });

  await page.evaluate((id) => {
    window.location.hash = `#/clients/${id}`;
  }, clientId);
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await page.getByRole('button', { name: 'New session' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New session' });
  await dialog.getByRole('combobox', { name: 'Note template' }).click();
  await page.getByRole('option', { name: 'Medication management' }).click();
  await dialog.getByRole('button', { name: 'Start note' }).click();

  // The review starts from the client's list: Sertraline is there without adding it.
  const sertraline = page.getByRole('group', { name: 'Sertraline' });
  await expect(sertraline.getByText('of 7 due')).toBeVisible();
  await sertraline.getByLabel('Doses missed in the last 7 days').fill('3');
  await sertraline.getByRole('radiogroup', { name: 'Dizziness (Sertraline)' }).getByText('Severe', { exact: true }).click();

  await page.getByRole('button', { name: 'Add a change' }).click();
  const change = page.getByRole('group', { name: 'Change 1' });
  await change.getByRole('combobox', { name: 'Medication' }).click();
  await page.getByRole('option', { name: 'Sertraline' }).click();
  await expect(change.getByRole('radio', { name: 'Change the dose' })).toBeChecked();
  await change.getByRole('textbox', { name: 'Reason' }).fill('Partial response after eight weeks');
  await expect(page.getByText(`dated the session’s date`)).toBeVisible();

  // Signed with the dose left as it was: the service refuses, and its message shows at the dose field.
  await page.getByRole('button', { name: 'Sign note…' }).click();
  const signDialog = page.getByRole('dialog', { name: 'Sign note' });
  await signDialog.getByRole('button', { name: 'Sign note' }).click();
  await expect(signDialog).toContainText('need attention before signing');
  await signDialog.getByRole('button', { name: 'Cancel' }).click();
  const dose = change.getByRole('textbox', { name: 'Strength and dose' });
  await expect(dose).toHaveAccessibleDescription('Enter the new dose.');

  await dose.fill('100 mg');
  await page.keyboard.press('Control+s');
  await expect(saveStatus(page)).toHaveText(/Saved/);
  await page.getByRole('button', { name: 'Sign note…' }).click();
  await signDialog.getByRole('button', { name: 'Sign note' }).click();

  const review = page.getByRole('region', { name: 'Medication review' });
  await expect(review.getByRole('list', { name: 'Review of Sertraline' })).toContainText('Doses missed in the last 7 days: 3 of 7 due');
  await expect(review.getByRole('list', { name: 'Review of Sertraline' })).toContainText('Side effects: Dizziness (severe)');
  await expect(review.getByRole('list', { name: 'Changes applied to the medication list' })).toContainText(
    'Dose changed: Sertraline, 100 mg · tablet, by mouth · every morning Reason: Partial response after eight weeks',
  );
});
