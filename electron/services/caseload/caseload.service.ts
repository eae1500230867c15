import { AppError } from '../../../shared/errors';
import type { CaseloadOutcomes, CaseloadPeriod } from '../../../shared/caseload';
import type { CheckedImport, ImportFile, ImportReport, ImportRowsInput } from '../../../shared/client-import';
import { ServiceContext, type ServiceClock } from '../clients/service-context';
import type { Dialogs } from '../dialogs';

/** The practice as a whole: caseload outcomes over a period, and importing a client list. */
export class CaseloadService {
  private readonly ctx: ServiceContext;

  constructor(private readonly options: ServiceClock & { dialogs: Dialogs }) {
    this.ctx = new ServiceContext(options);
  }

  outcomes(period: CaseloadPeriod): Promise<CaseloadOutcomes> {
    void period;
    this.ctx.db();
    throw new AppError('INTERNAL', 'Caseload outcomes are not built yet.');
  }

  chooseImportFile(): Promise<ImportFile | null> {
    void this.options;
    this.ctx.db();
    throw new AppError('INTERNAL', 'Importing is not built yet.');
  }

  checkImport(input: ImportRowsInput): Promise<CheckedImport> {
    void input;
    this.ctx.db();
    throw new AppError('INTERNAL', 'Importing is not built yet.');
  }

  importClients(input: ImportRowsInput): Promise<ImportReport> {
    void input;
    this.ctx.db();
    throw new AppError('INTERNAL', 'Importing is not built yet.');
  }
}
