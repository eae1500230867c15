import { useState } from 'react';
import { useRetryCountdown } from '../hooks/useRetryCountdown';
import { useVault } from '../vault/vault-context';
import { RecoverScreen } from '../lazy-screens';
import { UnlockScreen } from './UnlockScreen';

/**
 * The locked vault offers the passphrase first and the recovery key on request. The wait after wrong
 * attempts lives here because the main side throttles both kinds of attempt together.
 */
export function LockedScreen({ onRestore }: { onRestore: () => void }) {
  const { status } = useVault();
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secondsLeft, onFailure] = useRetryCountdown(status);
  const retry = { secondsLeft, onFailure };

  return mode === 'passphrase' ? (
    <UnlockScreen {...retry} onForgot={() => setMode('recovery')} onRestore={onRestore} />
  ) : (
    <RecoverScreen {...retry} onBack={() => setMode('passphrase')} />
  );
}
