import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addClientThroughUi, isoToday, openEmptyVault } from './clients-ui';

/**
 * PDF progress summaries from a client page: the export dialog's defaults and choices, the live preview
 * of page one, saving to the path the (test host's) save dialog answers, "Show in folder", an end date
 * before the start, and a cancelled save that writes nothing. The record is seeded through window.api
 * (the note and measure screens have their own specs); every name and text here is made up.
 */

test.beforeEach(({ projectName }) => {
  test.skip(projectName === 'electron', 'Electron shows real OS save dialogs, which a test cannot answer');
});

const daysAgo = (days: number): string => {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

const clientIdFromUrl = (page: Page): string => {
  const match = /#\/clients\/([^/?]+)$/.exec(page.url());
  if (!match?.[1]) throw new Error(`Not on a client page: ${page.url()}`);
  return match[1];
};

/**
 * Two signed sessions with a plan and an alliance score each, one with a private process note, a PHQ-9
 * on its own, and one unsigned draft; the signer's name is set so the notes can be signed.
 */
async function seedRecord(page: Page, clientId: string, dates: readonly string[]): Promise<void> {
  await page.evaluate(
    async ({ clientId, dates }) => {
      type Result = { ok: true; value: Record<string, unknown> } | { ok: false; error: { message: string } };
      const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
      const unwrap = (result: Result) => {
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      };
      const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
      unwrap(await api.updateSettings!({ practitionerName: 'Dr. Perrin Vale', credentials: 'PsyD' }));
      for (const [index, date] of dates.entries()) {
        const session = { date, startTime: '10:00', durationMinutes: 50, modality: 'in_person', type: 'individual', attendance: 'attended', serviceCode: '' };
        const created = unwrap(await api.createSession!({ clientId, session, templateId: 'alliance' })) as {
          id: string;
          revision: number;
          session: { id: string };
          content: { sections: Record<string, unknown> } & Record<string, unknown>;
        };
        const content = { ...created.content, sections: { ...created.content.sections, plan: doc(`Practise the breathing exercise, week ${index + 1}.`) } };
        const processNote = index === 0 ? doc('Private reflection: I felt rushed today.') : null;
        const saved = unwrap(await api.saveNoteDraft!({ noteId: created.id, baseRevision: created.revision, content, processNote })) as { revision: number };
        const isDraft = index === dates.length - 1;
        unwrap(
          await api.recordMeasure!({ clientId, sessionId: created.session.id, measureId: 'sac-client', takenOn: date, responses: { goals: 8, tasks: 7 + index, bond: 9 } }),
        );
        if (!isDraft) unwrap(await api.signNote!({ noteId: created.id, baseRevision: saved.revision }));
      }
      const phq = Object.fromEntries(Array.from({ length: 9 }, (_, item) => [`item${item + 1}`, 1]));
      unwrap(await api.recordMeasure!({ clientId, sessionId: null, measureId: 'phq-9', takenOn: dates[0], responses: phq }));
    },
    { clientId, dates },
  );
}

const exportDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Export progress summary' });
const previewCanvas = (dialog: Locator): Locator => dialog.getByRole('img', { name: 'Preview of page 1' });

async function openExportDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Export progress summary…' }).click();
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Waits for the latest preview to be drawn; returns a fingerprint of its pixels and how many are dark. */
async function drawnPreview(dialog: Locator): Promise<{ fingerprint: number; dark: number; width: number }> {
  const canvas = previewCanvas(dialog);
  await expect(canvas).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  return canvas.evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('The preview canvas has no 2D context.');
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    let fingerprint = 0;
    for (let index = 0; index < pixels.length; index += 4) {
      const shade = pixels[index]! + pixels[index + 1]! + pixels[index + 2]!;
      if (shade < 384) dark += 1;
      fingerprint = (fingerprint * 31 + shade) >>> 0;
    }
    return { fingerprint, dark, width: canvas.width };
  });
}

const pdfFilesIn = async (dir: string): Promise<string[]> => (await fs.readdir(dir)).filter((name) => name.toLowerCase().endsWith('.pdf'));

test('choose the parts, see page one drawn, save the PDF where the dialog says, and show it in its folder', async ({ app: page, harness }) => {
  test.setTimeout(120_000);
  // pdf.js must run in its own worker under the app's CSP: no blocked worker, no fallback, no eval.
  const policyTrouble: string[] = [];
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('console', (message) => {
    if (/Content Security Policy|fake worker|worker has been disabled|unsafe-eval/i.test(message.text())) policyTrouble.push(message.text());
  });
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Ottoline Brackenridge' });
  const clientId = clientIdFromUrl(page);
  const dates = [28, 14, 7].map(daysAgo);
  await seedRecord(page, clientId, dates);

  const dialog = await openExportDialog(page);
  // Defaults: the record from its first session to today, by code only, the plan, both charts and attendance.
  await expect(dialog.getByLabel('From')).toHaveValue(dates[0]!);
  await expect(dialog.getByLabel('To')).toHaveValue(isoToday());
  await expect(dialog.getByRole('radio', { name: 'Client code only' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Name and details' })).not.toBeChecked();
  for (const ticked of ['Treatment goals with status and progress', 'Alliance chart', 'Outcome chart', 'Attendance summary']) {
    await expect(dialog.getByRole('checkbox', { name: ticked })).toBeChecked();
  }
  for (const unticked of ['Diagnoses', 'Measures table', 'Session list', 'Note excerpts']) {
    await expect(dialog.getByRole('checkbox', { name: unticked })).not.toBeChecked();
  }
  // Nothing that quotes notes is offered until note excerpts are asked for.
  await expect(dialog.getByRole('checkbox', { name: 'Include private process notes' })).toHaveCount(0);

  // Page one is drawn, with ink on it, and the page count is shown.
  const first = await drawnPreview(dialog);
  expect(first.width).toBeGreaterThan(200);
  expect(first.dark).toBeGreaterThan(500);
  await expect(dialog.getByText(/^\d+ pages?$/)).toBeVisible();

  // Note excerpts: plan and goals by default, from signed notes only; process notes need their own tick.
  await dialog.getByRole('checkbox', { name: 'Measures table' }).check();
  await dialog.getByRole('checkbox', { name: 'Session list' }).check();
  await dialog.getByRole('checkbox', { name: 'Note excerpts' }).check();
  await expect(dialog.getByText('Excerpts come from signed notes only; drafts are never quoted.')).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: 'Plan', exact: true })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Goals', exact: true })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Bond', exact: true })).not.toBeChecked();
  const processNotes = dialog.getByRole('checkbox', { name: 'Include private process notes' });
  await expect(processNotes).not.toBeChecked();
  const warning = dialog.getByText('Process notes are your private working notes. They will be printed in the summary.');
  await expect(warning).toBeHidden();
  await processNotes.check();
  await expect(warning).toBeVisible();
  await processNotes.uncheck();
  await expect(warning).toBeHidden();

  // The preview follows the choices: naming the client changes page one.
  const coded = await drawnPreview(dialog);
  await dialog.getByText('Name and details', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: 'Name and details' })).toBeChecked();
  const named = await drawnPreview(dialog);
  expect(named.fingerprint).not.toBe(coded.fingerprint);
  await expect(dialog.getByText(/^\d+ pages?$/)).toBeVisible();
  expect(policyTrouble).toEqual([]);
  // One worker, from the app's own origin, serves every preview while the dialog is open.
  expect(workers).toHaveLength(1);
  expect(workers[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/assets\/pdf\.worker[^/]*\.mjs$/);

  // Export: the file goes where the save dialog answered, and the dialog closes.
  const chosen = path.join(harness.dialogDir, 'progress-summary-chosen.pdf');
  await harness.setDialogAnswer('save', chosen);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const notice = page.getByRole('alert').filter({ hasText: 'Progress summary saved' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('progress-summary-chosen.pdf');
  const bytes = await fs.readFile(chosen);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(await pdfFilesIn(harness.dialogDir)).toEqual(['progress-summary-chosen.pdf']);

  // "Show in folder" asks the OS to show exactly that file.
  await notice.getByRole('button', { name: 'Show in folder' }).click();
  await expect
    .poll(async () => {
      const response = await harness.request.get('/__harness/shown-in-folder');
      return ((await response.json()) as { value: { files: string[] } }).value.files;
    })
    .toEqual([chosen]);
});

test('an end date before the start is named at the field, and the service refuses it too', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Caspian Wetherall' });
  const clientId = clientIdFromUrl(page);
  await seedRecord(page, clientId, [daysAgo(10), daysAgo(3)]);

  const dialog = await openExportDialog(page);
  await drawnPreview(dialog);
  const to = dialog.getByLabel('To');
  await to.fill(daysAgo(20));
  await expect(to).toHaveAccessibleDescription('The end date must be on or after the start date.');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Export…' })).toBeDisabled();
  await expect(previewCanvas(dialog)).toBeHidden();
  await expect(dialog.getByText('Correct the choices marked in red to see the preview.')).toBeVisible();

  // The service applies the same rule, and says which field it is about.
  const refused = await page.evaluate(
    async ({ clientId, from, to }) => {
      type Result = { ok: boolean; error?: { code: string; fieldErrors?: Record<string, string> } };
      const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
      return api.previewProgressSummary!({ clientId, from, to, identity: 'codeOnly', sections: ['goals'], excerptSections: [], includeProcessNotes: false });
    },
    { clientId, from: daysAgo(10), to: daysAgo(20) },
  );
  expect(refused.ok).toBe(false);
  expect(refused.error?.code).toBe('VALIDATION');
  expect(refused.error?.fieldErrors?.to).toBeTruthy();

  // Correcting the date clears the message and brings the preview back.
  await to.fill(isoToday());
  await expect(dialog.getByText('The end date must be on or after the start date.')).toBeHidden();
  await expect(dialog.getByRole('button', { name: 'Export…' })).toBeEnabled();
  await drawnPreview(dialog);
});

test('a cancelled save writes nothing and keeps the dialog open; a failed one says why; Ctrl+Enter exports', async ({ app: page, harness }) => {
  test.setTimeout(90_000);
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Rosalind Featherstonehaugh' });
  const clientId = clientIdFromUrl(page);
  await seedRecord(page, clientId, [daysAgo(9), daysAgo(2)]);

  const dialog = await openExportDialog(page);
  await drawnPreview(dialog);

  // Cancel in the save dialog: nothing written, no message, the dialog still open with the same choices.
  await harness.setDialogAnswer('save', null);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByRole('button', { name: 'Export…' })).toBeEnabled();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText('Progress summary saved')).toHaveCount(0);
  expect(await fs.readdir(harness.dialogDir)).toEqual([]);

  // A folder that does not exist: the reason is shown in the dialog, which stays open.
  await harness.setDialogAnswer('save', path.join(harness.dialogDir, 'no-such-folder', 'summary.pdf'));
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'The summary was not exported' })).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toBeVisible();
  expect(await fs.readdir(harness.dialogDir)).toEqual([]);

  // Ctrl+Enter from anywhere in the dialog exports, to the name the app suggests.
  await dialog.getByRole('checkbox', { name: 'Diagnoses' }).check();
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Progress summary saved' })).toBeVisible();
  const files = await pdfFilesIn(harness.dialogDir);
  expect(files).toHaveLength(1);
  const bytes = await fs.readFile(path.join(harness.dialogDir, files[0]!));
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The suggested name carries no client name.
  expect(files[0]).not.toMatch(/Rosalind|Featherstonehaugh/i);
});
