import { backupProgressSchema } from '../backup';
import { vaultStatusSchema } from './vault';

/** Events pushed from the main side to the renderer. */
export const events = {
  vaultStateChanged: vaultStatusSchema,
  backupProgress: backupProgressSchema,
} as const;
