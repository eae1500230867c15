import { z } from 'zod';
import {
  backupInfoSchema,
  backupRecordSchema,
  backupStatusSchema,
  chosenFileSchema,
  prepareRestoreInputSchema,
  preparedRestoreSchema,
  verifyBackupInputSchema,
} from '../backup';
import { activityLogVerdictSchema } from '../clients';
import { method, noInput } from './method';
import { passphrase, vaultStatusSchema } from './vault';

/** Encrypted backups and verified restore (shared/backup.ts). */
export const backupMethods = {
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
} as const;
