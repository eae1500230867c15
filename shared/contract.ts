import { z } from 'zod';
import type { Result } from './errors';
import { AUTO_LOCK_MINUTES } from './limits';
import {
  activityEntrySchema,
  activityLogVerdictSchema,
  clientFieldsSchema,
  clientSchema,
  clientStatusSchema,
  goalInputSchema,
  goalStatusSchema,
  idSchema,
  isoDateSchema,
  listClientsInputSchema,
  listClientsOutputSchema,
} from './clients';
import { noteTemplateSchema } from './note-templates';
import { measureDefinitionSchema } from './measures/definition';
import { allItemNamesSchema, saveItemNamesInputSchema } from './measure-item-names';
import {
  acknowledgeAlertInputSchema,
  clientAlertSchema,
  measureResultSchema,
  overviewClientSchema,
  recordLateEntryInputSchema,
  recordMeasureInputSchema,
  saveCustomMeasureInputSchema,
} from './measure-records';
import {
  noteContentSchema,
  noteSchema,
  saveTemplateInputSchema,
  searchInputSchema,
  searchResultSchema,
  sessionFieldsSchema,
  sessionApproachRowSchema,
  sessionSummarySchema,
  strikeOutResultInputSchema,
  unsignedNoteSchema,
  voidNoteInputSchema,
} from './notes';
import { richTextDocSchema } from './rich-text';
import {
  paperSizes,
  progressSummaryOptionsSchema,
  summaryChoicesSchema,
  summaryExportSchema,
  summaryPreviewSchema,
} from './progress-summary';
import {
  backupInfoSchema,
  backupProgressSchema,
  backupRecordSchema,
  backupStatusSchema,
  chosenFileSchema,
  exportDataInputSchema,
  exportResultSchema,
  prepareRestoreInputSchema,
  preparedRestoreSchema,
  verifyBackupInputSchema,
} from './backup';

export { AUTO_LOCK_MINUTES };

/**
 * Every call between the renderer and the main process, declared once. The main side (and the test
 * host) validates each input with these schemas before a service sees it; the types of both sides are
 * derived from here so they cannot drift. Every input is a plain JSON object.
 */
const noInput = z.strictObject({});
const passphrase = z.string().min(1, 'Enter a passphrase.').max(1024, 'A passphrase can be at most 1,024 characters.');
const recoveryKeyText = z.string().min(1, 'Enter your recovery key.').max(200, 'That is too long to be a recovery key.');

export const vaultStateSchema = z.enum(['absent', 'locked', 'unlocked', 'unreadable']);
/** `damaged`: the integrity check that runs after an unlock found damage and closed the vault. */
export const lockReasonSchema = z.enum(['user', 'idle', 'system', 'damaged']);

export const vaultStatusSchema = z.strictObject({
  state: vaultStateSchema,
  /** Why the vault was last locked, so the unlock screen can say "Locked after 10 minutes idle". */
  lockReason: lockReasonSchema.nullable(),
  /** Unlocked, but the practitioner has not yet confirmed they stored the recovery key. */
  recoveryKeyPending: z.boolean(),
  /** Milliseconds before another unlock attempt is accepted (0 when none is pending). */
  retryAfterMs: z.number().int().nonnegative(),
  /** For `unreadable`: why the vault cannot be opened. */
  problem: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
});

export const vaultProtectionSchema = z.strictObject({
  location: z.string(),
  databaseCipher: z.string(),
  keyWrapping: z.string(),
  kdf: z.strictObject({
    algorithm: z.literal('argon2id'),
    memoryMiB: z.number(),
    iterations: z.number().int(),
    parallelism: z.number().int(),
  }),
  createdAt: z.string(),
  passphraseChangedAt: z.string(),
  recoveryKeyCreatedAt: z.string(),
  recoveryKeyConfirmedAt: z.string().nullable(),
});

export const settingsSchema = z.strictObject({
  autoLockMinutes: z.number().int().min(AUTO_LOCK_MINUTES.min).max(AUTO_LOCK_MINUTES.max),
  /** Who signs notes, as printed under a signature ("Dr. A. Example"). */
  practitionerName: z.string().trim().max(200, 'A name can be at most 200 characters.'),
  /** Credentials printed after the name ("PhD, Licensed Psychologist"). */
  credentials: z.string().trim().max(200, 'Credentials can be at most 200 characters.'),
  /** Printed in the header of progress summaries; empty falls back to the practitioner's name. */
  practiceName: z.string().trim().max(200, 'A practice name can be at most 200 characters.'),
  licenceNumber: z.string().trim().max(100, 'A licence number can be at most 100 characters.'),
  /** Address, phone or email, one per line, printed under the signature of a summary. */
  practiceContact: z.string().trim().max(500, 'Contact details can be at most 500 characters.'),
  paperSize: z.enum(paperSizes),
});


const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const contract = {
  getVaultStatus: method(noInput, vaultStatusSchema),
  createVault: method(z.strictObject({ passphrase }), z.strictObject({ recoveryKey: z.string() })),
  unlockVault: method(z.strictObject({ passphrase }), vaultStatusSchema),
  unlockWithRecoveryKey: method(
    z.strictObject({ recoveryKey: recoveryKeyText, newPassphrase: passphrase }),
    vaultStatusSchema,
  ),
  lockVault: method(noInput, vaultStatusSchema),
  changePassphrase: method(z.strictObject({ currentPassphrase: passphrase, newPassphrase: passphrase }), z.strictObject({})),
  describeVaultProtection: method(noInput, vaultProtectionSchema),
  confirmRecoveryKeySaved: method(noInput, vaultStatusSchema),
  /** Replaces the recovery key; the old one stops working. Returns the new key to show once. */
  regenerateRecoveryKey: method(noInput, z.strictObject({ recoveryKey: z.string() })),
  /** Asks where to save, then writes the key to a text file. `saved: false` when the user cancelled. */
  saveRecoveryKeyToFile: method(
    z.strictObject({ recoveryKey: recoveryKeyText }),
    z.strictObject({ saved: z.boolean(), path: z.string().nullable() }),
  ),
  /** The renderer reports user activity (throttled) so the idle auto-lock can be reset. */
  reportActivity: method(noInput, z.strictObject({})),
  getSettings: method(noInput, settingsSchema),
  updateSettings: method(settingsSchema.partial().strict(), settingsSchema),

  // Clients and treatment plans. Every change returns the whole client so the screen shows what was saved.
  /** Search, filter and sort the client list; `query` matches names, preferred names, codes and tags. */
  listClients: method(listClientsInputSchema, listClientsOutputSchema),
  getClient: method(z.strictObject({ id: idSchema }), clientSchema),
  /** The next free client code, offered (editable) in the new-client form. */
  suggestClientCode: method(noInput, z.strictObject({ code: z.string() })),
  createClient: method(z.strictObject({ fields: clientFieldsSchema }), clientSchema),
  updateClient: method(z.strictObject({ id: idSchema, fields: clientFieldsSchema }), clientSchema),
  /** Pause, reactivate or discharge (the normal end of a record). */
  setClientStatus: method(
    z.strictObject({
      id: idSchema,
      status: clientStatusSchema,
      dischargeDate: isoDateSchema.nullable().default(null),
      dischargeReason: z.string().max(500, 'Discharge reason can be at most 500 characters.').default(''),
    }),
    clientSchema,
  ),
  /** Permanent deletion (right to erasure): the client's legal name must be typed to confirm. */
  eraseClient: method(
    z.strictObject({ id: idSchema, confirmName: z.string().max(200) }),
    z.strictObject({ erased: z.literal(true) }),
  ),
  addDiagnosis: method(
    z.strictObject({
      clientId: idSchema,
      code: z.string().max(20, 'A diagnosis code can be at most 20 characters.'),
      label: z.string().max(200, 'A diagnosis can be at most 200 characters.'),
      dateAdded: isoDateSchema,
    }),
    clientSchema,
  ),
  /** Marks a diagnosis as no longer current; it stays in the record's history. */
  removeDiagnosis: method(
    z.strictObject({ clientId: idSchema, diagnosisId: idSchema, dateRemoved: isoDateSchema }),
    clientSchema,
  ),
  addGoal: method(goalInputSchema.extend({ clientId: idSchema, dateSet: isoDateSchema }), clientSchema),
  updateGoal: method(goalInputSchema.extend({ goalId: idSchema }), clientSchema),
  changeGoalStatus: method(
    z.strictObject({ goalId: idSchema, status: goalStatusSchema, date: isoDateSchema }),
    clientSchema,
  ),
  /** Only for a goal no note refers to (a mistake); otherwise CONFLICT, and the goal can be discontinued. */
  deleteGoal: method(z.strictObject({ goalId: idSchema }), clientSchema),
  /** Newest first; one client's entries, or the whole practice's. */
  listActivity: method(
    z.strictObject({
      clientId: idSchema.optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.strictObject({ entries: z.array(activityEntrySchema), hasMore: z.boolean() }),
  ),
  /**
   * "Verify records": recomputes the activity log's hash chain (against the anchor kept in the vault
   * header) and the hash of every signed note and addendum; names the first broken entry and each
   * record that does not match. Runs on a worker thread.
   */
  verifyActivityLog: method(noInput, activityLogVerdictSchema),

  // Sessions and notes.
  /** The latest version of every template, built-in ones first. */
  listNoteTemplates: method(noInput, z.strictObject({ templates: z.array(noteTemplateSchema) })),
  /** Saves a copy (id null) or a new version of a custom template; built-in templates are read-only. */
  saveNoteTemplate: method(saveTemplateInputSchema, noteTemplateSchema),
  /** Records a session and starts its note as a draft (homework pre-filled from the previous note). */
  createSession: method(
    z.strictObject({ clientId: idSchema, session: sessionFieldsSchema, templateId: z.string().min(1).max(64) }),
    noteSchema,
  ),
  /** Corrects date, time and the like while the note is a draft; CONFLICT once signed. */
  updateSession: method(z.strictObject({ noteId: idSchema, session: sessionFieldsSchema }), noteSchema),
  /** A client's sessions, newest first: the client timeline. */
  listSessions: method(z.strictObject({ clientId: idSchema }), z.strictObject({ sessions: z.array(sessionSummarySchema) })),
  /** The approach recorded in each of a client's notes, oldest session first (voided sessions left out). */
  listSessionApproaches: method(z.strictObject({ clientId: idSchema }), z.strictObject({ sessions: z.array(sessionApproachRowSchema) })),
  getNote: method(z.strictObject({ noteId: idSchema }), noteSchema),
  /** Autosave. CONFLICT when the note is signed or `baseRevision` is not the saved one. */
  saveNoteDraft: method(
    z.strictObject({
      noteId: idSchema,
      baseRevision: z.number().int().nonnegative(),
      content: noteContentSchema,
      processNote: richTextDocSchema.nullable(),
    }),
    z.strictObject({ revision: z.number().int(), savedAt: z.string() }),
  ),
  /** Signs with the name and credentials from Settings; the note is read-only afterwards. */
  signNote: method(z.strictObject({ noteId: idSchema, baseRevision: z.number().int().nonnegative() }), noteSchema),
  /** A dated, signed correction appended to a signed note; the original never changes. */
  addAddendum: method(z.strictObject({ noteId: idSchema, text: richTextDocSchema }), noteSchema),
  /** Deletes a session created by mistake, with its draft note and results; CONFLICT once signed. */
  deleteDraftSession: method(z.strictObject({ noteId: idSchema }), z.strictObject({})),
  /** Voids a signed note with a reason (a signed addendum): kept, but out of charts, alerts and counts. */
  voidNote: method(voidNoteInputSchema, noteSchema),
  /** Drafts older than three days, oldest first, for the Dashboard. */
  listUnsignedNotes: method(noInput, z.strictObject({ notes: z.array(unsignedNoteSchema) })),
  /** Full-text search over notes, client names and codes, goals and tags, with highlighted snippets. */
  search: method(searchInputSchema, z.strictObject({ results: z.array(searchResultSchema) })),

  // Measures, alerts and the practice overview.
  /** The latest version of every measure, built-in ones first. */
  listMeasures: method(noInput, z.strictObject({ measures: z.array(measureDefinitionSchema) })),
  /** Saves a new custom measure (id null) or its next version; built-in measures are read-only. */
  saveCustomMeasure: method(saveCustomMeasureInputSchema, measureDefinitionSchema),
  /** The practitioner's names for the items of score-only measures, by measure and item. */
  getMeasureItemNames: method(noInput, z.strictObject({ names: allItemNamesSchema })),
  /** Saves the item names of one score-only measure (empty names are cleared); answers with them all. */
  saveMeasureItemNames: method(saveItemNamesInputSchema, z.strictObject({ names: allItemNamesSchema })),
  /** Scores and stores one result, with or without a session; refuses out-of-range answers. */
  recordMeasure: method(recordMeasureInputSchema, measureResultSchema),
  /** Removes a result entered by mistake; a signed session's results are struck out instead. */
  deleteMeasureResult: method(z.strictObject({ id: idSchema }), z.strictObject({})),
  /** A result for a signed session, entered with a signed addendum saying why it is late. */
  recordLateEntry: method(recordLateEntryInputSchema, measureResultSchema),
  /** Strikes out a signed session's result recorded in error, through a signed addendum with the reason. */
  strikeOutMeasureResult: method(strikeOutResultInputSchema, z.strictObject({})),
  /** A client's results, oldest first, with the definition versions they were scored with. */
  listMeasureResults: method(
    z.strictObject({ clientId: idSchema }),
    z.strictObject({ results: z.array(measureResultSchema), definitions: z.array(measureDefinitionSchema) }),
  ),
  /** Rupture and outcome alerts about a client's latest results, most severe first. */
  listClientAlerts: method(z.strictObject({ clientId: idSchema }), z.strictObject({ alerts: z.array(clientAlertSchema) })),
  /** Keeps the practitioner's short note on an alert. */
  acknowledgeAlert: method(acknowledgeAlertInputSchema, clientAlertSchema),
  /** Every active client with latest alliance score, trend, open alerts, most urgent first. */
  getPracticeOverview: method(noInput, z.strictObject({ clients: z.array(overviewClientSchema) })),

  // PDF progress summaries, made in the main process and written only where the practitioner chooses.
  /** The date span and note sections the export dialog offers for a client. */
  getSummaryChoices: method(z.strictObject({ clientId: idSchema }), summaryChoicesSchema),
  /** Builds the summary in memory for the dialog's preview; nothing is written or logged. */
  previewProgressSummary: method(progressSummaryOptionsSchema, summaryPreviewSchema),
  /** Asks where to save, writes the PDF atomically and records the export (range and parts, never content). */
  exportProgressSummary: method(progressSummaryOptionsSchema, summaryExportSchema),
  /** Shows a file this app exported in this session in the system's file manager. */
  showInFolder: method(z.strictObject({ path: z.string().min(1).max(4096) }), z.strictObject({})),

  // Encrypted backups, verified restore and open-format export (shared/backup.ts).
  getBackupStatus: method(noInput, backupStatusSchema),
  /** Sets the passphrase backups are encrypted with; it may equal the vault passphrase if the user chooses. */
  setBackupPassphrase: method(z.strictObject({ passphrase }), backupStatusSchema),
  /** Asks for the folder automatic backups go to; a cancelled dialog changes nothing. */
  chooseBackupFolder: method(noInput, backupStatusSchema),
  /** Daily (and on quit) backups to the chosen folder; needs a folder and a backup passphrase. */
  setAutomaticBackups: method(z.strictObject({ enabled: z.boolean() }), backupStatusSchema),
  /** `folder`: the folder from Settings; `choose`: ask where. `backup: null` when the dialog was cancelled. */
  backupNow: method(
    z.strictObject({ destination: z.enum(['folder', 'choose']) }),
    z.strictObject({ backup: backupRecordSchema.nullable() }),
  ),
  /** Asks for a backup file to verify or restore; works while locked. `file: null` when cancelled. */
  chooseBackupFile: method(noInput, z.strictObject({ file: chosenFileSchema.nullable() })),
  /** Decrypts and checks a backup fully; changes nothing. */
  verifyBackup: method(verifyBackupInputSchema, backupInfoSchema),
  /** Verifies a backup into an encrypted staging copy and reports what it holds beside the current vault. */
  prepareRestore: method(prepareRestoreInputSchema, preparedRestoreSchema),
  /** Swaps the staged copy in; the old vault is kept until the restored one has opened and migrated. */
  confirmRestore: method(
    z.strictObject({ restoreId: z.string().min(1).max(64) }),
    z.strictObject({
      status: vaultStatusSchema,
      recoveryKey: z.string().nullable(),
      /** "Verify records" run on the restored vault; null if it could not finish (the vault locked). */
      verification: activityLogVerdictSchema.nullable(),
    }),
  ),
  cancelRestore: method(z.strictObject({ restoreId: z.string().min(1).max(64) }), z.strictObject({})),
  /** All data, or one client, as JSON/CSV plus Markdown notes, age-encrypted unless plain is confirmed. */
  exportData: method(exportDataInputSchema, exportResultSchema),
} as const;

/** Events pushed from the main side to the renderer. */
export const events = {
  vaultStateChanged: vaultStatusSchema,
  backupProgress: backupProgressSchema,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type EventName = keyof typeof events;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export type VaultStatus = z.output<typeof vaultStatusSchema>;
export type VaultState = z.output<typeof vaultStateSchema>;
export type LockReason = z.output<typeof lockReasonSchema>;
export type VaultProtection = z.output<typeof vaultProtectionSchema>;
export type Settings = z.output<typeof settingsSchema>;

export const methodNames = Object.keys(contract) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

/** The IPC channel of a method; the preload and main derive channels from here only. */
export const channelOf = (name: MethodName | EventName): string => `alliance:${name}`;

/** The arguments of a call: methods whose input has no required field may be called with none. */
export type CallArgs<M extends MethodName> = Record<string, never> extends MethodInput<M>
  ? [input?: MethodInput<M>]
  : [input: MethodInput<M>];

type Call<M extends MethodName> = (...args: CallArgs<M>) => Promise<Result<MethodOutput<M>>>;

/** The shape of `window.api`, exposed by the preload (or by the test host's injected script). */
export type AllianceApi = { readonly [M in MethodName]: Call<M> } & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};
