import { createContext, useContext } from 'react';
import type { ActivityLogVerdict } from '../../../shared/clients';
import type { VaultStatus } from '../../../shared/contract';

export interface VaultContextValue {
  status: VaultStatus;
  /** Takes a status returned by a call (unlock, lock, confirm…) as the new truth. */
  applyStatus: (status: VaultStatus) => void;
  refresh: () => Promise<void>;
  /** The recovery key to show once, held in memory only and dropped when the vault locks. */
  recoveryKey: string | null;
  /** True while createVault runs, so the create screen stays up until its key has arrived. */
  creating: boolean;
  regenerating: boolean;
  /** True while confirmRestore runs, so the restore screen stays up until its result (and any key) has arrived. */
  restoring: boolean;
  createVault: (passphrase: string) => Promise<void>;
  /** Swaps a prepared restore in; a vault it creates hands its recovery key on like createVault does. */
  confirmRestore: (restoreId: string) => Promise<void>;
  /**
   * "Verify records" as run right after the last restore, shown until dismissed (or the vault locks);
   * `unavailable` when the check could not finish.
   */
  restoreVerification: ActivityLogVerdict | 'unavailable' | null;
  dismissRestoreVerification: () => void;
  regenerateRecoveryKey: () => Promise<void>;
  confirmRecoveryKeySaved: () => Promise<void>;
}

export const VaultContext = createContext<VaultContextValue | null>(null);

export function useVault(): VaultContextValue {
  const value = useContext(VaultContext);
  if (!value) throw new Error('useVault must be used inside <VaultProvider>');
  return value;
}
