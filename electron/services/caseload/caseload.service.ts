import type { CaseloadOutcomes, CaseloadPeriod } from '../../../shared/caseload';
import { caseloadOutcomes, periodProblems } from '../../../shared/caseload-rules';
import { AppError } from '../../../shared/errors';
import { ServiceContext, type ServiceClock } from '../clients/service-context';
import { listMeasures } from '../measures/measure-definitions.repository';
import { attendanceInPeriod, dischargedInPeriod, outcomePairsInPeriod, thirdSessionTotals } from './caseload-facts.repository';

/** The practice as a whole: caseload outcomes over a period, computed on this machine. */
export class CaseloadService {
  private readonly ctx: ServiceContext;

  constructor(clock: ServiceClock) {
    this.ctx = new ServiceContext(clock);
  }

  /**
   * Active clients, sessions held, attendance, endings and, per outcome measure, who reliably improved,
   * recovered, stayed the same or deteriorated, with the early alliance of those who improved and those
   * who did not. Five queries, whatever the size of the practice.
   */
  async outcomes(period: CaseloadPeriod): Promise<CaseloadOutcomes> {
    // The vault first: while it is locked, every call says so, whatever its input.
    const db = this.ctx.db();
    const problems = periodProblems(period);
    // A read, so not invalid()'s "Nothing was saved": the message says what to change.
    if (problems.to) throw new AppError('VALIDATION', problems.to, { fieldErrors: problems });
    // The current version of each measure says its reliable change and cutoff; results keep their own totals.
    const definitions = await listMeasures(db);
    const outcomeIds = definitions.filter((definition) => definition.kind === 'outcome' && definition.reliableChange !== null).map((definition) => definition.id);
    const allianceIds = definitions.filter((definition) => definition.kind === 'alliance').map((definition) => definition.id);
    const { attended, missed } = await attendanceInPeriod(db, period);
    const discharged = await dischargedInPeriod(db, period);
    const outcomePairs = await outcomePairsInPeriod(db, period, outcomeIds);
    const measuredClients = [...new Set(outcomePairs.map((pair) => pair.clientId))];
    const thirdSessionAlliance = await thirdSessionTotals(db, measuredClients, allianceIds);
    return caseloadOutcomes(period, { attended, missed, discharged, outcomePairs, thirdSessionAlliance }, definitions);
  }
}
