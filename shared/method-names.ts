import type { EventName, MethodName } from './contract';

/**
 * The contract's method and event names and their IPC channels, without the zod schemas. The
 * sandboxed preload can load no package but Electron's own, so it cannot import contract.ts (which would pull
 * zod in); it and the main side both take the names from here, so they agree by construction.
 *
 * The `Record<…, true>` types make the compiler reject a missing or unknown name, and
 * test/unit/method-names.test.ts checks the lists and channels against the contract at run time.
 */
const methods: Record<MethodName, true> = {
  getVaultStatus: true,
  createVault: true,
  unlockVault: true,
  unlockWithRecoveryKey: true,
  lockVault: true,
  changePassphrase: true,
  describeVaultProtection: true,
  confirmRecoveryKeySaved: true,
  regenerateRecoveryKey: true,
  saveRecoveryKeyToFile: true,
  reportActivity: true,
  getSettings: true,
  updateSettings: true,
  listClients: true,
  getClient: true,
  suggestClientCode: true,
  createClient: true,
  updateClient: true,
  setClientStatus: true,
  eraseClient: true,
  addDiagnosis: true,
  removeDiagnosis: true,
  addGoal: true,
  updateGoal: true,
  changeGoalStatus: true,
  deleteGoal: true,
  listActivity: true,
  verifyActivityLog: true,
  listNoteTemplates: true,
  saveNoteTemplate: true,
  createSession: true,
  updateSession: true,
  listSessions: true,
  listSessionApproaches: true,
  getNote: true,
  saveNoteDraft: true,
  signNote: true,
  addAddendum: true,
  deleteDraftSession: true,
  voidNote: true,
  listUnsignedNotes: true,
  search: true,
  listMeasures: true,
  saveCustomMeasure: true,
  getMeasureItemNames: true,
  saveMeasureItemNames: true,
  recordMeasure: true,
  deleteMeasureResult: true,
  recordLateEntry: true,
  strikeOutMeasureResult: true,
  listMeasureResults: true,
  listClientAlerts: true,
  acknowledgeAlert: true,
  getPracticeOverview: true,
  getSummaryChoices: true,
  previewProgressSummary: true,
  exportProgressSummary: true,
  showInFolder: true,
  getBackupStatus: true,
  setBackupPassphrase: true,
  chooseBackupFolder: true,
  setAutomaticBackups: true,
  backupNow: true,
  chooseBackupFile: true,
  verifyBackup: true,
  prepareRestore: true,
  confirmRestore: true,
  cancelRestore: true,
  exportData: true,
};

const eventKeys: Record<EventName, true> = {
  vaultStateChanged: true,
  backupProgress: true,
};

export const methodNames: readonly MethodName[] = Object.freeze(Object.keys(methods) as MethodName[]);
export const eventNames: readonly EventName[] = Object.freeze(Object.keys(eventKeys) as EventName[]);

/** The IPC channel of a method or event; must stay equal to `channelOf` in contract.ts (tested). */
export const channelOf = (name: MethodName | EventName): string => `alliance:${name}`;
