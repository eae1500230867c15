import { expect, type Locator, type Page } from '@playwright/test';

/** Steps of the session and note screens, found by role and label as a screen reader user would. */

/** The rich-text box of a note section, named by the section's heading. */
export const sectionEditor = (page: Page, label: string): Locator => page.getByRole('textbox', { name: label, exact: true });

/** A section's own toolbar button ("Bullet list", "Task list"), inside that section. */
export const sectionButton = (page: Page, label: string, button: string): Locator =>
  page.getByRole('region', { name: label, exact: true }).getByRole('button', { name: button, exact: true });

export const saveStatus = (page: Page): Locator => page.getByRole('status').filter({ hasText: /Saved|Saving|Unsaved|Not saved/ });

/** Sets the name and credentials notes are signed with (Settings has its own tests). */
export async function setSigner(page: Page, practitionerName: string, credentials: string): Promise<void> {
  await page.evaluate(
    async (settings) => {
      const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<{ ok: boolean }>> }).api;
      const result = await api.updateSettings!(settings);
      if (!result.ok) throw new Error('updateSettings failed');
    },
    { practitionerName, credentials },
  );
}

/** From a client page: the Sessions tab, "New session", defaults kept; ends in the new draft note. */
export async function startSessionThroughUi(page: Page, date?: string): Promise<void> {
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await page.getByRole('button', { name: 'New session' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New session' });
  if (date) await dialog.getByLabel('Date').fill(date);
  await dialog.getByRole('button', { name: 'Start note' }).click();
  await expect(page.getByRole('heading', { name: /^Session note, / , level: 1 })).toBeVisible();
}
