import { lazy, Suspense, useState } from 'react';
import { Center, Loader } from '@mantine/core';
import { useActivityReporter } from './hooks/useActivityReporter';
import { useLockShortcut } from './hooks/useLockShortcut';
import { CreateVaultScreen } from './screens/CreateVaultScreen';
import { LockedScreen } from './screens/LockedScreen';
import { ProblemScreen } from './screens/ProblemScreen';
import { RecoveryKeyScreen } from './screens/RecoveryKeyScreen';
import { AppLayout } from './shell/AppLayout';
import { useVault } from './vault/vault-context';

// Rarely needed, and it carries the backup schemas: kept out of the bundle the unlock screen waits for.
const RestoreAtStartScreen = lazy(() => import('./backups/RestoreAtStartScreen').then((module) => ({ default: module.RestoreAtStartScreen })));

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

  // Stay on the restore screen until confirmRestore has returned, with the new vault's key if it made one.
  if (restoreFrom !== null) {
    return (
      <Suspense
        fallback={
          <Center component="main" mih="100vh" aria-busy="true">
            <Loader aria-label="Loading" />
          </Center>
        }
      >
        <RestoreAtStartScreen mode={restoreFrom} onBack={() => setRestoreFrom(null)} />
      </Suspense>
    );
  }
  // Stay on the create screen until createVault has returned the key to show next.
  if (creating || status.state === 'absent') return <CreateVaultScreen onRestore={() => setRestoreFrom('absent')} />;
  if (status.state === 'unreadable') return <ProblemScreen problem={status.problem} />;
  if (status.state === 'locked') return <LockedScreen onRestore={() => setRestoreFrom('locked')} />;
  if (status.recoveryKeyPending) return <RecoveryKeyScreen />;
  return <AppLayout />;
}
