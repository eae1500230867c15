import { performance } from 'node:perf_hooks';
import { SummaryService } from '../electron/services/summary/summary.service';
import { progressSummaryOptionsSchema, summarySectionKeys, type SummarySectionKey } from '../shared/progress-summary';
import { measure } from './measure';
import { practiceSession } from './practice-session';
import type { BenchResult, BenchRow } from './rows';

/** The export dialog's default choice, with both charts: what a practitioner sends most often. */
/** A practitioner looks at the dialog for at least this long before the preview is asked for. */
const CHOOSING_MS = 1_000;

const DEFAULT_SECTIONS: SummarySectionKey[] = ['goals', 'attendance', 'allianceChart', 'outcomeChart'];

/**
 * A progress summary of the seeded practice's 100-session client over all its sessions, read from the
 * encrypted practice vault and laid out into PDF bytes on the render worker, as in the app. Cold is the
 * first summary of the process, a second after the dialog opened (and started the worker); warm is every
 * one after.
 */
async function summaryTiming(name: string, sections: SummarySectionKey[], describe: string): Promise<BenchResult> {
  const practice = await practiceSession();
  const client = practice.manifest.landmarks.pdfClient;
  const db = practice.vault.database();
  const span = await db
    .selectFrom('sessions')
    .select((eb) => [eb.fn.min('session_date').as('first'), eb.fn.max('session_date').as('last')])
    .where('client_id', '=', client.id)
    .executeTakeFirstOrThrow();
  const service = new SummaryService({ db: () => db, now: () => new Date(2026, 5, 15, 12), settings: () => practice.vault.settings(), dialogs: noDialogs });
  const options = progressSummaryOptionsSchema.parse({
    clientId: client.id,
    from: span.first,
    to: span.last,
    identity: 'full',
    sections,
    excerptSections: ['plan', 'goals'],
  });
  // As the export dialog does when it opens: the render worker starts while the choices are shown.
  await service.choices(client.id);
  await new Promise((resolve) => setTimeout(resolve, CHOOSING_MS));
  const coldStarted = performance.now();
  const first = await service.build(options);
  const coldMs = Math.round(performance.now() - coldStarted);
  const timing = await measure(
    async () => {
      await service.build(options);
    },
    { warmUp: 2, runs: 15 },
  );
  const met = timing.p95_ms <= 500 && coldMs <= 1_500;
  const note = `the practice's ${client.sessions}-session client, ${describe}; cold ${coldMs} ms; ${first.pageCount} pages, ${Math.round(first.bytes.length / 1024)} KB`;
  return { row: name, ...timing, target: 'warm ≤ 500 ms, cold ≤ 1.5 s', met, note };
}

export const pdfSummaryRow: BenchRow = {
  name: 'pdf summary',
  run: () => summaryTiming('pdf summary', DEFAULT_SECTIONS, 'goals, attendance, alliance and outcome charts (the dialog default)'),
};

/** Every part ticked: 100-row session list, measures table and Plan/Goals excerpts of every note. */
export const pdfSummaryEveryPartRow: BenchRow = {
  name: 'pdf summary, every part',
  run: () => summaryTiming('pdf summary, every part', [...summarySectionKeys], 'every part incl. the session list and excerpts'),
};

const noDialogs = {
  chooseSavePath: async () => null,
  chooseFolder: async () => null,
  chooseOpenPath: async () => null,
  showInFolder: async () => {},
};
