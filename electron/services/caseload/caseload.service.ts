import { AppError } from '../../../shared/errors';
import type { CaseloadOutcomes, CaseloadPeriod } from '../../../shared/caseload';
import { ServiceContext, type ServiceClock } from '../clients/service-context';

/** The practice as a whole: caseload outcomes over a period. */
export class CaseloadService {
  private readonly ctx: ServiceContext;

  constructor(clock: ServiceClock) {
    this.ctx = new ServiceContext(clock);
  }

  outcomes(period: CaseloadPeriod): Promise<CaseloadOutcomes> {
    void period;
    this.ctx.db();
    throw new AppError('INTERNAL', 'Caseload outcomes are not built yet.');
  }
}
