import { lazy, Suspense, useEffect, useState } from 'react';
import { Center, Loader } from '@mantine/core';
import { useActivityReporter } from './hooks/useActivityReporter';
import { useLockShortcut } from './hooks/useLockShortcut';
import { LockedScreen } from './screens/LockedScreen';
import { ProblemScreen } from './screens/ProblemScreen';
import { AppLayout, CreateVaultScreen, preloadUnlockedApp, RecoveryKeyScreen } from './lazy-screens';
import { useVault } from './vault/vault-context';

// Rarely needed, and it carries the backup schemas: kept out of the bundle the unlock screen waits for.
const RestoreAtStartScreen = lazy(() => import('./backups/RestoreAtStartScreen').then((module) => ({ default: module.RestoreAtStartScreen })));
const RestoreVerificationNotice = lazy(() => import('./backups/RestoreVerificationNotice').then((module) => ({ default: module.RestoreVerificationNotice })));

/** Picks the screen from the vault status; the shell exists in the DOM only while the vault is open. */
export function App() {
  const { status, applyStatus, creating, restoring } = useVault();
  const unlocked = status.state === 'unlocked';
  useActivityReporter(unlocked);
  useLockShortcut(unlocked, applyStatus);
  // "Restore a backup instead", from the state it was asked in; any other state (the restore opened the
  // vault, say) ends it, so locking later shows the unlock screen again.
  const [restoreFrom, setRestoreFrom] = useState<'absent' | 'locked' | null>(null);
  if (restoreFrom !== null && !restoring && status.state !== restoreFrom) setRestoreFrom(null);
  // Each next screen loads while the practitioner waits on this one (the vault being made, the key being stored).
  const recoveryKeyPending = unlocked && status.recoveryKeyPending;
  useEffect(() => {
    if (creating) void RecoveryKeyScreen.preload().catch(() => undefined);
  }, [creating]);
  useEffect(() => {
    if (recoveryKeyPending) preloadUnlockedApp();
  }, [recoveryKeyPending]);

  return (
    <Suspense
      fallback={
        <Center component="main" mih="100vh" aria-busy="true">
          <Loader aria-label="Loading" />
        </Center>
      }
    >
      <Screen restoreFrom={restoreFrom} setRestoreFrom={setRestoreFrom} />
    </Suspense>
  );
}

function Screen({ restoreFrom, setRestoreFrom }: { restoreFrom: 'absent' | 'locked' | null; setRestoreFrom: (from: 'absent' | 'locked' | null) => void }) {
  const { status, creating, restoreVerification } = useVault();
  // Stay on the restore screen until confirmRestore has returned, with the new vault's key if it made one.
  if (restoreFrom !== null) return <RestoreAtStartScreen mode={restoreFrom} onBack={() => setRestoreFrom(null)} />;
  // Stay on the create screen until createVault has returned the key to show next.
  if (creating || status.state === 'absent') return <CreateVaultScreen onRestore={() => setRestoreFrom('absent')} />;
  if (status.state === 'unreadable') return <ProblemScreen problem={status.problem} />;
  if (status.state === 'locked') return <LockedScreen onRestore={() => setRestoreFrom('locked')} />;
  if (status.recoveryKeyPending) return <RecoveryKeyScreen />;
  return (
    <>
      <AppLayout />
      {/* What "Verify records" found right after a restore, over the restored vault. */}
      {restoreVerification !== null && (
        <Suspense fallback={null}>
          <RestoreVerificationNotice />
        </Suspense>
      )}
    </>
  );
}
