import type { Page } from '@playwright/test';

export interface ResultToRecord {
  date: string;
  measureId: string;
  responses: Record<string, number>;
}

/**
 * Results recorded through window.api (the calls the note page's measure dialog makes), in order, each
 * in the session of its day, made for it the first time that day comes up.
 */
export async function recordResultsThroughApi(page: Page, clientId: string, results: readonly ResultToRecord[]): Promise<void> {
  await page.evaluate(
    async ({ clientId, results }) => {
      type Result = { ok: true; value: { session: { id: string } } } | { ok: false; error: { message: string } };
      const api = (window as unknown as { api: Record<string, (input?: unknown) => Promise<Result>> }).api;
      const sessions = new Map<string, string>();
      for (const { date, measureId, responses } of results) {
        let sessionId = sessions.get(date);
        if (!sessionId) {
          const session = { date, startTime: '10:00', durationMinutes: 50, modality: 'in_person', type: 'individual', attendance: 'attended', serviceCode: '' };
          const created = await api.createSession!({ clientId, session, templateId: 'alliance' });
          if (!created.ok) throw new Error(created.error.message);
          sessionId = created.value.session.id;
          sessions.set(date, sessionId);
        }
        const recorded = await api.recordMeasure!({ clientId, sessionId, measureId, takenOn: date, responses });
        if (!recorded.ok) throw new Error(recorded.error.message);
      }
    },
    { clientId, results },
  );
}
