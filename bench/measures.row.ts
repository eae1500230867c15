import { practiceSession } from './practice-session';
import { localIsoDate } from '../shared/dates';
import type { MeasureResult } from '../shared/measure-records';
import { COMPANION_MEASURES, dateRangeFor, measureBands, measureDomain, measureSeries, stackedTrendCharts, type MeasureDefinition } from '../shared/measures';
import { NOTES_SEED, seededNotesVault } from './notes-vault.seed';
import type { BenchRow } from './rows';
import { assertSame, rawBeside } from './raw/beside';
import { measurePair, ratioNote } from './raw/interleave';

const note = `seeded practice: ${NOTES_SEED.clients} clients (active ones on the dashboard), ${NOTES_SEED.notes.toLocaleString('en')} sessions, ~25,800 measure results; service call, no IPC`;

/**
 * The practice overview: every active client's latest score, trend, alerts and counts. Beside it, the same
 * reads hand-written on a plain copy, with the same alert rules applied to them (bench/raw).
 */
export const dashboardRow: BenchRow = {
  name: 'dashboard',
  async run() {
    const { measures } = await seededNotesVault();
    const { raw } = await rawBeside(() => measures.listMeasures());
    assertSame('practice overview', await measures.practiceOverview(), raw.practiceOverview());
    const pair = await measurePair(
      () => measures.practiceOverview(),
      () => raw.practiceOverview(),
      { warmUp: 5, runs: 60 },
    );
    const timing = pair.ours;
    return { row: this.name, ...timing, target: 'p95 ≤ 50 ms', met: timing.p95_ms <= 50, ratio_vs_raw: pair.ratio, note: `${note}; ${ratioNote(pair)}` };
  },
};

/** The series and geometry the Measures tab draws from a client's results (the same for both sides). */
function chartGeometry({ results, definitions }: { results: MeasureResult[]; definitions: MeasureDefinition[] }): void {
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
}

/** What the Measures tab computes for a client with 150 measured sessions: results, series, geometry. */
export const clientChartsRow: BenchRow = {
  name: 'client chart series',
  async run() {
    const { measures, busyClientId } = await seededNotesVault();
    const { raw } = await rawBeside(() => measures.listMeasures());
    assertSame('client results', await measures.listResults(busyClientId), raw.clientResults(busyClientId));
    const pair = await measurePair(
      async () => chartGeometry(await measures.listResults(busyClientId)),
      () => chartGeometry(raw.clientResults(busyClientId)),
      { warmUp: 5, runs: 100 },
    );
    const timing = pair.ours;
    return {
      row: this.name,
      ...timing,
      target: 'p95 ≤ 10 ms',
      met: timing.p95_ms <= 10,
      ratio_vs_raw: pair.ratio,
      note: `the busiest client's ${(await practiceSession()).manifest.landmarks.busyClient.measuredSessions} measured sessions; results read, series and chart geometry computed; ${ratioNote(pair)}`,
    };
  },
};
