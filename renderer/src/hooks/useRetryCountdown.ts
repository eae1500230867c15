import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api';
import type { VaultStatus } from '../../../shared/contract';
import { useCountdown } from './useCountdown';

/**
 * Seconds until the main side accepts another unlock attempt, from the status snapshot or from the
 * error of the last attempt. Returns the seconds left and a function to feed it a caught error.
 */
export function useRetryCountdown(status: VaultStatus): [number, (error: unknown) => void] {
  const [deadline, setDeadline] = useState<number | null>(null);
  const secondsLeft = useCountdown(deadline);

  // The status gives a duration at the time it was read; turn it into a local deadline.
  useEffect(() => {
    if (status.retryAfterMs > 0) setDeadline(Date.now() + status.retryAfterMs);
  }, [status]);

  const fromError = useCallback((error: unknown) => {
    if (error instanceof ApiError && error.retryAfterMs !== undefined && error.retryAfterMs > 0) {
      setDeadline(Date.now() + error.retryAfterMs);
    }
  }, []);

  return [secondsLeft, fromError];
}
