import { performance } from 'node:perf_hooks';
import { SummaryService } from '../electron/services/summary/summary.service';
import { progressSummaryOptionsSchema, summarySectionKeys, type SummarySectionKey } from '../shared/progress-summary';
import { openNotesVault } from '../test/unit/support/notes-vault';
import { seedSummaryClient } from '../test/unit/support/summary-client';
import { measure } from './measure';
import type { BenchResult, BenchRow } from './rows';

const SESSIONS = 100;

/** The export dialog's default choice, with both charts: what a practitioner sends most often. */
const DEFAULT_SECTIONS: SummarySectionKey[] = ['goals', 'attendance', 'allianceChart', 'outcomeChart'];

/**
 * A progress summary for a client with 100 sessions, read from the encrypted vault and laid out into
 * PDF bytes in this process, as the main process does. Cold is the first summary in the process
 * (fonts parsed, modules warmed); warm is every one after.
 */
async function summaryTiming(name: string, sections: SummarySectionKey[], describe: string): Promise<BenchResult> {
  const nv = await openNotesVault();
  try {
    const client = await seedSummaryClient(nv, { legalName: 'Bench Client', sessions: SESSIONS, firstDate: '2024-06-03' });
    const service = new SummaryService({ db: nv.db, now: () => new Date(2026, 5, 15, 12), settings: () => nv.vault.settings(), dialogs: noDialogs });
    const options = progressSummaryOptionsSchema.parse({
      clientId: client.clientId,
      from: client.firstDate,
      to: client.lastDate,
      identity: 'full',
      sections,
      excerptSections: ['plan', 'goals'],
    });
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
    const note = `${SESSIONS} sessions, ${describe}; cold ${coldMs} ms; ${first.pageCount} pages, ${Math.round(first.bytes.length / 1024)} KB`;
    return { row: name, ...timing, target: 'warm ≤ 500 ms, cold ≤ 1.5 s', met, note };
  } finally {
    await nv.close();
  }
}

export const pdfSummaryRow: BenchRow = {
  name: 'pdf summary',
  run: () => summaryTiming('pdf summary', DEFAULT_SECTIONS, 'goals, attendance, alliance and outcome charts (the dialog default)'),
};

/** Every part ticked: 100-row session list, measures table and Plan/Goals excerpts of every note. */
export const pdfSummaryEveryPartRow: BenchRow = {
  name: 'pdf summary, every part',
  run: () => summaryTiming('pdf summary, every part', [...summarySectionKeys], 'every part incl. 100-row session list and excerpts'),
};

const noDialogs = {
  chooseSavePath: async () => null,
  chooseFolder: async () => null,
  chooseOpenPath: async () => null,
  showInFolder: async () => {},
};
