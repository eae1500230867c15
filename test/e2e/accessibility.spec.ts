import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openEmptyVault } from './clients-ui';
import { sectionEditor } from './notes-ui';
import { FIRST_PASSPHRASE } from './vault-helpers';
import { expectNoSeriousViolations } from './axe';

/**
 * Every main screen read the way assistive technology reads it: axe-core finds no serious or critical
 * violation on unlock, the client list, each client tab, a draft and a signed note, the dashboard,
 * search, settings and backups, nor in a dialog or a notification. One vault; the record is seeded
 * through window.api (the calls the screens make), so only what is checked goes through the UI.
 */

const CLIENT = { legalName: 'Ilse Marchetti', code: 'IM-2207' };
const GOAL = 'Walk to the corner shop alone';

/** A client with a goal, a signed note and a draft on the same day, and an alliance result for each. */
async function seedRecord(page: Page): Promise<void> {
  await page.evaluate(
    async ({ client, goal }) => {
      type Result = { ok: true; value: Record<string, unknown> } | { ok: false; error: { message: string } };
      const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
      const unwrap = (result: Result) => {
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      };
      const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
      unwrap(await api.updateSettings!({ practitionerName: 'Dr. Tamsin Vey', credentials: 'PsyD' }));
      const fields = {
        legalName: client.legalName, preferredName: '', pronouns: '', dateOfBirth: null, code: client.code, phone: '', email: '', address: '',
        emergencyContact: { name: '', phone: '', relation: '' }, intakeDate: null, referralSource: '', status: 'active', dischargeDate: null,
        dischargeReason: '', presentingConcerns: null, tags: [], privateRemarks: '', reviewDate: null,
      };
      const created = unwrap(await api.createClient!({ fields })) as { id: string };
      unwrap(await api.addGoal!({ clientId: created.id, dateSet: '2025-11-30', text: goal, objective: '', targetDate: null }));
      for (const [index, startTime] of ['10:00', '15:00'].entries()) {
        const session = { date: '2025-12-07', startTime, durationMinutes: 50, modality: 'in_person', type: 'individual', attendance: 'attended', serviceCode: '' };
        const note = unwrap(await api.createSession!({ clientId: created.id, session, templateId: 'alliance' })) as {
          id: string;
          revision: number;
          session: { id: string };
          content: { sections: Record<string, unknown> } & Record<string, unknown>;
        };
        const content = { ...note.content, sections: { ...note.content.sections, bond: doc('Warm and open today.'), plan: doc('Practise the walk twice.') } };
        const saved = unwrap(await api.saveNoteDraft!({ noteId: note.id, baseRevision: note.revision, content, processNote: null })) as { revision: number };
        unwrap(await api.recordMeasure!({ clientId: created.id, sessionId: note.session.id, measureId: 'sac-client', takenOn: '2025-12-07', responses: { goals: 8, tasks: 7, bond: 9 - index } }));
        if (index === 0) unwrap(await api.signNote!({ noteId: note.id, baseRevision: saved.revision }));
      }
    },
    { client: CLIENT, goal: GOAL },
  );
}

const mainNav = (page: Page): Locator => page.getByRole('navigation', { name: 'Main' });

async function openFromNav(page: Page, label: string, heading: string | RegExp): Promise<void> {
  await mainNav(page).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

/** How this browser's locale shows a day, as the app's screens do. */
const shownDay = (page: Page, iso: string): Promise<string> =>
  page.evaluate((day) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(`${day}T00:00:00`)), iso);

/** The element that has focus, described by its role and name-giving attributes, for messages. */
const focusedToolbar = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.closest('[role="toolbar"]')?.getAttribute('aria-label') ?? null);

test('every main screen, dialog and notification passes axe, and the client and note screens work by keyboard and screen reader', async ({ app: page }) => {
  test.setTimeout(150_000);
  await openEmptyVault(page);
  await seedRecord(page);
  const day = await shownDay(page, '2025-12-07');

  await test.step('unlock', async () => {
    await page.getByRole('button', { name: 'Lock vault' }).click();
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
    await expectNoSeriousViolations(page, 'the unlock screen');
    await page.getByLabel('Passphrase').fill(FIRST_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  });

  await test.step('client list', async () => {
    await expect(page.getByRole('listbox', { name: 'Clients' }).getByRole('option', { name: new RegExp(CLIENT.legalName) })).toBeVisible();
    await expectNoSeriousViolations(page, 'the client list');
  });

  await test.step('client page: focus on its heading, and each tab', async () => {
    await page.getByRole('listbox', { name: 'Clients' }).getByRole('option', { name: new RegExp(CLIENT.legalName) }).click();
    // A screen reader hears the client's name first, and Tab starts from the top of the record.
    await expect(page.getByRole('heading', { name: CLIENT.legalName, level: 1 })).toBeFocused();
    for (const tab of ['Overview', 'Treatment plan', 'Sessions', 'Follow-up', 'Measures', 'Activity']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
      await expect(page.getByRole('tabpanel', { name: tab }).getByLabel(/^Loading/)).toHaveCount(0);
      await expectNoSeriousViolations(page, `the client's ${tab} tab`);
    }
  });

  await test.step('sessions table: each note link says which session it opens', async () => {
    await page.getByRole('tab', { name: 'Sessions' }).click();
    const links = page.getByRole('table', { name: 'Sessions' }).getByRole('link');
    // Two sessions on one day: read as a list of links, "7 Dec 2025" twice would not say which is which.
    await expect(links).toHaveCount(2);
    expect(await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('aria-label')))).toEqual([
      `Note of ${day}, 15:00`,
      `Note of ${day}, 10:00`,
    ]);
  });

  await test.step('a dialog: named close button, attendance as a named radio group', async () => {
    await page.getByRole('button', { name: 'New session' }).click();
    const dialog = page.getByRole('dialog', { name: 'New session' });
    await expect(dialog).toBeVisible();
    const attendance = dialog.getByRole('radiogroup', { name: 'Attendance' });
    await expect(attendance.getByRole('radio')).toHaveCount(3);
    await expect(attendance.getByRole('radio', { name: 'Attended' })).toBeChecked();
    await expectNoSeriousViolations(page, 'the New session dialog');
    // The theme names every modal's close button (renderer/src/theme.ts), not only this one's.
    await dialog.getByRole('button', { name: 'Close dialog' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('draft note: focus on its heading, a focus ring, toolbars of one Tab stop', async () => {
    await page.getByRole('link', { name: `Note of ${day}, 15:00` }).click();
    await expect(page.getByRole('heading', { name: /^Session note, /, level: 1 })).toBeFocused();
    await expectNoSeriousViolations(page, 'a draft note');

    // Tab from one section's text to the next section: its toolbar is a single stop, then its text.
    await sectionEditor(page, 'Risk').click();
    await page.keyboard.press('Tab');
    expect(await focusedToolbar(page)).toBe('Formatting, Plan');
    await expect(page.getByRole('toolbar', { name: 'Formatting, Plan' }).getByRole('button', { name: 'Bold' })).toBeFocused();
    await page.keyboard.press('Tab');
    const plan = sectionEditor(page, 'Plan');
    await expect(plan).toBeFocused();
    // The writing area shows where the keys go.
    await expect(plan).toHaveCSS('outline-style', 'solid');
    await expect(plan).toHaveCSS('outline-width', '2px');

    // Inside the toolbar the arrow keys move, and Tab leaves from (and comes back to) the button last used.
    const toolbar = page.getByRole('toolbar', { name: 'Formatting, Plan' });
    await page.keyboard.press('Shift+Tab');
    await expect(toolbar.getByRole('button', { name: 'Bold' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(toolbar.locator('button:not([disabled])').last()).toBeFocused();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
    expect(await toolbar.locator('[tabindex="0"]').count(), 'one Tab stop in the toolbar').toBe(1);
    await page.keyboard.press('Tab');
    await expect(plan).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    expect(await focusedToolbar(page), 'Shift+Tab leaves the toolbar').toBeNull();
  });

  await test.step('signed note', async () => {
    await page.getByRole('link', { name: new RegExp(CLIENT.code) }).click();
    await expect(page.getByRole('heading', { name: CLIENT.legalName, level: 1 })).toBeFocused();
    await page.getByRole('link', { name: `Note of ${day}, 10:00` }).click();
    await expect(page.getByRole('heading', { name: /^Session note, /, level: 1 })).toBeFocused();
    await expect(page.getByText('Signed', { exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, 'a signed note');
  });

  await test.step('dashboard', async () => {
    await openFromNav(page, 'Dashboard', 'Dashboard');
    await expectNoSeriousViolations(page, 'the dashboard');
  });

  await test.step('search', async () => {
    await openFromNav(page, 'Search', 'Search');
    await page.getByLabel('Search notes and clients').fill('walk');
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'the search page with results');
  });

  await test.step('settings and a notification', async () => {
    await openFromNav(page, 'Settings', 'Settings');
    await expectNoSeriousViolations(page, 'settings');
    await page.getByRole('button', { name: 'Save auto-lock' }).click();
    const notification = page.getByRole('alert').filter({ hasText: 'Auto-lock saved' });
    // The pointer over it keeps it from closing on its own while axe reads it.
    await notification.hover();
    const close = notification.getByRole('button', { name: 'Close notification' });
    await expect(close).toBeVisible();
    await expectNoSeriousViolations(page, 'settings with a notification');
    await close.click();
    await expect(notification).toBeHidden();
  });

  await test.step('backups', async () => {
    await openFromNav(page, 'Backups', 'Backups');
    await expectNoSeriousViolations(page, 'backups');
  });
});
