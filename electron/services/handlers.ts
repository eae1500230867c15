import type { Handlers } from './ipc/dispatch';
import type { Dialogs } from './dialogs';
import type { VaultService } from './vault/vault.service';
import type { ClientsService } from './clients/clients.service';
import type { TreatmentPlanService } from './clients/treatment-plan.service';
import type { NotesService } from './notes/notes.service';
import type { MeasuresService } from './measures/measures.service';
import type { MedicationsService } from './medications/medications.service';
import type { EngagementService } from './engagement/engagement.service';
import type { CaseloadService } from './caseload/caseload.service';
import type { ClientImportService } from './caseload/client-import.service';
import type { SummaryService } from './summary/summary.service';
import type { BackupService } from './backup/backup.service';
import type { ExportService } from './export/export.service';
import { activityHandlers } from './activity/activity.handlers';
import { backupHandlers } from './backup/backup.handlers';
import { caseloadHandlers } from './caseload/caseload.handlers';
import { engagementHandlers } from './engagement/engagement.handlers';
import { clientsHandlers } from './clients/clients.handlers';
import { exportHandlers } from './export/export.handlers';
import { measuresHandlers } from './measures/measures.handlers';
import { medicationsHandlers } from './medications/medications.handlers';
import { notesHandlers } from './notes/notes.handlers';
import { summaryHandlers } from './summary/summary.handlers';
import { settingsHandlers } from './vault/settings.handlers';
import { vaultHandlers } from './vault/vault.handlers';

/**
 * Every contract method mapped to the service that does the work, one domain's handlers per file (the
 * `*.handlers.ts` beside each service, answering that domain's file in shared/contract/). Each domain
 * file must handle exactly its own methods and this join must cover every domain, so the compiler
 * rejects a method without a handler or with two. Inputs arrive already validated (ipc/dispatch.ts).
 */
export function createHandlers(deps: {
  vault: VaultService;
  dialogs: Dialogs;
  clients: ClientsService;
  plans: TreatmentPlanService;
  notes: NotesService;
  measures: MeasuresService;
  medications: MedicationsService;
  engagement: EngagementService;
  caseload: CaseloadService;
  clientImport: ClientImportService;
  summaries: SummaryService;
  backups: BackupService;
  exports: ExportService;
}): Handlers {
  return {
    ...vaultHandlers(deps),
    ...settingsHandlers(deps),
    ...clientsHandlers(deps),
    ...activityHandlers(deps),
    ...notesHandlers(deps),
    ...measuresHandlers(deps),
    ...medicationsHandlers(deps),
    ...engagementHandlers(deps),
    ...caseloadHandlers(deps),
    ...summaryHandlers(deps),
    ...backupHandlers(deps),
    ...exportHandlers(deps),
  };
}
