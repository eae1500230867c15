import { addDays, format, parseISO } from 'date-fns';
import { practiceSession } from './practice-session';
import { SEEDED_NOW } from './seed/write-alerts';
import { localIsoDate } from '../shared/dates';
import type { MeasureResult } from '../shared/measure-records';
import { COMPANION_MEASURES, dateRangeFor, markColumns, measureBands, measureDomain, measureSeries, stackedPanels, stackedTrendCharts, type MeasureDefinition } from '../shared/measures';
import { firstMedicationDate, medicationPanels, type MedicationChart } from '../shared/medication-series';
import { MedicationsService } from '../electron/services/medications/medications.service';
import { NOTES_SEED, seededNotesVault } from './notes-vault.seed';
import type { BenchRow } from './rows';
import { assertSame, rawBeside } from './raw/beside';
import { measurePair, ratioNote } from './raw/interleave';

const note = `seeded practice: ${NOTES_SEED.clients} clients (active ones on the dashboard), ${NOTES_SEED.notes.toLocaleString('en')} sessions, ~25,800 measure results; service call, no IPC`;
const dashboardNote = `${note}; overview, the week's appointments and overdue clients`;

/**
 * What the Dashboard reads: the practice overview (every active client's latest score, trend, alerts with
 * the engagement flags, and counts), the week's appointments and the clients overdue for a session. Beside
 * it, the same reads hand-written on a plain copy, with the same rules applied to them (bench/raw).
 */
export const dashboardRow: BenchRow = {
  name: 'dashboard',
  async run() {
    const { measures, engagement } = await seededNotesVault();
    const { raw } = await rawBeside(() => measures.listMeasures());
    // The seeded history's last day is its "today": its week of appointments and who is overdue then.
    const today = localIsoDate(SEEDED_NOW);
    const week = { from: today, to: format(addDays(parseISO(today), 6), 'yyyy-MM-dd') };
    const ours = async () => ({ overview: await measures.practiceOverview(), agenda: await engagement.agenda(week), overdue: await engagement.overdue() });
    const theirs = () => ({ overview: raw.practiceOverview(), agenda: raw.agenda(week), overdue: raw.overdue(today) });
    const first = await ours();
    assertSame('dashboard', first, theirs());
    if (first.agenda.length === 0) throw new Error('the seeded practice has no appointments in its last week');
    const pair = await measurePair(ours, async () => theirs(), { warmUp: 5, runs: 60 });
    const timing = pair.ours;
    return { row: this.name, ...timing, target: 'p95 ≤ 50 ms', met: timing.p95_ms <= 50, ratio_vs_raw: pair.ratio, note: `${dashboardNote}; ${ratioNote(pair)}` };
  },
};

/**
 * The series and geometry the Measures tab computes from a client's results and medication chart (the
 * same for both sides): alliance above outcome, the adherence and side-effect panels below, and the
 * medication changes placed on each chart.
 */
function chartGeometry({ results, definitions }: { results: MeasureResult[]; definitions: MeasureDefinition[] }, medication: MedicationChart): void {
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  const alliance = byId.get('sac-client')!;
  const companion = byId.get(COMPANION_MEASURES[alliance.id] ?? '');
  const outcome = byId.get('phq-9')!;
  const first = [results[0]?.takenOn, firstMedicationDate(medication)].filter((date): date is string => !!date).sort()[0] ?? null;
  const { from, to } = dateRangeFor('all', localIsoDate(), first);
  const shared = { width: 900, margin: { top: 14, right: 16, bottom: 26, left: 36 }, from, to, gap: 28 };
  const charts = stackedTrendCharts({
    ...shared,
    alliance: { height: 260, yDomain: measureDomain(alliance), series: measureSeries(alliance, results, companion ? { definition: companion, results } : undefined), cutoff: alliance.cutoff?.value ?? null, bands: measureBands(alliance) },
    outcome: { height: 200, yDomain: measureDomain(outcome), series: measureSeries(outcome, results), cutoff: outcome.cutoff?.value ?? null, bands: measureBands(outcome) },
  });
  const panels = medicationPanels(medication);
  const drawn = panels.length > 0 ? stackedPanels({ ...shared, panels: panels.map((panel) => ({ ...panel, height: 180 })) }).panels : [];
  const marks = medication.markers.map(({ date, text }) => ({ date, text }));
  for (const geometry of [charts.alliance, charts.outcome, drawn[0]]) if (geometry) markColumns(geometry, marks);
}

/** What the Measures tab computes for a client with 150 measured sessions: results, series, geometry. */
export const clientChartsRow: BenchRow = {
  name: 'client chart series',
  async run() {
    const { measures, busyClientId } = await seededNotesVault();
    const { vault } = await practiceSession();
    const medications = new MedicationsService({ db: () => vault.database() });
    const { raw } = await rawBeside(() => measures.listMeasures());
    assertSame('client results', await measures.listResults(busyClientId), raw.clientResults(busyClientId));
    const medication = await medications.series(busyClientId);
    assertSame('medication chart', medication, raw.medicationChart(busyClientId));
    const pair = await measurePair(
      async () => {
        const [results, chart] = await Promise.all([measures.listResults(busyClientId), medications.series(busyClientId)]);
        chartGeometry(results, chart);
      },
      () => chartGeometry(raw.clientResults(busyClientId), raw.medicationChart(busyClientId)),
      { warmUp: 5, runs: 100 },
    );
    const timing = pair.ours;
    return {
      row: this.name,
      ...timing,
      target: 'p95 ≤ 10 ms',
      met: timing.p95_ms <= 10,
      ratio_vs_raw: pair.ratio,
      note: `the busiest client's ${(await practiceSession()).manifest.landmarks.busyClient.measuredSessions} measured sessions, ${medication.markers.length} medication changes and ${medication.adherence.reduce((sum, line) => sum + line.points.length, 0)} adherence points; results and medication chart read, series, geometry and change marks computed; ${ratioNote(pair)}`,
    };
  },
};
