import type { caseloadMethods } from '../../../shared/contract/caseload';
import type { HandlersOf } from '../ipc/dispatch';
import type { CaseloadService } from './caseload.service';
import type { ClientImportService } from './client-import.service';

/** Caseload outcomes and importing a client list. Inputs arrive already validated. */
export function caseloadHandlers({ caseload, clientImport }: { caseload: CaseloadService; clientImport: ClientImportService }): HandlersOf<typeof caseloadMethods> {
  return {
    getCaseloadOutcomes: (period) => caseload.outcomes(period),
    chooseClientImportFile: async () => ({ file: await clientImport.chooseFile() }),
    checkClientImport: (input) => clientImport.check(input),
    importClients: (input) => clientImport.import(input),
  };
}
