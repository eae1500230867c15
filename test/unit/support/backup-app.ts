import { createAppServices, type AppServices, type AppServicesOptions } from '../../../electron/services/app-services';
import type { BackupProgress } from '../../../shared/backup';
import { HarnessDialogs } from '../../harness/harness-dialogs';
import { TEST_KDF_COST } from './temp-vault';

/** The app's services over `vaultDir`, with dialogs a test answers and every backup progress event kept. */
export interface BackupApp {
  services: AppServices;
  dialogs: HarnessDialogs;
  vaultDir: string;
  progress: BackupProgress[];
}

export function startBackupApp(vaultDir: string, options: Pick<AppServicesOptions, 'backupScryptLogN'> = {}): BackupApp {
  const dialogs = new HarnessDialogs(null);
  const progress: BackupProgress[] = [];
  const services = createAppServices({
    vaultDir,
    dialogs,
    kdfCost: TEST_KDF_COST,
    ...options,
    emit: (event, payload) => {
      if (event === 'backupProgress') progress.push(payload as BackupProgress);
    },
  });
  return { services, dialogs, vaultDir, progress };
}
