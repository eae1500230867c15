import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { isoToday, openEmptyVault } from './clients-ui';

/**
 * The Dashboard's "Today and this week": an appointment booked for today is listed under Today, its
 * note starts from there with the booking's date, time and length filled in, and it then shows as
 * held. The appointments export to an .ics file with the client's code and not their name.
 * The client and the appointment are set up through the API; what is tested goes through the screen.
 */

const CLIENT = { legalName: 'Isadora Pemberton-Achebe', code: 'IP-2507' };

/** Creates the client and books today's appointment at 08:15 for 45 minutes, by video. */
async function clientWithAppointmentToday(page: Page, today: string): Promise<void> {
  await page.evaluate(
    async ({ client, today }) => {
      type Result = { ok: true; value: Record<string, unknown> } | { ok: false; error: { message: string } };
      const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
      const unwrap = (result: Result) => {
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      };
      const fields = {
        legalName: client.legalName, preferredName: '', pronouns: '', dateOfBirth: null, code: client.code, phone: '', email: '', address: '',
        emergencyContact: { name: '', phone: '', relation: '' }, intakeDate: null, referralSource: '', status: 'active', dischargeDate: null,
        dischargeReason: '', presentingConcerns: null, tags: [], privateRemarks: '', reviewDate: null,
      };
      const created = unwrap(await api.createClient!({ fields })) as { id: string };
      unwrap(await api.addAppointments!({ clientId: created.id, date: today, startTime: '08:15', durationMinutes: 45, place: 'video' }));
    },
    { client: CLIENT, today },
  );
}

async function openDashboard(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
}

test('today’s appointment starts its note from the Dashboard, filled in, and then shows as held; the calendar export names the code only', async ({ app: page, harness, projectName }) => {
  await openEmptyVault(page);
  const today = isoToday();
  await clientWithAppointmentToday(page, today);
  await openDashboard(page);

  const todayList = page.getByRole('region', { name: 'Today and this week' }).getByRole('list', { name: 'Appointments today' });
  const row = todayList.getByRole('listitem');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('08:15–09:00');
  await expect(row).toContainText('45 min · Video');
  await expect(row).toContainText(CLIENT.code);
  await expect(row).toContainText(CLIENT.legalName);

  await row.getByRole('button', { name: /^Start note/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New session' });
  await expect(dialog.getByLabel('Date')).toHaveValue(today);
  await expect(dialog.getByLabel('Start time')).toHaveValue('08:15');
  await expect(dialog.getByLabel('Length (minutes)')).toHaveValue('45');
  await expect(dialog.getByRole('combobox', { name: 'Modality' })).toHaveValue('Video');
  await dialog.getByRole('button', { name: 'Start note' }).click();

  // The draft note of that session: its heading has the day, its details the time, length and place.
  const shownDay = await page.evaluate((iso) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(`${iso}T00:00:00`)), today);
  await expect(page.getByRole('heading', { name: `Session note, ${shownDay}`, level: 1 })).toBeVisible();
  await expect(page.getByText(/^08:15 · 45 min · Intake · Video · /)).toBeVisible();

  await openDashboard(page);
  await expect(row.getByText('Held', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: /^Start note/ })).toHaveCount(0);

  if (projectName === 'electron') return; // Electron shows a real OS save dialog, which a test cannot answer.
  await page.getByRole('button', { name: 'Export to calendar…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export appointments to a calendar' });
  await expect(exportDialog.getByRole('radio', { name: 'Client codes only (recommended)' })).toBeChecked();
  await expect(exportDialog).toContainText('This file is not encrypted');
  const file = path.join(harness.dialogDir, 'appointments.ics');
  await harness.setDialogAnswer('save', file);
  await exportDialog.getByRole('button', { name: 'Export…' }).click();
  await expect(exportDialog).toContainText('Calendar file saved');
  await expect(exportDialog).toContainText(file);
  const calendar = await fs.readFile(file, 'utf8');
  expect(calendar).toContain('BEGIN:VCALENDAR');
  expect(calendar).toContain(`SUMMARY:Session: ${CLIENT.code}`);
  expect(calendar.replace(/\r\n[ \t]/g, '')).not.toContain('Pemberton');
  await exportDialog.getByRole('button', { name: 'Done' }).click();
  await expect(exportDialog).toBeHidden();
});
