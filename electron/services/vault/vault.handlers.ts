import { AppError } from '../../../shared/errors';
import type { vaultMethods } from '../../../shared/contract/vault';
import type { Dialogs } from '../dialogs';
import type { HandlersOf } from '../ipc/dispatch';
import { writeRecoveryKeyFile } from './recovery-key-file';
import { requireUnlocked } from './require-unlocked';
import type { VaultService } from './vault.service';

/** The vault's calls: create, unlock, lock, passphrase and recovery key. Inputs arrive already validated. */
export function vaultHandlers({ vault, dialogs }: { vault: VaultService; dialogs: Dialogs }): HandlersOf<typeof vaultMethods> {
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
      requireUnlocked(vault);
      vault.noteActivity();
      return {};
    },
  };
}
