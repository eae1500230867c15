import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addClientThroughUi, isoToday, openEmptyVault } from './clients-ui';

/**
 * Full-text search through the UI: Ctrl+K from anywhere, highlighted snippets, accent-insensitive
 * matching, and the Search page's filters. The notes are written through window.api (the same calls the
 * note editor makes), so this spec is about search, not about the editor.
 */

interface SeedNote {
  bond: string;
  plan: string;
  rupture: boolean;
}

/** Records a session with the alliance template and saves its draft; returns the note's id. */
async function seedNote(page: Page, clientId: string, note: SeedNote): Promise<string> {
  return page.evaluate(
    async ({ clientId, date, note }) => {
      type Result = { ok: true; value: Record<string, unknown> } | { ok: false; error: { message: string } };
      const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
      const unwrap = (result: Result) => {
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      };
      const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
      unwrap(await api.getSettings!());
      const session = { date, startTime: '10:00', durationMinutes: 50, modality: 'in_person', type: 'individual', attendance: 'attended', serviceCode: '' };
      const created = unwrap(await api.createSession!({ clientId, session, templateId: 'alliance' })) as {
        id: string;
        revision: number;
        content: { sections: Record<string, unknown> } & Record<string, unknown>;
      };
      const content = {
        ...created.content,
        sections: { ...created.content.sections, bond: doc(note.bond), plan: doc(note.plan) },
        rupture: { noted: note.rupture, description: note.rupture ? 'Went quiet when homework came up' : '' },
      };
      unwrap(await api.saveNoteDraft!({ noteId: created.id, baseRevision: created.revision, content, processNote: null }));
      return created.id;
    },
    { clientId, date: isoToday(), note },
  );
}

const clientIdFromUrl = (page: Page): string => {
  const match = /#\/clients\/([^/?]+)$/.exec(page.url());
  if (!match?.[1]) throw new Error(`Not on a client page: ${page.url()}`);
  return match[1];
};

const searchDialog = (page: Page) => page.getByRole('dialog', { name: 'Search' });
const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option');

test('Ctrl+K finds a note by a word from its Bond section, opens it, ignores accents, and the page filters by rupture', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Amira Haddad' });
  const clientId = clientIdFromUrl(page);
  const ruptureNote = await seedNote(page, clientId, {
    bond: 'She talked about her sister Zoë; a brief marmalade moment of withdrawal, named and repaired.',
    plan: 'Keep the tangerine diary for two weeks.',
    rupture: true,
  });
  await seedNote(page, clientId, { bond: 'Warm and open today.', plan: 'Continue the tangerine diary.', rupture: false });

  // From anywhere (here, the client page), Ctrl+K opens search with the box focused.
  await page.keyboard.press('Control+k');
  const dialog = searchDialog(page);
  await expect(dialog).toBeVisible();
  const box = dialog.getByLabel('Search notes and clients');
  await expect(box).toBeFocused();
  await page.keyboard.type('marmal');
  const hit = dialog.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('Amira Haddad');
  await expect(hit).toContainText('Note');
  await expect(hit).toContainText('Draft');
  await expect(hit.locator('mark')).toHaveText(['marmalade']);
  await expect(hit).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => new URL(page.url()).hash).toBe(`#/clients/${clientId}/notes/${ruptureNote}`);

  // Accents do not matter: "zoe" finds "Zoë"; nothing found says so; Escape closes.
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await box.fill('zoe');
  await expect(hit.first().locator('mark')).toHaveText(['Zoë']);
  await box.fill('xylophone');
  await expect(dialog.getByText('No matches')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Arrow keys move the highlight; "More filters" carries the words to the Search page.
  await page.keyboard.press('Control+k');
  await box.fill('tangerine');
  await expect(hit).toHaveCount(2);
  await expect(hit.nth(0)).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowDown');
  await expect(hit.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await hit.nth(1).getAttribute('id')) ?? 'missing id');
  await dialog.getByRole('button', { name: 'More filters' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Search notes and clients')).toHaveValue('tangerine');
  await expect(results(page)).toHaveCount(2);

  // Only the note with the rupture flag is left.
  await page.getByLabel('Rupture flagged only').check();
  await expect(results(page)).toHaveCount(1);
  await expect(results(page)).toContainText('Keep the');

  // Leaving and coming back keeps what was typed and chosen.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await expect(page.getByLabel('Search notes and clients')).toHaveValue('tangerine');
  await expect(page.getByLabel('Rupture flagged only')).toBeChecked();
  await expect(results(page)).toHaveCount(1);
  await results(page).click();
  await expect.poll(() => new URL(page.url()).hash).toBe(`#/clients/${clientId}/notes/${ruptureNote}`);
});

test('finds a contact between sessions by its note, and opens the client on their timeline', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Bram Okafor' });
  const clientId = clientIdFromUrl(page);
  await page.evaluate(
    async ({ clientId, date }) => {
      type Result = { ok: true; value: unknown } | { ok: false; error: { message: string } };
      const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
      const result = await api.addContact!({ clientId, date, startTime: '09:30', kind: 'phone', direction: 'to_client', professional: '', note: 'Phoned after the missed session; the gooseberry allotment is keeping him busy.' });
      if (!result.ok) throw new Error(result.error.message);
    },
    { clientId, date: isoToday() },
  );

  await page.keyboard.press('Control+k');
  const dialog = searchDialog(page);
  await dialog.getByLabel('Search notes and clients').fill('gooseberry');
  const hit = dialog.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('Contact');
  await expect(hit).toContainText('Bram Okafor');
  await expect(hit.locator('mark')).toHaveText(['gooseberry']);
  await hit.click();
  await expect.poll(() => new URL(page.url()).hash).toBe(`#/clients/${clientId}/sessions`);
  await expect(page.getByRole('tab', { name: 'Sessions' })).toHaveAttribute('aria-selected', 'true');
});
