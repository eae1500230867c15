import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openEmptyVault } from './clients-ui';

/**
 * Engagement on the client page: two no-shows recorded in the UI (one from "Record missed session",
 * one from the new-session dialog's default path for a no-show) leave no draft waiting for a signature,
 * raise the engagement flag with both its reasons (the run of missed sessions, and overdue against the
 * weekly frequency agreed through the API), one a line; the flag is acknowledged with a note; a phone
 * call logged in the UI sits on the timeline between the two sessions it fell between.
 */

/** A calendar day `days` before today on this machine's clock, as `YYYY-MM-DD`. */
function isoDaysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A client seen 30 and 20 days ago (both notes signed), with weekly sessions agreed 60 days ago. */
async function seedClient(page: Page): Promise<string> {
  return page.evaluate(
    async ({ agreedOn, sessionDates }) => {
      type Result = { ok: true; value: Record<string, unknown> } | { ok: false; error: { message: string } };
      const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
      const unwrap = (result: Result) => {
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      };
      const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
      unwrap(await api.updateSettings!({ practitionerName: 'Dr. Ines Calloway', credentials: 'LCSW' }));
      const fields = {
        legalName: 'Bastian Oyelaran-Frost', preferredName: '', pronouns: '', dateOfBirth: null, code: 'BO-2501', phone: '', email: '', address: '',
        emergencyContact: { name: '', phone: '', relation: '' }, intakeDate: null, referralSource: '', status: 'active', dischargeDate: null,
        dischargeReason: '', presentingConcerns: null, tags: [], privateRemarks: '', reviewDate: null,
      };
      const client = unwrap(await api.createClient!({ fields })) as { id: string };
      unwrap(await api.setFollowUpPlan!({ clientId: client.id, frequency: 'weekly', everyDays: null, agreedOn }));
      for (const date of sessionDates) {
        const session = { date, startTime: '09:00', durationMinutes: 50, modality: 'in_person', type: 'individual', attendance: 'attended', serviceCode: '' };
        const note = unwrap(await api.createSession!({ clientId: client.id, session, templateId: 'alliance' })) as { id: string; revision: number; content: { sections: Record<string, unknown> } & Record<string, unknown> };
        const content = { ...note.content, sections: { ...note.content.sections, bond: doc('Settled in quickly.') } };
        const saved = unwrap(await api.saveNoteDraft!({ noteId: note.id, baseRevision: note.revision, content, processNote: null })) as { revision: number };
        unwrap(await api.signNote!({ noteId: note.id, baseRevision: saved.revision }));
      }
      return client.id;
    },
    { agreedOn: isoDaysAgo(60), sessionDates: [isoDaysAgo(30), isoDaysAgo(20)] },
  );
}

test('two no-shows need no note and raise the engagement flag with both reasons; a phone call sits between the sessions', async ({ app: page }) => {
  test.setTimeout(120_000);
  await openEmptyVault(page);
  const clientId = await seedClient(page);
  await page.evaluate((id) => {
    window.location.hash = `#/clients/${id}`;
  }, clientId);
  await page.getByRole('tab', { name: 'Sessions' }).click();
  const timeline = page.getByRole('table', { name: 'Sessions' });

  // A no-show recorded on its own, with a remark.
  await page.getByRole('button', { name: 'Record missed session' }).click();
  const missed = page.getByRole('dialog', { name: 'Record missed session' });
  await missed.getByLabel('Date').fill(isoDaysAgo(13));
  await missed.getByLabel('Remark').fill('Texted to say the bus did not come.');
  await expect(missed.getByText('35 / 300 characters')).toBeVisible();
  await missed.getByRole('button', { name: 'Record missed session' }).click();
  await expect(missed).toBeHidden();

  // A no-show entered as a new session: recorded as missed by default, with no note opened.
  await page.getByRole('button', { name: 'New session' }).click();
  const session = page.getByRole('dialog', { name: 'New session' });
  await session.getByLabel('Date').fill(isoDaysAgo(6));
  await session.getByRole('radiogroup', { name: 'Attendance' }).getByText('No-show', { exact: true }).click();
  await expect(session.getByText('A missed session needs no note')).toBeVisible();
  await session.getByRole('button', { name: 'Record missed session' }).click();
  await expect(session).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/clients/${clientId}$`));
  await expect(timeline.getByRole('row', { name: /^No-show, / })).toHaveCount(2);

  // A phone call between the two sessions.
  await page.getByRole('button', { name: 'Log contact' }).click();
  const contact = page.getByRole('dialog', { name: 'Log contact' });
  await contact.getByLabel('Date').fill(isoDaysAgo(25));
  await contact.getByLabel('Time').fill('16:15');
  await contact.getByLabel('Note').fill('Checked in after a hard week; coming next time.');
  await contact.getByRole('button', { name: 'Log contact' }).click();
  await expect(contact).toBeHidden();
  const rows = timeline.locator('tbody tr');
  await expect(rows).toHaveCount(5);
  const labels = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('aria-label') ?? tr.querySelector('a')?.getAttribute('aria-label') ?? ''));
  expect(labels.map((label) => label.replace(/,.*$/, '').replace(/ of .*$/, ''))).toEqual(['No-show', 'No-show', 'Note', 'Phone call to client', 'Note']);

  // Nothing waits for a signature.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('region', { name: 'Needs signing' }).getByText('All notes are signed')).toBeVisible();
  await page.goBack();

  // The flag, with both reasons, each on its own line, acknowledged with a note.
  await page.getByRole('tab', { name: 'Follow-up' }).click();
  const flag = page.getByRole('list', { name: 'Alerts' }).getByRole('listitem');
  await expect(flag).toHaveCount(1);
  const reason = flag.getByText(/missed sessions in a row/);
  await expect(reason).toContainText('2 missed sessions in a row');
  await expect(reason).toContainText('Overdue since');
  await expect(reason).toHaveCSS('white-space', 'pre-line');
  await flag.getByRole('button', { name: 'Acknowledge…' }).click();
  await flag.getByLabel('What you did or decided').fill('Phoned; agreed to meet next week.');
  await flag.getByRole('button', { name: 'Acknowledge', exact: true }).click();
  await expect(flag.getByText(/^Acknowledged /)).toContainText('Phoned; agreed to meet next week.');
});

test('a repair worked on is stored on the note only while ticked: unticking removes it, never stores false', async ({ app: page }) => {
  await openEmptyVault(page);
  const { clientId, noteId } = await page.evaluate(async (date) => {
    type Result = { ok: true; value: Record<string, unknown> } | { ok: false; error: { message: string } };
    const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
    const unwrap = (result: Result) => {
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const fields = {
      legalName: 'Rosalind Achterberg', preferredName: '', pronouns: '', dateOfBirth: null, code: 'RA-2502', phone: '', email: '', address: '',
      emergencyContact: { name: '', phone: '', relation: '' }, intakeDate: null, referralSource: '', status: 'active', dischargeDate: null,
      dischargeReason: '', presentingConcerns: null, tags: [], privateRemarks: '', reviewDate: null,
    };
    const client = unwrap(await api.createClient!({ fields })) as { id: string };
    const session = { date, startTime: '11:00', durationMinutes: 50, modality: 'in_person', type: 'individual', attendance: 'attended', serviceCode: '' };
    const note = unwrap(await api.createSession!({ clientId: client.id, session, templateId: 'alliance' })) as { id: string };
    return { clientId: client.id, noteId: note.id };
  }, isoDaysAgo(1));
  const storedRupture = () =>
    page.evaluate(async (id) => {
      const api = (window as unknown as { api: Record<string, (input: unknown) => Promise<{ ok: boolean; value?: { content: { rupture: Record<string, unknown> } } }>> }).api;
      const result = await api.getNote!({ noteId: id });
      return result.value?.content.rupture ?? null;
    }, noteId);

  await page.evaluate(({ clientId, noteId }) => {
    window.location.hash = `#/clients/${clientId}/notes/${noteId}`;
  }, { clientId, noteId });
  const repaired = page.getByRole('checkbox', { name: 'Worked on repairing a rupture in this session' });
  await repaired.check();
  await expect.poll(storedRupture).toEqual({ noted: false, description: '', repaired: true });
  await repaired.uncheck();
  await expect.poll(storedRupture).toEqual({ noted: false, description: '' });
});
