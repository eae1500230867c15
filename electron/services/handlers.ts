import { AppError } from '../../shared/errors';
import type { Handlers } from './ipc/dispatch';
import type { Dialogs } from './dialogs';
import type { VaultService } from './vault/vault.service';
import type { ClientsService } from './clients/clients.service';
import type { TreatmentPlanService } from './clients/treatment-plan.service';
import type { NotesService } from './notes/notes.service';
import type { MeasuresService } from './measures/measures.service';
import type { SummaryService } from './summary/summary.service';
import type { BackupService } from './backup/backup.service';
import type { ExportService } from './export/export.service';
import { listActivity } from './activity/activity-log';
import { verifyRecords } from './activity/record-verification';
import { writeRecoveryKeyFile } from './vault/recovery-key-file';

/** Maps each contract method to the service that does the work. Inputs arrive already validated. */
export function createHandlers(deps: {
  vault: VaultService;
  dialogs: Dialogs;
  clients: ClientsService;
  plans: TreatmentPlanService;
  notes: NotesService;
  measures: MeasuresService;
  summaries: SummaryService;
  backups: BackupService;
  exports: ExportService;
}): Handlers {
  const { vault, dialogs, clients, plans, notes, measures, summaries, backups, exports } = deps;
  /** VAULT_LOCKED unless the vault is open, for handlers that would otherwise act, or open a dialog, while locked. */
  const requireUnlocked = (): void => void vault.database();
  return {
    getVaultStatus: () => vault.status(),
    createVault: ({ passphrase }) => vault.create(passphrase),
    unlockVault: ({ passphrase }) => vault.unlock(passphrase),
    unlockWithRecoveryKey: ({ recoveryKey, newPassphrase }) => vault.unlockWithRecoveryKey(recoveryKey, newPassphrase),
    lockVault: () => {
      vault.lock('user');
      return vault.status();
    },
    changePassphrase: async ({ currentPassphrase, newPassphrase }) => {
      await vault.changePassphrase(currentPassphrase, newPassphrase);
      return {};
    },
    describeVaultProtection: () => vault.describe(),
    confirmRecoveryKeySaved: () => vault.confirmRecoveryKeySaved(),
    regenerateRecoveryKey: () => vault.regenerateRecoveryKey(),
    saveRecoveryKeyToFile: async ({ recoveryKey }) => {
      // Only the vault's real, current key may be written, so a typo never ends up as the paper copy.
      if (!vault.verifyRecoveryKey(recoveryKey)) {
        throw new AppError('WRONG_RECOVERY_KEY', 'That is not the current recovery key of this vault.');
      }
      const file = await dialogs.chooseSavePath({
        title: 'Save recovery key',
        suggestedName: 'alliance-notes-recovery-key.txt',
        filters: [{ name: 'Text', extensions: ['txt'] }],
      });
      if (file === null) return { saved: false, path: null };
      try {
        await writeRecoveryKeyFile(file, recoveryKey, vault.dir);
      } catch {
        throw new AppError('IO_ERROR', 'The recovery key could not be saved there. Choose another place (a USB drive works).');
      }
      return { saved: true, path: file };
    },
    reportActivity: () => {
      requireUnlocked();
      vault.noteActivity();
      return {};
    },
    getSettings: () => vault.settings(),
    updateSettings: (changes) => vault.updateSettings(changes),

    listClients: (query) => clients.list(query),
    getClient: ({ id }) => clients.get(id),
    suggestClientCode: async () => ({ code: await clients.suggestCode() }),
    createClient: ({ fields }) => clients.create(fields),
    updateClient: ({ id, fields }) => clients.update(id, fields),
    setClientStatus: ({ id, status, dischargeDate, dischargeReason }) =>
      clients.setStatus(id, status, dischargeDate, dischargeReason),
    eraseClient: async ({ id, confirmName }) => {
      await clients.erase(id, confirmName);
      return { erased: true as const };
    },
    addDiagnosis: (input) => plans.addDiagnosis(input),
    removeDiagnosis: (input) => plans.removeDiagnosis(input),
    addGoal: (input) => plans.addGoal(input),
    updateGoal: (input) => plans.updateGoal(input),
    changeGoalStatus: (input) => plans.changeGoalStatus(input),
    deleteGoal: ({ goalId }) => plans.deleteGoal(goalId),
    listActivity: (options) => listActivity(vault.database(), options),
    verifyActivityLog: () => verifyRecords(vault),

    listNoteTemplates: async () => ({ templates: await notes.listTemplates() }),
    saveNoteTemplate: (input) => notes.saveTemplate(input),
    createSession: (input) => notes.createSession(input),
    updateSession: (input) => notes.updateSession(input),
    listSessions: async ({ clientId }) => ({ sessions: await notes.listSessions(clientId) }),
    listSessionApproaches: async ({ clientId }) => ({ sessions: await notes.listApproaches(clientId) }),
    getNote: ({ noteId }) => notes.getNote(noteId),
    saveNoteDraft: (input) => notes.saveDraft(input),
    signNote: (input) => notes.sign(input),
    addAddendum: (input) => notes.addAddendum(input),
    deleteDraftSession: async (input) => {
      await notes.deleteDraftSession(input);
      return {};
    },
    voidNote: (input) => notes.voidNote(input),
    listUnsignedNotes: async () => ({ notes: await notes.listUnsigned() }),
    search: async (input) => ({ results: await notes.search(input) }),
    listMeasures: async () => ({ measures: await measures.listMeasures() }),
    saveCustomMeasure: (input) => measures.saveCustomMeasure(input),
    getMeasureItemNames: async () => ({ names: await measures.itemNames() }),
    saveMeasureItemNames: async (input) => ({ names: await measures.saveItemNames(input) }),
    recordMeasure: (input) => measures.recordMeasure(input),
    deleteMeasureResult: async ({ id }) => {
      await measures.deleteMeasureResult(id);
      return {};
    },
    recordLateEntry: (input) => measures.recordLateEntry(input),
    strikeOutMeasureResult: async (input) => {
      await measures.strikeOutResult(input);
      return {};
    },
    listMeasureResults: ({ clientId }) => measures.listResults(clientId),
    listClientAlerts: async ({ clientId }) => ({ alerts: await measures.listAlerts(clientId) }),
    acknowledgeAlert: (input) => measures.acknowledgeAlert(input),
    getPracticeOverview: async () => ({ clients: await measures.practiceOverview() }),
    getSummaryChoices: ({ clientId }) => summaries.choices(clientId),
    previewProgressSummary: (options) => summaries.preview(options),
    exportProgressSummary: (options) => summaries.export(options),
    showInFolder: async ({ path }) => {
      requireUnlocked();
      await summaries.showInFolder(path);
      return {};
    },

    getBackupStatus: () => backups.status(),
    setBackupPassphrase: ({ passphrase }) => backups.setPassphrase(passphrase),
    chooseBackupFolder: () => backups.chooseFolder(),
    setAutomaticBackups: ({ enabled }) => backups.setAutomatic(enabled),
    backupNow: ({ destination }) => backups.backupNow(destination),
    chooseBackupFile: () => backups.chooseFile(),
    verifyBackup: ({ fileId, passphrase }) => backups.verify(fileId, passphrase),
    prepareRestore: ({ fileId, backupPassphrase, vaultPassphrase }) => backups.prepareRestore(fileId, backupPassphrase, vaultPassphrase),
    // A restore staged while the vault was unlocked is discarded when it locks (BackupService).
    confirmRestore: ({ restoreId }) => backups.confirmRestore(restoreId),
    cancelRestore: async ({ restoreId }) => {
      await backups.cancelRestore(restoreId);
      return {};
    },
    exportData: (input) => {
      // A plain export of the whole practice would otherwise open the save dialog before it meets the lock.
      requireUnlocked();
      return exports.export(input);
    },
  };
}
