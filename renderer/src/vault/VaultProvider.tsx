import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import type { ActivityLogVerdict } from '../../../shared/clients';
import type { VaultStatus } from '../../../shared/contract';
import { call, onEvent, onVaultLocked } from '../api';
import { VaultContext, type VaultContextValue } from './vault-context';

interface VaultProviderProps {
  children: ReactNode;
  /** What shows until the first status has been read, or when it could not be (screens/ draws it). */
  startup: ComponentType<{ error: unknown; onRetry: () => void }>;
}

/** Owns the vault status (from getVaultStatus and the vaultStateChanged event) and the one-time key. */
export function VaultProvider({ children, startup: Startup }: VaultProviderProps) {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [startupError, setStartupError] = useState<unknown>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [regenerating, setRegenerating] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [restoreVerification, setRestoreVerification] = useState<ActivityLogVerdict | 'unavailable' | null>(null);
  const previousState = useRef<VaultStatus['state'] | null>(null);

  const applyStatus = useCallback((next: VaultStatus) => {
    // Leaving "unlocked" must drop every secret held in memory, including a recovery key not yet stored.
    if (previousState.current === 'unlocked' && next.state !== 'unlocked') {
      setRecoveryKey(null);
      setRestoreVerification(null);
      notifications.clean();
      if (window.location.hash !== '#/' && window.location.hash !== '') history.replaceState(null, '', '#/');
    }
    previousState.current = next.state;
    setStatus(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      applyStatus(await call('getVaultStatus'));
      setStartupError(null);
    } catch (error) {
      setStartupError(error);
    }
  }, [applyStatus]);

  useEffect(() => {
    // Subscribe before the first read so a change in between is not missed.
    const offEvent = onEvent('vaultStateChanged', applyStatus);
    const offLocked = onVaultLocked(() => void refresh());
    void refresh();
    return () => {
      offEvent();
      offLocked();
    };
  }, [applyStatus, refresh]);

  const createVault = useCallback(
    async (passphrase: string) => {
      setCreating(true);
      try {
        const { recoveryKey: key } = await call('createVault', { passphrase });
        setRecoveryKey(key);
        applyStatus(await call('getVaultStatus'));
      } finally {
        setCreating(false);
      }
    },
    [applyStatus],
  );

  const confirmRestore = useCallback(
    async (restoreId: string) => {
      setRestoring(true);
      try {
        const result = await call('confirmRestore', { restoreId });
        if (result.recoveryKey !== null) setRecoveryKey(result.recoveryKey);
        applyStatus(result.status);
        setRestoreVerification(result.verification ?? 'unavailable');
      } finally {
        setRestoring(false);
      }
    },
    [applyStatus],
  );

  const regenerateRecoveryKey = useCallback(async () => {
    setRegenerating(true);
    try {
      const { recoveryKey: key } = await call('regenerateRecoveryKey');
      setRecoveryKey(key);
    } finally {
      setRegenerating(false);
    }
  }, []);

  const confirmRecoveryKeySaved = useCallback(async () => {
    const next = await call('confirmRecoveryKeySaved');
    setRecoveryKey(null);
    applyStatus(next);
  }, [applyStatus]);

  const dismissRestoreVerification = useCallback(() => setRestoreVerification(null), []);

  const value = useMemo<VaultContextValue | null>(
    () =>
      status && {
        status,
        applyStatus,
        refresh,
        recoveryKey,
        creating,
        regenerating,
        restoring,
        createVault,
        confirmRestore,
        restoreVerification,
        dismissRestoreVerification,
        regenerateRecoveryKey,
        confirmRecoveryKeySaved,
      },
    [
      status,
      applyStatus,
      refresh,
      recoveryKey,
      creating,
      regenerating,
      restoring,
      createVault,
      confirmRestore,
      restoreVerification,
      dismissRestoreVerification,
      regenerateRecoveryKey,
      confirmRecoveryKeySaved,
    ],
  );

  if (!value) return <Startup error={startupError} onRetry={refresh} />;
  return <VaultContext.Provider value={value}>{children}</VaultContext.Provider>;
}
