import type { summaryMethods } from '../../../shared/contract/summary';
import type { HandlersOf } from '../ipc/dispatch';
import { requireUnlocked } from '../vault/require-unlocked';
import type { VaultService } from '../vault/vault.service';
import type { SummaryService } from './summary.service';

/** PDF progress summaries. Inputs arrive already validated. */
export function summaryHandlers({ vault, summaries }: { vault: VaultService; summaries: SummaryService }): HandlersOf<typeof summaryMethods> {
  return {
    getSummaryChoices: ({ clientId }) => summaries.choices(clientId),
    previewProgressSummary: (options) => summaries.preview(options),
    exportProgressSummary: (options) => summaries.export(options),
    showInFolder: async ({ path }) => {
      requireUnlocked(vault);
      await summaries.showInFolder(path);
      return {};
    },
  };
}
