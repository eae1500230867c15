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
import { SummaryService } from './summary/summary.service';

export interface AppServicesOptions {
  vaultDir: string;
  dialogs: Dialogs;
  /** Pushes an event to the renderer (IPC in Electron, server-sent events in the test host). */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  nativeBinding?: string;
  kdfCost?: VaultServiceOptions['kdfCost'];
}

export interface AppServices {
  vault: VaultService;
  clients: ClientsService;
  plans: TreatmentPlanService;
  notes: NotesService;
  measures: MeasuresService;
  summaries: SummaryService;
  dispatch: Dispatch;
  /** Locks the vault (closing the database) before the process ends. */
  dispose(): void;
}

/** The composition root shared by the Electron main process and the loopback test host. */
export function createAppServices(options: AppServicesOptions): AppServices {
  const vault = new VaultService({
    dir: options.vaultDir,
    appVersion: APP_VERSION,
    nativeBinding: options.nativeBinding,
    kdfCost: options.kdfCost,
    onStatusChange: (status: VaultStatus) => options.emit('vaultStateChanged', status),
  });
  const database = () => vault.database();
  const clients = new ClientsService({ db: database });
  const plans = new TreatmentPlanService({ db: database });
  const notes = new NotesService({ db: database });
  const measures = new MeasuresService({ db: database });
  const summaries = new SummaryService({ db: database, settings: () => vault.settings(), dialogs: options.dialogs });
  const dispatch = createDispatch(createHandlers({ vault, dialogs: options.dialogs, clients, plans, notes, measures, summaries }), {
    // Only the method and error class: a message could contain note text.
    onInternalError: (method, error) =>
      console.error(`[alliance] ${method} failed: ${error instanceof Error ? error.name : typeof error}`),
  });
  return { vault, clients, plans, notes, measures, summaries, dispatch, dispose: () => vault.lock('system') };
}
