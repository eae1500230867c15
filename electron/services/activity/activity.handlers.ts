import type { activityMethods } from '../../../shared/contract/activity';
import type { HandlersOf } from '../ipc/dispatch';
import type { VaultService } from '../vault/vault.service';
import { listActivity } from './activity-log';
import { verifyRecords } from './record-verification';

/** The activity log and "Verify records". Inputs arrive already validated. */
export function activityHandlers({ vault }: { vault: VaultService }): HandlersOf<typeof activityMethods> {
  return {
    listActivity: (options) => listActivity(vault.database(), options),
    verifyActivityLog: () => verifyRecords(vault),
  };
}
