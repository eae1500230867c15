import { z } from 'zod';
import { idSchema } from './clients';
import { chainAnchorSchema } from './record-verification';

/**
 * Encrypted backups, verified restore and open-format export. A backup is an `age` file (passphrase
 * recipient, scrypt) holding a tar with `manifest.json` and a plain SQLite snapshot; docs/backups-and-export.md says
 * how to read one with the `age` and `sqlite3` tools alone.
 */

export const BACKUP_FORMAT = 'alliance-notes-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_MANIFEST_ENTRY = 'manifest.json';
export const BACKUP_DATABASE_ENTRY = 'alliance-notes.sqlite';
/** age's scrypt work factor for new backups; the age-encryption package refuses to decrypt above 20. */
export const BACKUP_SCRYPT_LOG_N = 18;
export const BACKUP_SCRYPT_LOG_N_RANGE = { min: 18, max: 20 } as const;
/** The Dashboard warns when no backup succeeded for this long. */
export const BACKUP_OVERDUE_DAYS = 7;
/** Rotation of automatic backups in the backup folder. */
export const BACKUP_KEEP = { daily: 7, weekly: 4 } as const;

/** Rows per table in the snapshot; `clients`, `sessions`, `notes` and `measure_results` are shown to the user. */
export const recordCountsSchema = z.record(z.string(), z.number().int().nonnegative());
export type RecordCounts = z.output<typeof recordCountsSchema>;

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string(),
  /** The name of the last migration applied to the snapshot (e.g. `0006_create_backups`). */
  schemaVersion: z.string(),
  createdAt: z.string(),
  database: z.object({
    file: z.string(),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  counts: recordCountsSchema,
  /**
   * The activity log's length and newest hash in the snapshot; a restore writes it into the vault
   * header, so a log later cut short is still found. Absent in backups made before it was recorded.
   */
  activityLog: chainAnchorSchema.optional(),
});
export type BackupManifest = z.output<typeof backupManifestSchema>;

/** What a verified backup holds, shown before a restore and after "Verify backup…". */
export const backupInfoSchema = z.strictObject({
  fileName: z.string(),
  fileBytes: z.number().int().nonnegative(),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.string(),
  databaseBytes: z.number().int().nonnegative(),
  counts: recordCountsSchema,
  /** The checks that passed, in order, for the verification report. */
  checks: z.array(z.string()),
});
export type BackupInfo = z.output<typeof backupInfoSchema>;

export const backupKinds = ['manual', 'automatic'] as const;
export type BackupKind = (typeof backupKinds)[number];

export const backupRecordSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(backupKinds),
  createdAt: z.string(),
  folder: z.string(),
  fileName: z.string(),
  /** The full path, for "Show in folder". */
  path: z.string(),
  fileBytes: z.number().int().nonnegative(),
  databaseBytes: z.number().int().nonnegative(),
  counts: recordCountsSchema,
  /** When the written file was read back and matched what was encrypted; null if never verified. */
  verifiedAt: z.string().nullable(),
});
export type BackupRecord = z.output<typeof backupRecordSchema>;

export const backupStatusSchema = z.strictObject({
  /** A backup passphrase is set in Settings; without one no backup can be written at all. */
  passphraseSet: z.boolean(),
  /** The folder for automatic backups (and the default for "Back up now"); null until chosen. */
  folder: z.string().nullable(),
  /** The folder is set but cannot be found or written (an unplugged USB drive). */
  folderMissing: z.boolean(),
  automatic: z.boolean(),
  lastSuccess: backupRecordSchema.nullable(),
  lastFailure: z.strictObject({ at: z.string(), message: z.string() }).nullable(),
  /** No backup succeeded in the last BACKUP_OVERDUE_DAYS days (or ever). */
  overdue: z.boolean(),
  /** Newest first, at most 20. */
  recent: z.array(backupRecordSchema),
});
export type BackupStatus = z.output<typeof backupStatusSchema>;

/** A file the practitioner picked in the open dialog; the renderer refers to it by id, never by path. */
export const chosenFileSchema = z.strictObject({ id: z.string(), name: z.string(), bytes: z.number().int().nonnegative() });
export type ChosenFile = z.output<typeof chosenFileSchema>;

const fileId = z.string().min(1).max(64);
const optionalPassphrase = z
  .string()
  .min(1, 'Enter the backup passphrase.')
  .max(1024, 'A passphrase can be at most 1,024 characters.')
  .optional();

export const verifyBackupInputSchema = z.strictObject({
  fileId,
  /** Omitted: the backup passphrase saved in Settings (only while unlocked). */
  passphrase: optionalPassphrase,
});

export const prepareRestoreInputSchema = z.strictObject({
  fileId,
  backupPassphrase: optionalPassphrase,
  /**
   * Locked vault: its current passphrase (the restored vault is encrypted under the same key).
   * No vault yet: the passphrase for the new vault. Unlocked: not needed.
   */
  vaultPassphrase: z.string().min(1).max(1024).optional(),
});

export const preparedRestoreSchema = z.strictObject({
  restoreId: z.string(),
  backup: backupInfoSchema,
  /** The vault the restore would replace; null when there is none yet (new machine) or it is locked. */
  current: z.strictObject({ counts: recordCountsSchema, lastChangeAt: z.string().nullable() }).nullable(),
});
export type PreparedRestore = z.output<typeof preparedRestoreSchema>;

export const exportFormats = ['json', 'csv'] as const;
export const exportDataInputSchema = z.strictObject({
  /** One client, or the whole practice when omitted. */
  clientId: idSchema.optional(),
  /** JSON (data.json) and/or CSV (one file per table); notes are always added as Markdown. */
  formats: z.array(z.enum(exportFormats)).min(1, 'Choose at least one format.'),
  includeProcessNotes: z.boolean().default(false),
  /**
   * `age`: encrypted with the backup passphrase (the default). `plain`: an unencrypted .tar; the
   * renderer must show a warning and send `confirmPlain: true`, and the export is logged.
   */
  encryption: z.enum(['age', 'plain']).default('age'),
  confirmPlain: z.boolean().default(false),
});
export type ExportDataInput = z.output<typeof exportDataInputSchema>;

export const exportResultSchema = z.strictObject({
  saved: z.boolean(),
  path: z.string().nullable(),
  fileBytes: z.number().int().nonnegative(),
  encrypted: z.boolean(),
});

/** Pushed while a backup, verification, restore or export runs, so the screen can show progress. */
export const backupProgressSchema = z.strictObject({
  operation: z.enum(['backup', 'verify', 'restore', 'export']),
  /** What is happening now, in words for the progress bar ("Encrypting", "Checking integrity"…). */
  phase: z.string(),
  /** 0…1, or null when the amount of work is not known yet. */
  fraction: z.number().min(0).max(1).nullable(),
});
export type BackupProgress = z.output<typeof backupProgressSchema>;

/** The counts shown to people, in this order, with their labels. */
export const COUNT_LABELS: ReadonlyArray<readonly [table: string, label: string]> = [
  ['clients', 'Clients'],
  ['sessions', 'Sessions'],
  ['notes', 'Notes'],
  ['measure_results', 'Measure results'],
];

/** `alliance-backup-YYYYMMDD-HHMMSS.age`, in local time. */
export const BACKUP_FILE_PATTERN = /^alliance-backup-(\d{8})-(\d{6})\.age$/;
