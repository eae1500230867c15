import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from './fixtures';
import { openEmptyVault } from './clients-ui';
import { saveStatus } from './notes-ui';

/**
 * A prescriber's medication visit from end to end: the Medication management note reviews the client's
 * two medications (missed doses, a severe side effect), decides a dose change, is refused once with the
 * message at its field, and is signed. Then the change is on the Medications tab's history, marked on
 * the alliance chart, the severe side effect is an alert on the Dashboard, and the PDF summary (read
 * with pdftotext) holds the medication and the change.
 * The setup (prescriber setting, client, medications, earlier alliance results) goes through the API;
 * the visit and everything it changes through the UI. The Medications tab's own forms have their spec.
 */
test('a medication visit: review, shared decision, signing; the list, the chart, the alert and the PDF follow', async ({ app: page, harness, projectName }) => {
  test.setTimeout(150_000);
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
    unwrap(await api.startMedication!({ clientId: client.id, name: 'Quetiapine', date: '2025-02-03', reason: '', regimen: { ...regimen, dose: '25 mg', schedule: 'at night', indication: 'sleep' } }));
    // Earlier alliance results, so the alliance chart is drawn and can carry the change's mark.
    for (const takenOn of ['2025-03-03', '2025-04-07']) {
      unwrap(await api.recordMeasure!({ clientId: client.id, sessionId: null, measureId: 'sac-client', takenOn, responses: { goals: 8, tasks: 8, bond: 9 } }));
    }
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

  // Voiding this note would not undo the change on the list, and its dialog says so.
  await page.getByRole('button', { name: 'Void note…' }).click();
  const voidDialog = page.getByRole('dialog', { name: /^Void the note of / });
  await expect(voidDialog).toContainText('This note changed the medication list (one change). Voiding it leaves the list as it is');
  await voidDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(voidDialog).toBeHidden();

  // The list: Sertraline is at 100 mg now, its history keeps the start and adds the visit's change.
  await page.getByRole('link', { name: 'TW-3101 · Teodor Wilcox-Amani' }).click();
  await page.getByRole('tab', { name: 'Medications' }).click();
  const history = page.getByRole('list', { name: 'History of Sertraline' });
  await expect(history).toContainText('Started');
  await expect(history).toContainText('Dose changed');
  await expect(history).toContainText('Partial response after eight weeks');
  await expect(history).toContainText('Decided in the session on');

  // The alliance chart marks the change, with the change in words.
  await page.getByRole('tab', { name: 'Measures' }).click();
  const alliance = page.getByRole('group', { name: /^Alliance, / });
  await expect(alliance.getByRole('img', { name: /^Medication change, .*: Sertraline: dose changed 50 mg → 100 mg \(Partial response after eight weeks\)$/ })).toBeAttached();

  // The severe side effect is an alert on the Dashboard, explained in words.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByText(/Sertraline: severe side effect \(dizziness\) reported at the session on/)).toBeVisible();

  if (projectName === 'electron') return; // Electron shows a real OS save dialog, which a test cannot answer.
  await page.goBack();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Export progress summary…' }).click();
  const summary = page.getByRole('dialog', { name: 'Export progress summary' });
  await expect(summary.getByRole('checkbox', { name: /^Medications/ })).toBeChecked();
  const file = path.join(harness.dialogDir, 'medication-summary.pdf');
  await harness.setDialogAnswer('save', file);
  await summary.getByRole('button', { name: 'Export…' }).click();
  await expect(summary).toBeHidden({ timeout: 30_000 });
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Sertraline');
  expect(text).toContain('100 mg');
  expect(text).toContain('Partial response after eight weeks');
});
