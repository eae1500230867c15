import { useCallback, useEffect, useState } from 'react';
import type { BackupProgress } from '../../../shared/backup';
import { onEvent } from '../api';

/**
 * The latest progress the main side pushed for one kind of operation. Subscribed for as long as the
 * screen is up rather than per run, so the first phase of a quick run is not missed; `reset` clears
 * what the previous run left before the next one starts.
 */
export function useBackupProgress(operation: BackupProgress['operation']): [BackupProgress | null, () => void] {
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  useEffect(
    () =>
      onEvent('backupProgress', (next) => {
        if (next.operation === operation) setProgress(next);
      }),
    [operation],
  );
  const reset = useCallback(() => setProgress(null), []);
  return [progress, reset];
}
