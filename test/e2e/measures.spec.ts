import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addClientThroughUi, openEmptyVault } from './clients-ui';

/**
 * Alliance measures through the UI: Session Alliance Check scores recorded in five session notes with
 * a drop at the end, the chart with its five sessions, the Dashboard naming the drop, the table view,
 * and a chart point that opens its note.
 */

const daysAgo = (days: number): string => {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

const longDay = (iso: string): string =>
  new Date(`${iso}T12:00:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** Sessions made through window.api (the Sessions tab has its own test); returns their note ids. */
async function seedSessions(page: Page, clientId: string, dates: readonly string[]): Promise<string[]> {
  return page.evaluate(
    async ({ clientId, dates }) => {
      type Result = { ok: true; value: { id: string } } | { ok: false; error: { message: string } };
      const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
      const ids: string[] = [];
      for (const date of dates) {
        const session = { date, startTime: '10:00', durationMinutes: 50, modality: 'in_person', type: 'individual', attendance: 'attended', serviceCode: '' };
        const result = await api.createSession!({ clientId, session, templateId: 'alliance' });
        if (!result.ok) throw new Error(result.error.message);
        ids.push(result.value.id);
      }
      return ids;
    },
    { clientId, dates },
  );
}

test('five sessions of alliance scores with a drop: chart, table, a point opening its note, and the Dashboard naming the drop', async ({ app: page }) => {
  test.setTimeout(120_000);
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Marguerite Okonkwo-Lindqvist' });
  const clientId = /#\/clients\/([^/?]+)$/.exec(page.url())?.[1] ?? '';
  const dates = [35, 28, 21, 14, 7].map(daysAgo);
  const noteIds = await seedSessions(page, clientId, dates);
  const scores = [
    [8, 8, 9],
    [8, 8, 9],
    [9, 8, 9],
    [8, 9, 9],
    [7, 7, 6],
  ];

  for (const [index, noteId] of noteIds.entries()) {
    await page.goto(page.url().replace(/#.*$/, `#/clients/${clientId}/notes/${noteId}`));
    const panel = page.getByRole('region', { name: 'Measures' });
    await panel.getByRole('button', { name: 'Record a measure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a measure' });
    await expect(dialog.getByLabel('Measure', { exact: true })).toHaveValue('Session Alliance Check (client)');
    const [goals, tasks, bond] = scores[index]!;
    const boxes = dialog.getByRole('textbox', { name: /: score$/ });
    await expect(boxes).toHaveCount(3);
    await boxes.nth(0).fill(String(goals));
    await boxes.nth(1).fill(String(tasks));
    await boxes.nth(2).fill(String(bond));
    await expect(dialog.getByRole('status', { name: 'Scores' })).toContainText(`Total: ${goals! + tasks! + bond!} of 30`);
    await dialog.getByRole('button', { name: 'Save result' }).click();
    await expect(dialog).toBeHidden();
    await expect(panel.getByRole('table', { name: 'Measures in this session' })).toContainText(`Total ${goals! + tasks! + bond!}`);
  }

  // A result entered by mistake can be removed again.
  const panel = page.getByRole('region', { name: 'Measures' });
  await panel.getByRole('button', { name: 'Record a measure' }).click();
  const extra = page.getByRole('dialog', { name: 'Record a measure' });
  for (const box of await extra.getByRole('textbox', { name: /: score$/ }).all()) await box.fill('5');
  await extra.getByRole('button', { name: 'Save result' }).click();
  const rows = panel.getByRole('table', { name: 'Measures in this session' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await rows.nth(1).getByRole('button', { name: 'Remove' }).click();
  await rows.nth(1).getByRole('button', { name: 'Remove' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Total 20');

  // An out-of-range answer is named before anything is saved.
  await page.getByRole('region', { name: 'Measures' }).getByRole('button', { name: 'Record a measure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a measure' });
  await dialog.getByRole('textbox', { name: /: score$/ }).first().fill('12');
  await dialog.getByRole('button', { name: 'Save result' }).click();
  await expect(dialog).toContainText(/between 0 and 10|0 to 10|at most 10/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The chart: five sessions, each a link to its note, and the bond drop among the alerts.
  await page.goto(page.url().replace(/#.*$/, `#/clients/${clientId}`));
  await page.getByRole('tab', { name: 'Measures' }).click();
  const chart = page.getByRole('group', { name: /^Alliance, Session Alliance Check/ });
  const points = chart.getByRole('link');
  await expect(points).toHaveCount(5);
  await expect(points.last()).toHaveAccessibleName(`${longDay(dates[4]!)}: Goals 7, Tasks 7, Bond 6, Total (SAC client) 20`);
  // Hovering a session shows its date and values.
  await points.nth(3).hover();
  await expect(chart).toContainText(`${longDay(dates[3]!)}Goals: 8Tasks: 9Bond: 9Total (SAC client): 26`);
  await page.mouse.move(0, 0);
  await expect(chart).not.toContainText('Goals: 8');
  await expect(page.getByRole('list', { name: 'Alerts' })).toContainText(`Bond, client-rated Session Alliance Check, fell from 9 to 6 on ${longDay(dates[4]!)}.`);

  // The table view holds the same numbers.
  await page.locator('label').filter({ hasText: /^Table$/ }).click();
  const table = page.getByRole('table', { name: /^Alliance, Session Alliance Check/ });
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table.getByRole('row').nth(1)).toContainText('7');
  await expect(table.getByRole('row').nth(1)).toContainText('20');
  await expect(table.getByRole('row').nth(5)).toContainText('25');

  // Back to the chart: clicking the third session opens that note.
  await page.locator('label').filter({ hasText: /^Chart$/ }).click();
  await chart.getByRole('link').nth(2).click();
  await expect(page).toHaveURL(new RegExp(`#/clients/${clientId}/notes/${noteIds[2]}$`));
  await expect(page.getByRole('heading', { name: /^Session note, /, level: 1 })).toBeVisible();

  // The Dashboard names the drop, by client code only.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  const caseload = page.getByRole('table', { name: 'Caseload' });
  await expect(caseload).toContainText(`Bond, client-rated Session Alliance Check, fell from 9 to 6 on ${longDay(dates[4]!)}.`);
  await expect(caseload).toContainText('20/30');
  // The Alliance column: the latest result, its measure and date, and a sparkline of that measure's totals.
  await expect(caseload).toContainText('SAC client, ');
  await expect(caseload.getByRole('img', { name: 'SAC client totals: 25, 25, 26, 26, 20' })).toBeVisible();
  await expect(page.getByText('Marguerite')).toHaveCount(0);
});
