import type { EventName, EventPayload, VaultStatus } from '../../shared/contract';
import { APP_VERSION } from '../../shared/app-info';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import { createHandlers } from './handlers';
import type { Dialogs } from './dialogs';
import { VaultService, type VaultServiceOptions } from './vault/vault.service';
import { ClientsService } from './clients/clients.service';
import { TreatmentPlanService } from './clients/treatment-plan.service';
import { NotesService } from './notes/notes.service';
import { MeasuresService } from './measures/measures.service';
import { MedicationsService } from './medications/medications.service';
import { EngagementService } from './engagement/engagement.service';
import { CaseloadService } from './caseload/caseload.service';
import { ClientImportService } from './caseload/client-import.service';
import { SummaryService } from './summary/summary.service';
import { BackupService } from './backup/backup.service';
import { ExportService } from './export/export.service';
import { removeLeftoverStagingFolders } from './backup/staging-folders';

export interface AppServicesOptions {
  vaultDir: string;
  dialogs: Dialogs;
  /** Pushes an event to the renderer (IPC in Electron, server-sent events in the test host). */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  nativeBinding?: string;
  kdfCost?: VaultServiceOptions['kdfCost'];
  /** The test host's cheaper backup scrypt cost (BackupServiceOptions.scryptLogN); the app leaves it unset. */
  backupScryptLogN?: number;
}

export interface AppServices {
  vault: VaultService;
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
  dispatch: Dispatch;
  /** Locks the vault (closing the database) before the process ends. */
  dispose(): void;
  /** On quit: the automatic backup if one is due (unlocked vaults only), then dispose. */
  shutdown(): Promise<void>;
}

/** How often an unlocked vault checks whether its daily automatic backup is due. */
const AUTOMATIC_BACKUP_CHECK_MS = 60 * 60 * 1000;
/** The first check waits a little after unlock, so unlocking stays quick. */
const AUTOMATIC_BACKUP_FIRST_CHECK_MS = 60 * 1000;

/** The composition root shared by the Electron main process and the loopback test host. */
export function createAppServices(options: AppServicesOptions): AppServices {
  const vault = new VaultService({
    dir: options.vaultDir,
    appVersion: APP_VERSION,
    nativeBinding: options.nativeBinding,
    kdfCost: options.kdfCost,
    onStatusChange: (status: VaultStatus) => {
      options.emit('vaultStateChanged', status);
      scheduleAutomaticBackups(status.state === 'unlocked');
      if (status.state !== 'unlocked') void backups.discardRestoresStagedWhileUnlocked().catch(() => undefined);
    },
  });
  const database = () => vault.database();
  const clients = new ClientsService({ db: database });
  const plans = new TreatmentPlanService({ db: database });
  const notes = new NotesService({ db: database });
  const measures = new MeasuresService({ db: database });
  const medications = new MedicationsService({ db: database });
  const summaries = new SummaryService({ db: database, settings: () => vault.settings(), dialogs: options.dialogs });
  const backups = new BackupService({
    vault,
    dialogs: options.dialogs,
    appVersion: APP_VERSION,
    emitProgress: (progress) => options.emit('backupProgress', progress),
    onSaved: (file) => summaries.allowReveal(file),
    nativeBinding: options.nativeBinding,
    ...(options.backupScryptLogN !== undefined ? { scryptLogN: options.backupScryptLogN } : {}),
  });
  const engagement = new EngagementService({ db: database, dialogs: options.dialogs, onSaved: (file) => summaries.allowReveal(file) });
  const caseload = new CaseloadService({ db: database });
  const clientImport = new ClientImportService({ db: database, dialogs: options.dialogs });
  const exports = new ExportService({
    db: database,
    dialogs: options.dialogs,
    backupPassphrase: () => backups.storedPassphrase(),
    appVersion: APP_VERSION,
    onProgress: (progress) => options.emit('backupProgress', progress),
    onSaved: (file) => summaries.allowReveal(file),
  });

  // A restore that crashed or was killed part-way left its staging folder (perhaps a whole staged copy
  // of the vault) in the vault's folder; unlocking sweeps too (VaultService).
  void removeLeftoverStagingFolders(options.vaultDir);

  let firstCheck: NodeJS.Timeout | null = null;
  let hourly: NodeJS.Timeout | null = null;
  function scheduleAutomaticBackups(unlocked: boolean): void {
    if (firstCheck) clearTimeout(firstCheck);
    if (hourly) clearInterval(hourly);
    firstCheck = hourly = null;
    if (!unlocked) return;
    // A failure is recorded as the last failure for the Backups page; locking part-way through a run
    // rejects too, and must not become an unhandled rejection that ends the process.
    const check = () => void backups.runAutomaticIfDue().catch(() => null);
    firstCheck = setTimeout(check, AUTOMATIC_BACKUP_FIRST_CHECK_MS);
    hourly = setInterval(check, AUTOMATIC_BACKUP_CHECK_MS);
    // Timers must never keep a quitting process alive.
    firstCheck.unref();
    hourly.unref();
  }

  const dispose = () => {
    scheduleAutomaticBackups(false);
    void backups.dispose();
    vault.lock('system');
  };
  const dispatch = createDispatch(createHandlers({ vault, dialogs: options.dialogs, clients, plans, notes, measures, medications, engagement, caseload, clientImport, summaries, backups, exports }), {
    // Only the method and error class: a message could contain note text.
    onInternalError: (method, error) =>
      console.error(`[alliance] ${method} failed: ${error instanceof Error ? error.name : typeof error}`),
  });
  return {
    vault,
    clients,
    plans,
    notes,
    measures,
    medications,
    engagement,
    caseload,
    clientImport,
    summaries,
    backups,
    exports,
    dispatch,
    dispose,
    shutdown: async () => {
      scheduleAutomaticBackups(false);
      await backups.runAutomaticIfDue().catch(() => null);
      dispose();
    },
  };
}
