import { AppError } from '../../../shared/errors';
import type { CheckedImport, ImportFile, ImportReport, ImportRowsInput } from '../../../shared/client-import';
import { ServiceContext, type ServiceClock } from '../clients/service-context';
import type { Dialogs } from '../dialogs';

/** Importing a client list from another tool's CSV export. */
export class ClientImportService {
  private readonly ctx: ServiceContext;

  constructor(private readonly options: ServiceClock & { dialogs: Dialogs }) {
    this.ctx = new ServiceContext(options);
  }

  chooseFile(): Promise<ImportFile | null> {
    void this.options;
    this.ctx.db();
    throw new AppError('INTERNAL', 'Importing is not built yet.');
  }

  check(input: ImportRowsInput): Promise<CheckedImport> {
    void input;
    this.ctx.db();
    throw new AppError('INTERNAL', 'Importing is not built yet.');
  }

  import(input: ImportRowsInput): Promise<ImportReport> {
    void input;
    this.ctx.db();
    throw new AppError('INTERNAL', 'Importing is not built yet.');
  }
}
