import type { settingsMethods } from '../../../shared/contract/settings';
import type { HandlersOf } from '../ipc/dispatch';
import type { VaultService } from './vault.service';

/** The practitioner's settings, which the vault keeps. Inputs arrive already validated. */
export function settingsHandlers({ vault }: { vault: VaultService }): HandlersOf<typeof settingsMethods> {
  return {
    getSettings: () => vault.settings(),
    updateSettings: (changes) => vault.updateSettings(changes),
  };
}
