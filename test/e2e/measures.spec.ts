import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addClientThroughUi, openEmptyVault } from './clients-ui';
import { recordResultsThroughApi } from './measures-api';

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
  await expect(points.last()).toHaveAccessibleName(
    `${longDay(dates[4]!)}: Total, SAC client-rated: 20; Goals, SAC client-rated: 7; Tasks, SAC client-rated: 7; Bond, SAC client-rated: 6`,
  );
  // Hovering a session shows its date and values beside it, never over its points.
  await points.nth(3).hover();
  const tooltip = chart.getByTestId('chart-tooltip');
  await expect(tooltip).toContainText(`${longDay(dates[3]!)}Total, SAC client-rated: 26Goals, SAC client-rated: 8Tasks, SAC client-rated: 9Bond, SAC client-rated: 9`);
  const column = (await points.nth(3).boundingBox())!;
  const box = (await tooltip.boundingBox())!;
  expect(box.x >= column.x + column.width / 2 || box.x + box.width <= column.x + column.width / 2).toBe(true);
  await page.mouse.move(0, 0);
  await expect(chart).not.toContainText('Goals, SAC client-rated: 8');
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


/** Where each of a line's `count` markers is drawn (once the chart has drawn them), and the plot frame of its panel. */
async function markersAndPlot(chart: Locator, line: string, panel: string, count: number) {
  const marks = chart.getByRole('img', { name: line, exact: true }).locator('circle, path:not(:first-child)');
  await expect(marks, line).toHaveCount(count);
  const markers = await marks.evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }),
  );
  const plot = (await chart.locator(`rect[data-plot="${panel}"]`).boundingBox())!;
  return { markers, plot };
}

const inside = (point: { x: number; y: number }, box: { x: number; y: number; width: number; height: number }) =>
  point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y - 0.5 && point.y <= box.y + box.height + 0.5;

test('charts on their true axes: subscales in their own panel, WAI-SR inside its plot, full measure names, distinct legends naming measure and rater', async ({ app: page }) => {
  test.setTimeout(90_000);
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Ingrid Vasquez-Halloran' });
  const clientId = /#\/clients\/([^/?]+)$/.exec(page.url())?.[1] ?? '';
  const [d1, d2, d3] = [21, 14, 7].map(daysAgo);
  const items = (count: number, value: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`item${i + 1}`, value]));
  await recordResultsThroughApi(page, clientId, [
    { date: d1!, measureId: 'sac-client', responses: { goals: 9, tasks: 8, bond: 9 } },
    { date: d1!, measureId: 'phq-9', responses: items(9, 1) },
    { date: d2!, measureId: 'sac-client', responses: { goals: 6, tasks: 4, bond: 3 } },
    { date: d2!, measureId: 'wai-sr', responses: { ...items(12, 3), item3: 1, item5: 1, item7: 1, item9: 1 } },
    { date: d3!, measureId: 'sac-client', responses: { goals: 9, tasks: 9, bond: 9 } },
    { date: d3!, measureId: 'ors', responses: items(4, 6) },
  ]);
  await page.reload();
  await page.getByRole('tab', { name: 'Measures' }).click();

  // The outcome chart opens on the outcome measure recorded most recently (ORS, not the earlier PHQ-9).
  await expect(page.getByRole('combobox', { name: 'Outcome measure' })).toHaveValue('Outcome Rating Scale (ORS)');

  // Goals, Tasks and Bond are drawn in their own panel on their own 0–10 axis: a 9 sits near its top.
  const sac = page.getByRole('group', { name: /^Alliance, Session Alliance Check/ });
  const goals = await markersAndPlot(sac, 'Goals, SAC client-rated', 'alliance-subscales', 3);
  for (const marker of goals.markers) expect(inside(marker, goals.plot)).toBe(true);
  expect(goals.markers[0]!.y).toBeLessThan(goals.plot.y + goals.plot.height * 0.2);
  const total = await markersAndPlot(sac, 'Total, SAC client-rated', 'alliance-total', 3);
  for (const marker of total.markers) expect(inside(marker, total.plot)).toBe(true);
  expect(goals.plot.y).toBeGreaterThanOrEqual(total.plot.y + total.plot.height);

  // Every line's legend entry names its measure and rater, no two alike, and names its line in the chart.
  const legends = page.getByRole('list', { name: /^Legend/ }).getByRole('listitem');
  const labels = (await legends.allInnerTexts()).map((text) => text.trim()).filter((text) => /-rated$/.test(text));
  expect(labels).toEqual(['Total, SAC client-rated', 'Goals, SAC client-rated', 'Tasks, SAC client-rated', 'Bond, SAC client-rated', 'Total, ORS client-rated']);
  for (const label of labels) await expect(page.getByRole('img', { name: label, exact: true })).toHaveCount(1);

  // The picker shows the WAI-SR's whole name; its 4–20 subscales lie inside their plot, not under the axis.
  const picker = page.getByRole('combobox', { name: 'Alliance measure' });
  await picker.click();
  await page.getByRole('option', { name: 'Working Alliance Inventory – Short Revised (WAI-SR)' }).click();
  await expect(picker).toHaveValue('Working Alliance Inventory – Short Revised (WAI-SR)');
  expect(await picker.evaluate((input) => input.scrollWidth <= input.clientWidth)).toBe(true);
  const wai = page.getByRole('group', { name: /^Alliance, Working Alliance Inventory/ });
  for (const [line, panel] of [
    ['Total, WAI-SR client-rated', 'alliance-total'],
    ['Task, WAI-SR client-rated', 'alliance-subscales'],
    ['Bond, WAI-SR client-rated', 'alliance-subscales'],
    ['Goal, WAI-SR client-rated', 'alliance-subscales'],
  ] as const) {
    const drawn = await markersAndPlot(wai, line, panel, 1);
    expect(inside(drawn.markers[0]!, drawn.plot), line).toBe(true);
  }
});
