import type { exportMethods } from '../../../shared/contract/export';
import type { HandlersOf } from '../ipc/dispatch';
import { requireUnlocked } from '../vault/require-unlocked';
import type { VaultService } from '../vault/vault.service';
import type { ExportService } from './export.service';

/** Open-format export. Inputs arrive already validated. */
export function exportHandlers({ vault, exports }: { vault: VaultService; exports: ExportService }): HandlersOf<typeof exportMethods> {
  return {
    exportData: (input) => {
      // A plain export of the whole practice would otherwise open the save dialog before it meets the lock.
      requireUnlocked(vault);
      return exports.export(input);
    },
  };
}
