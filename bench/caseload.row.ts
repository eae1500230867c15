import { CaseloadService } from '../electron/services/caseload/caseload.service';
import type { CaseloadPeriod } from '../shared/caseload';
import { practiceSession } from './practice-session';
import { assertSame, rawBeside } from './raw/beside';
import { rawCaseloadOutcomes } from './raw/caseload-query';
import { measurePair, ratioNote } from './raw/interleave';
import { statementCache } from './raw/statements';
import type { BenchRow } from './rows';

const TARGET_MS = 200;
/** The seeded history ends on 30 June 2026: the caseload view's "last 12 months" on that day. */
const PERIOD: CaseloadPeriod = { from: '2025-07-01', to: '2026-06-30' };

/**
 * The caseload view as it opens on the seeded practice: a year's active clients, sessions, attendance,
 * endings, reliable change per outcome measure and early alliance. Beside it, the same reads
 * hand-written on a plain copy (bench/raw/caseload-query.ts) and fed to the same aggregation.
 */
export const caseloadOutcomesRow: BenchRow = {
  name: 'caseload outcomes',
  async run() {
    const { vault, manifest } = await practiceSession();
    const caseload = new CaseloadService({ db: () => vault.database() });
    const { copy } = await rawBeside(() => caseload.outcomes(PERIOD));
    const stmt = statementCache(copy.db);
    const ours = await caseload.outcomes(PERIOD);
    assertSame('caseload outcomes', ours, rawCaseloadOutcomes(stmt, PERIOD));
    const pair = await measurePair(
      () => caseload.outcomes(PERIOD),
      () => rawCaseloadOutcomes(stmt, PERIOD),
      { warmUp: 3, runs: 40 },
    );
    const timing = pair.ours;
    const classified = ours.measures.reduce((sum, measure) => sum + measure.clients.length, 0);
    return {
      row: this.name,
      ...timing,
      target: `p95 ≤ ${TARGET_MS} ms`,
      met: timing.p95_ms <= TARGET_MS,
      ratio_vs_raw: pair.ratio,
      note:
        `seeded practice: ${manifest.clients} clients, ${manifest.sessions.toLocaleString('en')} sessions; ${PERIOD.from} to ${PERIOD.to}: ` +
        `${ours.activeClients.length} active clients, ${ours.sessionsHeld.count.toLocaleString('en')} sessions held, ${classified} measure changes classified; service call, no IPC; ${ratioNote(pair)}`,
    };
  },
};
