import { localIsoDate } from '../shared/dates';
import { COMPANION_MEASURES, dateRangeFor, measureBands, measureDomain, measureSeries, stackedTrendCharts } from '../shared/measures';
import { measure } from './measure';
import { NOTES_SEED, seededNotesVault } from './notes-vault.seed';
import type { BenchRow } from './rows';

const note = `${NOTES_SEED.clients} clients, ${NOTES_SEED.notes.toLocaleString('en')} sessions, alliance scores on 4 in 5, PHQ-9 on 1 in 4; service call, no IPC`;

/** The practice overview: every active client's latest score, trend, alerts and counts. */
export const dashboardRow: BenchRow = {
  name: 'dashboard',
  async run() {
    const { measures } = await seededNotesVault();
    const timing = await measure(
      async () => {
        await measures.practiceOverview();
      },
      { warmUp: 5, runs: 60 },
    );
    return { row: this.name, ...timing, target: 'p95 ≤ 50 ms', met: timing.p95_ms <= 50, note };
  },
};

/** What the Measures tab computes for a client with 150 measured sessions: results, series, geometry. */
export const clientChartsRow: BenchRow = {
  name: 'client chart series',
  async run() {
    const { measures, busyClientId } = await seededNotesVault();
    const timing = await measure(
      async () => {
        const { results, definitions } = await measures.listResults(busyClientId);
        const byId = new Map(definitions.map((definition) => [definition.id, definition]));
        const alliance = byId.get('sac-client')!;
        const companion = byId.get(COMPANION_MEASURES[alliance.id] ?? '');
        const outcome = byId.get('phq-9')!;
        const { from, to } = dateRangeFor('all', localIsoDate(), results[0]?.takenOn ?? null);
        stackedTrendCharts({
          width: 900,
          margin: { top: 14, right: 16, bottom: 26, left: 36 },
          from,
          to,
          gap: 28,
          alliance: { height: 260, yDomain: measureDomain(alliance), series: measureSeries(alliance, results, companion ? { definition: companion, results } : undefined), cutoff: alliance.cutoff?.value ?? null, bands: measureBands(alliance) },
          outcome: { height: 200, yDomain: measureDomain(outcome), series: measureSeries(outcome, results), cutoff: outcome.cutoff?.value ?? null, bands: measureBands(outcome) },
        });
      },
      { warmUp: 5, runs: 100 },
    );
    return { row: this.name, ...timing, target: 'p95 ≤ 10 ms', met: timing.p95_ms <= 10, note: `${NOTES_SEED.busyClientSessions} sessions of one client; results read, series and chart geometry computed` };
  },
};
