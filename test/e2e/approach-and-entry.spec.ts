import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addClientThroughUi, openEmptyVault } from './clients-ui';
import { saveStatus } from './notes-ui';

/**
 * The approach of each session, chosen in the note's Tasks section and shown under the alliance chart
 * beside the bond it went with; and measure entry that reads as published: an unanswered slider shows
 * no value until it is set (and can be cleared again), and PHQ-9 words each answer.
 */

const daysAgo = (days: number): string => {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

type ApiResult = { ok: true; value: { id: string } } | { ok: false; error: { message: string } };

/** Sessions and their client-rated SAC results made through window.api; returns the note ids. */
async function seedSessions(page: Page, clientId: string, sessions: readonly { date: string; bond: number }[]): Promise<string[]> {
  return page.evaluate(
    async ({ clientId, sessions }) => {
      const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<ApiResult>> }).api;
      const ids: string[] = [];
      for (const { date, bond } of sessions) {
        const session = { date, startTime: '10:00', durationMinutes: 50, modality: 'in_person', type: 'individual', attendance: 'attended', serviceCode: '' };
        const note = await api.createSession!({ clientId, session, templateId: 'alliance' });
        if (!note.ok) throw new Error(note.error.message);
        const sessionId = (note.value as unknown as { session: { id: string } }).session.id;
        const result = await api.recordMeasure!({ clientId, sessionId, measureId: 'sac-client', takenOn: date, responses: { goals: 8, tasks: 8, bond } });
        if (!result.ok) throw new Error(result.error.message);
        ids.push(note.value.id);
      }
      return ids;
    },
    { clientId, sessions },
  );
}

test('approaches chosen in two notes show under the alliance chart beside each bond score; entry shows unanswered sliders and PHQ-9 answer words', async ({ app: page }) => {
  test.setTimeout(90_000);
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Ines Halvorsen-Adeyemi' });
  const clientId = /#\/clients\/([^/?]+)$/.exec(page.url())?.[1] ?? '';
  const noteIds = await seedSessions(page, clientId, [
    { date: daysAgo(14), bond: 4 },
    { date: daysAgo(7), bond: 9 },
  ]);
  const openNote = async (noteId: string) => page.goto(page.url().replace(/#.*$/, `#/clients/${clientId}/notes/${noteId}`));

  const choose = async (noteId: string, approaches: readonly string[]) => {
    await openNote(noteId);
    const group = page.getByRole('group', { name: 'Approach in this session' });
    for (const approach of approaches) {
      await group.getByText(approach, { exact: true }).click();
      await expect(group.getByRole('checkbox', { name: approach, exact: true })).toBeChecked();
    }
    await page.keyboard.press('Control+s');
    await expect(saveStatus(page)).toHaveText(/Saved/);
  };
  await choose(noteIds[0]!, ['Directive']);
  await choose(noteIds[1]!, ['Task-oriented', 'Supportive']);

  // Measure entry, on the second session's draft.
  await page.getByRole('region', { name: 'Measures' }).getByRole('button', { name: 'Record a measure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a measure' });
  const slider = dialog.getByRole('slider', { name: /^My therapist and I have a shared picture.*: slider$/ });
  const box = dialog.getByRole('textbox', { name: /^My therapist and I have a shared picture.*: score$/ });
  // Unanswered: no value in the box, none read out by the slider, and no thumb to see.
  await expect(box).toHaveValue('');
  await expect(slider).toHaveAttribute('aria-valuetext', 'Not answered');
  await expect(slider).toHaveCSS('opacity', '0');
  // The keyboard sets it; Clear takes it back to no answer.
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(box).toHaveValue('1');
  await expect(slider).toHaveCSS('opacity', '1');
  await dialog.getByRole('button', { name: /^Clear the answer to My therapist and I have a shared picture/ }).click();
  await expect(box).toHaveValue('');
  await expect(slider).toHaveAttribute('aria-valuetext', 'Not answered');

  // PHQ-9 words each answer, and asks its difficulty question, not scored.
  await dialog.getByRole('combobox', { name: 'Measure', exact: true }).click();
  await page.getByRole('option', { name: 'Patient Health Questionnaire (PHQ-9)' }).click();
  const first = dialog.getByRole('radiogroup', { name: 'Little interest or pleasure in doing things' });
  for (const word of ['0 · Not at all', '1 · Several days', '2 · More than half the days', '3 · Nearly every day']) {
    await expect(first.getByRole('radio', { name: word })).toBeVisible();
  }
  const difficulty = dialog.getByRole('radiogroup', { name: /^If you checked off any problems, how difficult/ });
  await expect(difficulty).toHaveAccessibleDescription('Recorded with the result; not part of the score.');
  await expect(difficulty.getByRole('radio', { name: '2 · Very difficult' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Under the alliance chart, each session's approach beside its bond score.
  await page.goto(page.url().replace(/#.*$/, `#/clients/${clientId}`));
  await page.getByRole('tab', { name: 'Measures' }).click();
  const strip = page.getByRole('list', { name: 'Approach by session' });
  await expect(strip.getByRole('listitem')).toHaveCount(2);
  await expect(strip.getByRole('listitem').nth(0)).toHaveText(/: directive; Bond 4/);
  await expect(strip.getByRole('listitem').nth(1)).toHaveText(/: supportive, task-oriented; Bond 9/);
  await expect(page.getByRole('group', { name: 'Approach legend' })).toContainText('Nondirective');
});
