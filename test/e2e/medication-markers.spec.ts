import { expect, test } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { addClientThroughUi, openEmptyVault } from './clients-ui';
import { recordResultsThroughApi } from './measures-api';

/**
 * For a prescriber, a medication's dose change is marked on the client's alliance chart where it
 * happened, and says what changed and why when the mark is focused. The list, the change and the
 * settings are set up through window.api; only the chart is used through the UI.
 */
const CLIENT = { legalName: 'Ines Marlow-Tey', code: 'IM-5150' };
const CHANGE = 'Sertraline: dose changed 50 mg → 100 mg (Little effect at the lower dose)';

test('a medication change is marked on the alliance chart with the change in its tooltip', async ({ app: page }) => {
  test.setTimeout(60_000);
  await openEmptyVault(page);
  await addClientThroughUi(page, CLIENT);
  const clientId = /#\/clients\/([^/?]+)$/.exec(page.url())?.[1] ?? '';
  const sac = { goals: 8, tasks: 7, bond: 8 };
  await recordResultsThroughApi(page, clientId, [
    { date: '2026-11-02', measureId: 'sac-client', responses: sac },
    { date: '2026-11-16', measureId: 'sac-client', responses: sac },
    { date: '2026-11-30', measureId: 'sac-client', responses: sac },
  ]);
  await page.evaluate(async (clientId) => {
    type Result = { ok: true; value: { id: string } } | { ok: false; error: { message: string } };
    const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
    const unwrap = (result: Result) => {
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    unwrap(await api.updateSettings!({ prescriber: true }));
    const regimen = { dose: '50 mg', formRoute: 'tablet', schedule: 'every morning', asNeeded: false, dosesPerDay: 1, prescriber: 'me', prescriberName: '', indication: 'Low mood' };
    const { id } = unwrap(await api.startMedication!({ clientId, name: 'Sertraline', date: '2026-10-26', reason: '', regimen }));
    unwrap(await api.changeMedication!({ medicationId: id, kind: 'dose_change', date: '2026-11-16', reason: 'Little effect at the lower dose', regimen: { ...regimen, dose: '100 mg' } }));
  }, clientId);

  await page.getByRole('tab', { name: 'Measures' }).click();
  const alliance = page.getByRole('group', { name: /^Alliance, / });
  const mark = alliance.getByRole('img', { name: `Medication change, 16 November 2026: ${CHANGE}` });
  await mark.focus();
  await expect(alliance.getByTestId('medication-mark-tooltip')).toContainText(CHANGE);
  // The start is marked too, and every change is listed in words.
  await expect(alliance.getByRole('img', { name: 'Medication change, 26 October 2026: Sertraline: started 50 mg' })).toBeAttached();
  await expect(page.getByRole('list', { name: 'Medication changes' })).toContainText(`16 November 2026: ${CHANGE}`);
  await expectNoSeriousViolations(page, 'the Measures tab with medication changes marked');
});
