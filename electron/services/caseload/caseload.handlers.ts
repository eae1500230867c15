import type { caseloadMethods } from '../../../shared/contract/caseload';
import type { HandlersOf } from '../ipc/dispatch';
import type { CaseloadService } from './caseload.service';

/** Caseload outcomes and importing a client list. Inputs arrive already validated. */
export function caseloadHandlers({ caseload }: { caseload: CaseloadService }): HandlersOf<typeof caseloadMethods> {
  return {
    getCaseloadOutcomes: (period) => caseload.outcomes(period),
    chooseClientImportFile: async () => ({ file: await caseload.chooseImportFile() }),
    checkClientImport: (input) => caseload.checkImport(input),
    importClients: (input) => caseload.importClients(input),
  };
}
