import { createHash } from 'node:crypto';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { HarnessDialogs } from '../../harness/harness-dialogs';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { RichTextNode } from '../../../shared/rich-text';
import { fingerprint, OTHER_PASSPHRASE, PASSPHRASE, removeDir, TEST_KDF_COST, tempDir } from './temp-vault';

/**
 * One valid input for every contract method, over a real vault with real records, for the tests that
 * call every method (contract fuzzing, locked-means-locked). The `ContractSamples` type makes the
 * compiler refuse a contract method that has no sample, so a new method cannot slip past those tests.
 */
export type ContractSamples = { [M in MethodName]: MethodInput<M> };

export const BACKUP_PASSPHRASE = 'copper meadow relay whistle 83';
const LEGAL_NAME = 'Sample Quillbrook';

/** Ids of records that exist in the sample vault, so a sample reaches the record it names. */
export interface SampleIds {
  clientId: string;
  diagnosisId: string;
  goalId: string;
  noteId: string;
  sessionId: string;
  noteRevision: number;
  measureResultId: string;
  alertKey: string;
  medicationId: string;
  allergyId: string;
  /** A file this session wrote (the backup), which "Show in folder" may reveal. */
  exportedFile: string;
  /** The backup, as chosen in the open dialog. */
  backupFileId: string;
  recoveryKey: string;
}

const doc = (...paragraphs: string[]): RichTextNode => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'bold' }] }] })),
});

const session: MethodInput<'createSession'>['session'] = { date: '2026-06-15', startTime: '10:00', durationMinutes: 50, modality: 'in_person', type: 'individual', attendance: 'attended', serviceCode: '90834' };

const clientFields: MethodInput<'createClient'>['fields'] = {
  legalName: LEGAL_NAME,
  preferredName: 'Sam',
  pronouns: 'they/them',
  dateOfBirth: '1990-04-02',
  code: 'SQ-0001',
  phone: '+44 20 7946 0000',
  email: 'sam@example.org',
  address: '1 Example Road',
  emergencyContact: { name: 'Alex Example', relation: 'sibling', phone: '+44 20 7946 0001' },
  intakeDate: '2026-01-05',
  referralSource: 'GP',
  status: 'active',
  dischargeDate: null,
  dischargeReason: '',
  presentingConcerns: doc('Trouble sleeping since a change of job.'),
  tags: ['sleep', 'work'],
  privateRemarks: 'Prefers morning appointments.',
  reviewDate: '2026-12-01',
};

const summaryOptions = (clientId: string): MethodInput<'previewProgressSummary'> => ({
  clientId,
  from: '2026-01-01',
  to: '2026-06-30',
  identity: 'codeOnly',
  sections: ['goals', 'noteExcerpts'],
  excerptSections: ['plan'],
  includeProcessNotes: false,
});

const sleepCheck: MethodInput<'saveCustomMeasure'>['measure'] = {
  name: 'Weekly sleep check',
  shortName: 'Sleep',
  rater: 'client',
  kind: 'outcome',
  instructions: 'How many nights did you sleep well?',
  scoreOnly: false,
  source: 'Synthetic, for tests.',
  items: [{ key: 'hours', text: 'Nights slept well', min: 0, max: 7, step: 1, anchors: { min: 'None', max: 'Every night' }, reverse: true }],
  subscales: [],
  total: { method: 'sum', maxMissing: 0 },
  cutoff: { value: 3, concernWhen: 'below' },
  bands: [],
  reliableChange: 2,
  flagItems: [],
};

const sampleRegimen: MethodInput<'startMedication'>['regimen'] = {
  dose: '50 mg',
  formRoute: 'tablet, by mouth',
  schedule: 'every morning',
  asNeeded: false,
  dosesPerDay: 1,
  prescriber: 'me',
  prescriberName: '',
  indication: 'Low mood',
};

const UNKNOWN_ID = '00000000-0000-4000-8000-0000000000aa';

/** Every method's sample, referring to the records in `ids`. */
export function contractSamples(ids: SampleIds): ContractSamples {
  const { clientId, goalId, noteId } = ids;
  return {
    getVaultStatus: {},
    createVault: { passphrase: PASSPHRASE },
    unlockVault: { passphrase: PASSPHRASE },
    // The same passphrase again, so a test that calls it can keep unlocking with PASSPHRASE.
    unlockWithRecoveryKey: { recoveryKey: ids.recoveryKey, newPassphrase: PASSPHRASE },
    lockVault: {},
    changePassphrase: { currentPassphrase: PASSPHRASE, newPassphrase: OTHER_PASSPHRASE },
    describeVaultProtection: {},
    confirmRecoveryKeySaved: {},
    regenerateRecoveryKey: {},
    saveRecoveryKeyToFile: { recoveryKey: ids.recoveryKey },
    reportActivity: {},
    getSettings: {},
    updateSettings: { autoLockMinutes: 15, practitionerName: 'Dr. A. Example', credentials: 'PsyD', practiceName: 'Example Practice', licenceNumber: 'PSY-0000', practiceContact: 'hello@example.org', paperSize: 'A4' },
    listClients: { query: 'Quill', status: 'all', tag: 'sleep', sort: 'name', locale: 'en-GB' },
    getClient: { id: clientId },
    suggestClientCode: {},
    createClient: { fields: { ...clientFields, code: '' } },
    updateClient: { id: clientId, fields: clientFields },
    setClientStatus: { id: clientId, status: 'discharged', dischargeDate: '2026-06-30', dischargeReason: 'Goals met.' },
    eraseClient: { id: clientId, confirmName: LEGAL_NAME },
    addDiagnosis: { clientId, code: 'F41.1', label: 'Generalized anxiety disorder', dateAdded: '2026-01-05' },
    removeDiagnosis: { clientId, diagnosisId: ids.diagnosisId, dateRemoved: '2026-06-15' },
    addGoal: { clientId, dateSet: '2026-01-05', text: 'Return to work part time', objective: 'Three days a week by spring', targetDate: '2027-03-01' },
    updateGoal: { goalId, text: 'Sleep through the night', objective: 'Five nights a week', targetDate: null },
    changeGoalStatus: { goalId, status: 'achieved', date: '2026-06-15' },
    deleteGoal: { goalId },
    listActivity: { clientId, beforeSeq: 1000, limit: 50 },
    verifyActivityLog: {},
    listNoteTemplates: {},
    saveNoteTemplate: { id: null, name: 'Brief check-in', sections: [{ key: 'summary', label: 'Summary', prompt: 'What happened since last time?', kind: 'richText' }] },
    createSession: { clientId, session, templateId: 'alliance' },
    updateSession: { noteId, session: { ...session, durationMinutes: 45 } },
    listSessions: { clientId },
    getNote: { noteId },
    saveNoteDraft: {
      noteId,
      baseRevision: ids.noteRevision,
      content: {
        sections: { goals: doc('Agreed to keep the sleep goal.'), tasks: null, bond: doc('Collaborative.'), risk: null, plan: doc('Sleep diary.') },
        goalProgress: [{ goalId, progress: 'some_progress' }],
        homeworkReview: [{ text: 'Keep a sleep diary', done: true }],
        rupture: { noted: false, description: '' },
        risk: { level: 'low', action: 'Safety plan reviewed.' },
      },
      processNote: doc('My own reaction to the session.'),
    },
    signNote: { noteId, baseRevision: ids.noteRevision },
    addAddendum: { noteId, text: doc('Correction: the session lasted 45 minutes.') },
    deleteDraftSession: { noteId },
    voidNote: { noteId, reason: 'Opened for the wrong client.' },
    listUnsignedNotes: {},
    search: { query: 'sleep', clientId, from: '2026-01-01', to: '2026-06-30', templateId: 'alliance', status: 'draft', ruptureOnly: false, limit: 30 },
    listMeasures: {},
    saveCustomMeasure: { id: null, measure: sleepCheck },
    getMeasureItemNames: {},
    saveMeasureItemNames: { measureId: 'ors', names: { item1: 'How I am doing personally' } },
    recordMeasure: { clientId, sessionId: ids.sessionId, measureId: 'sac-client', takenOn: '2026-06-15', responses: { goals: 8, tasks: 7, bond: 9 } },
    deleteMeasureResult: { id: ids.measureResultId },
    recordLateEntry: { noteId, measureId: 'sac-client', takenOn: '2026-06-15', responses: { goals: 8, tasks: 7, bond: 9 }, addendumText: 'Completed on paper in session.' },
    strikeOutMeasureResult: { resultId: ids.measureResultId, reason: 'Entered for the wrong session.' },
    listMeasureResults: { clientId },
    listSessionApproaches: { clientId },
    listClientAlerts: { clientId },
    acknowledgeAlert: { clientId, alertKey: ids.alertKey, note: 'Talked it through next session.' },
    listMedications: { clientId },
    listMedicationNames: {},
    startMedication: { clientId, name: 'Examplamine', date: '2026-02-01', reason: 'Low mood', regimen: sampleRegimen },
    changeMedication: { medicationId: ids.medicationId, kind: 'dose_change', date: '2026-06-15', reason: 'Little effect at the lower dose', regimen: { ...sampleRegimen, dose: '100 mg' } },
    addAllergy: { clientId, substance: 'Penicillin', reaction: 'Rash', kind: 'allergy', recordedOn: '2026-01-05' },
    removeAllergy: { id: ids.allergyId, reason: 'Entered for the wrong client.' },
    getMedicationSeries: { clientId },
    getFollowUpPlan: { clientId },
    setFollowUpPlan: { clientId, frequency: 'every_n_days', everyDays: 10, agreedOn: '2026-06-01' },
    listAppointments: { clientId },
    addAppointments: { clientId, date: '2026-06-22', startTime: '14:30', durationMinutes: 50, place: 'video', repeat: { every: 'weekly', count: 4 } },
    // Unknown ids: removing nothing is harmless wherever a sample is sent.
    removeAppointment: { id: UNKNOWN_ID, andLaterInSeries: true },
    getAgenda: { from: '2026-06-15', to: '2026-06-21' },
    recordMissedSession: { clientId, date: '2026-06-08', startTime: '09:00', kind: 'no_show', remark: 'No answer when called.', appointmentId: null },
    removeMissedSession: { id: UNKNOWN_ID },
    listMissedSessions: { clientId },
    addContact: { clientId, date: '2026-06-09', startTime: '10:15', kind: 'phone', direction: 'with_professional', professional: 'Example GP surgery', note: 'Asked for a call back.' },
    removeContact: { id: UNKNOWN_ID },
    listContacts: { clientId },
    listOverdueClients: {},
    exportAppointmentsCalendar: { from: '2026-06-15', to: '2026-06-21', withNames: false },
    getCaseloadOutcomes: { from: '2026-01-01', to: '2026-06-30' },
    chooseClientImportFile: {},
    checkClientImport: { dateFormat: 'dd/MM/yyyy', rows: [{ legalName: 'Imported Example', dateOfBirth: '14/03/1985', tags: 'sleep; intake' }] },
    importClients: { dateFormat: 'yyyy-MM-dd', rows: [{ legalName: 'Imported Example', dateOfBirth: '1985-03-14', code: '' }] },
    getPracticeOverview: {},
    getSummaryChoices: { clientId },
    previewProgressSummary: summaryOptions(clientId),
    exportProgressSummary: summaryOptions(clientId),
    showInFolder: { path: ids.exportedFile },
    getBackupStatus: {},
    setBackupPassphrase: { passphrase: BACKUP_PASSPHRASE },
    chooseBackupFolder: {},
    setAutomaticBackups: { enabled: true },
    backupNow: { destination: 'folder' },
    chooseBackupFile: {},
    verifyBackup: { fileId: ids.backupFileId, passphrase: BACKUP_PASSPHRASE },
    prepareRestore: { fileId: ids.backupFileId, backupPassphrase: BACKUP_PASSPHRASE, vaultPassphrase: PASSPHRASE },
    // No restore is pending: a sample must not be able to swap the vault by accident.
    confirmRestore: { restoreId: '00000000-0000-4000-8000-000000000000' },
    cancelRestore: { restoreId: '00000000-0000-4000-8000-000000000000' },
    // Plain and for the whole practice: the path that reaches the save dialog soonest.
    exportData: { formats: ['json', 'csv'], includeProcessNotes: true, encryption: 'plain', confirmPlain: true },
  } satisfies ContractSamples;
}

/** Harness dialogs that also remember which dialogs were opened, to prove a refused call opened none. */
export class RecordingDialogs extends HarnessDialogs {
  readonly opened: string[] = [];

  override chooseSavePath(options: { suggestedName: string }): Promise<string | null> {
    this.opened.push('save');
    return super.chooseSavePath(options);
  }

  override chooseFolder(): Promise<string | null> {
    this.opened.push('folder');
    return super.chooseFolder();
  }

  override chooseOpenPath(): Promise<string | null> {
    this.opened.push('open');
    return super.chooseOpenPath();
  }

  override showInFolder(file: string): Promise<void> {
    this.opened.push('showInFolder');
    return super.showInFolder(file);
  }
}

export interface SampleVault {
  dir: string;
  backupDir: string;
  services: AppServices;
  dialogs: RecordingDialogs;
  ids: SampleIds;
  samples: ContractSamples;
  close(): Promise<void>;
}

/**
 * A fresh, unlocked vault holding one client with a diagnosis, a goal, a draft note, a measure
 * result and a backup, built through the contract itself. Every dialog is cancelled unless a test
 * queues an answer.
 */
export async function openSampleVault(): Promise<SampleVault> {
  const dir = tempDir('alliance-samples-');
  const backupDir = tempDir('alliance-samples-backups-');
  const dialogs = new RecordingDialogs(null);
  const services = createAppServices({ vaultDir: dir, dialogs, emit: () => {}, kdfCost: TEST_KDF_COST });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await services.dispatch(method, input);
    if (!result.ok) throw new Error(`${method} failed while building the sample vault: ${result.error.code} ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };

  const { recoveryKey } = await call('createVault', { passphrase: PASSPHRASE });
  const client = await call('createClient', { fields: clientFields });
  const withDiagnosis = await call('addDiagnosis', { clientId: client.id, code: 'F51.0', label: 'Insomnia', dateAdded: '2026-01-05' });
  const withGoal = await call('addGoal', { clientId: client.id, dateSet: '2026-01-05', text: 'Sleep through the night', objective: '', targetDate: null });
  const note = await call('createSession', { clientId: client.id, session, templateId: 'alliance' });
  const medication = await call('startMedication', { clientId: client.id, name: 'Samplazine', date: '2026-01-05', reason: '', regimen: sampleRegimen });
  const allergy = await call('addAllergy', { clientId: client.id, substance: 'Latex', reaction: 'Hives', kind: 'allergy', recordedOn: '2026-01-05' });
  const result = await call('recordMeasure', { clientId: client.id, sessionId: note.session.id, measureId: 'sac-client', takenOn: session.date, responses: { goals: 4, tasks: 5, bond: 3 } });
  const { alerts } = await call('listClientAlerts', { clientId: client.id });

  await call('setBackupPassphrase', { passphrase: BACKUP_PASSPHRASE });
  dialogs.queueAnswer('folder', backupDir);
  const { backup } = await call('backupNow', { destination: 'choose' });
  if (!backup) throw new Error('the sample backup was not written');
  dialogs.queueAnswer('open', backup.path);
  const { file } = await call('chooseBackupFile', {});
  if (!file) throw new Error('the sample backup could not be chosen');
  dialogs.opened.length = 0;

  const ids: SampleIds = {
    clientId: client.id,
    diagnosisId: withDiagnosis.diagnoses[0]!.id,
    goalId: withGoal.goals[0]!.id,
    noteId: note.id,
    sessionId: note.session.id,
    noteRevision: note.revision,
    measureResultId: result.id,
    medicationId: medication.id,
    allergyId: allergy.id,
    alertKey: alerts[0]?.key ?? 'sac-client|cutoff|sample|',
    exportedFile: backup.path,
    backupFileId: file.id,
    recoveryKey,
  };
  return {
    dir,
    backupDir,
    services,
    dialogs,
    ids,
    samples: contractSamples(ids),
    close: async () => {
      services.dispose();
      await removeDir(dir);
      await removeDir(backupDir);
    },
  };
}

/** Table → SHA-256 of its rows, over every table of the open vault: any change to any record shows. */
export function tableDigests(services: AppServices): Record<string, string> {
  const sqlite = services.vault.connection();
  const tables = sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const rows = (sqlite.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[]).map((row) => JSON.stringify(row)).sort();
    out[table] = createHash('sha256').update(rows.join('\n')).digest('hex');
  }
  return out;
}

/**
 * The vault folder's files, without SQLite's `-shm` index: a reader may rewrite its read marks there,
 * while every change to the data goes through `vault.db` or its `-wal`.
 */
export function folderDigest(dir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(fingerprint(dir)).filter(([name]) => !name.endsWith('-shm')));
}
