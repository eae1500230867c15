import { expect, test } from './fixtures';
import { addClientThroughUi, openEmptyVault } from './clients-ui';
import { expectNoSeriousViolations } from './axe';
import { recordResultsThroughApi, type ResultToRecord } from './measures-api';

/**
 * The alliance signal over five Monday sessions: the client rates a rupture at session four (Goals,
 * Tasks, Bond 9/8/9 → 6/4/3) and recovers part of the way at five, while the practitioner's own ratings
 * stay higher. The drop's alert is still open at session five, names measure and rater and says where
 * the score went since; PHQ-9's item 9 on 30 November stays raised although 7 December's is 0; the
 * Dashboard shows the latest SAC with its sparkline; acknowledging is what closes an alert.
 */

const CLIENT = { legalName: 'Oriel Fenwick-Saar', code: 'OF-2291' };
const DATES = ['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07'] as const;
const sac = (goals: number, tasks: number, bond: number) => ({ goals, tasks, bond });
const phq9 = (item9: number) => ({ item1: 1, item2: 1, item3: 1, item4: 1, item5: 0, item6: 1, item7: 0, item8: 0, item9 });

/** Per session, in the order recorded: the practitioner's SAC first, then the client's (the latest). */
const RESULTS: readonly ResultToRecord[] = [
  ...DATES.slice(0, 3).flatMap((date) => [
    { date, measureId: 'sac-clinician', responses: sac(8, 8, 8) },
    { date, measureId: 'sac-client', responses: sac(9, 8, 9) },
  ]),
  { date: DATES[3], measureId: 'phq-9', responses: phq9(1) },
  { date: DATES[3], measureId: 'sac-clinician', responses: sac(8, 6, 5) },
  { date: DATES[3], measureId: 'sac-client', responses: sac(6, 4, 3) },
  { date: DATES[4], measureId: 'phq-9', responses: phq9(0) },
  { date: DATES[4], measureId: 'sac-clinician', responses: sac(8, 7, 7) },
  { date: DATES[4], measureId: 'sac-client', responses: sac(7, 6, 6) },
];


test('a client-rated rupture stays an open alert after recovery, naming measure and rater, until acknowledged', async ({ app: page }) => {
  test.setTimeout(90_000);
  await openEmptyVault(page);
  await addClientThroughUi(page, CLIENT);
  const clientId = /#\/clients\/([^/?]+)$/.exec(page.url())?.[1] ?? '';
  await recordResultsThroughApi(page, clientId, RESULTS);

  await page.getByRole('tab', { name: 'Measures' }).click();
  const alerts = page.getByRole('list', { name: 'Alerts' });
  const bond = alerts.getByRole('listitem').filter({ hasText: 'Bond, client-rated Session Alliance Check, fell from 9 to 3 on 30 November 2026' });
  // Open at session five, with where the score went since.
  await expect(bond).toContainText('; 6 on 7 December 2026');
  await expect(bond.getByRole('button', { name: /Acknowledge/ })).toBeVisible();
  // The practitioner's form is named as such, and never shown as the client's.
  await expect(alerts).toContainText('Bond, clinician-rated Session Alliance Check, fell from 8 to 5 on 30 November 2026');
  await expect(alerts).not.toContainText('Bond, client-rated Session Alliance Check, fell from 8');
  // A risk answer does not vanish because the next one was 0.
  const risk = alerts.getByRole('listitem').filter({ hasText: 'Item 9' });
  await expect(risk).toContainText('30 November 2026');
  await expect(risk).toContainText('not raised on 7 December 2026');
  // The practitioner rated the session higher than the client did, by more than the SAC's reliable change.
  await expect(alerts).toContainText(/You rated the alliance 19\/30 and the client 13\/30 on 30 November 2026/);
  await expectNoSeriousViolations(page, 'the Measures tab with open alerts');

  // The Dashboard: the latest alliance result (SAC client 19/30 on 7 Dec) with its sparkline, and the alerts by client.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  const caseload = page.getByRole('table', { name: 'Caseload' });
  await expect(caseload).toContainText('19/30');
  await expect(caseload).toContainText('SAC client, ');
  await expect(caseload.getByRole('img', { name: 'SAC client totals: 26, 26, 26, 13, 19' })).toBeVisible();
  const open = caseload.getByRole('list', { name: `Open alerts of ${CLIENT.code}` });
  // The engagement flag (open alliance alerts are one of its reasons), then the most urgent three, the
  // risk answer first; the rest behind a link to the client's Measures tab.
  await expect(open.getByRole('listitem')).toHaveCount(4);
  await expect(open.getByRole('listitem').first()).toContainText('Engagement');
  await expect(open.getByRole('listitem').nth(1)).toContainText('Item 9');
  const more = caseload.getByRole('link', { name: /^\d+ more open alerts?$/ });
  const countOf = async () => Number(/^\d+/.exec((await more.textContent()) ?? '')?.[0]);
  const before = await countOf();

  // Acknowledging is what closes it: then it leaves the Dashboard's count and stays on the client page as seen.
  await more.click();
  await expect(page.getByRole('tab', { name: 'Measures' })).toHaveAttribute('aria-selected', 'true');
  await bond.getByRole('button', { name: /Acknowledge/ }).click();
  await bond.getByRole('textbox').fill('Named the strain in session five; agreed to revisit the homework plan together.');
  await bond.getByRole('button', { name: /Save|Acknowledge/ }).last().click();
  await expect(bond).toContainText('Named the strain in session five');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(caseload.getByRole('img', { name: 'SAC client totals: 26, 26, 26, 13, 19' })).toBeVisible();
  await expect.poll(countOf).toBe(before - 1);
});
