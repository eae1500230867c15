import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { BackupWarnings } from './BackupWarnings';
import { useBackupStatus } from './queries';

/** The Dashboard's reminder: shown only when a backup is overdue or the backup folder has gone. */
export function BackupOverdueAlert() {
  const status = useBackupStatus();
  if (status.isError) return <ErrorAlert title="The backup status could not be loaded" message={errorMessage(status.error)} />;
  if (!status.data) return null;
  return <BackupWarnings status={status.data} withLink />;
}
