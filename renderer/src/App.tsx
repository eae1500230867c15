import { useActivityReporter } from './hooks/useActivityReporter';
import { useLockShortcut } from './hooks/useLockShortcut';
import { CreateVaultScreen } from './screens/CreateVaultScreen';
import { LockedScreen } from './screens/LockedScreen';
import { ProblemScreen } from './screens/ProblemScreen';
import { RecoveryKeyScreen } from './screens/RecoveryKeyScreen';
import { AppLayout } from './shell/AppLayout';
import { useVault } from './vault/vault-context';

/** Picks the screen from the vault status; the shell exists in the DOM only while the vault is open. */
export function App() {
  const { status, applyStatus, creating } = useVault();
  const unlocked = status.state === 'unlocked';
  useActivityReporter(unlocked);
  useLockShortcut(unlocked, applyStatus);

  // Stay on the create screen until createVault has returned the key to show next.
  if (creating || status.state === 'absent') return <CreateVaultScreen />;
  if (status.state === 'unreadable') return <ProblemScreen problem={status.problem} />;
  if (status.state === 'locked') return <LockedScreen />;
  if (status.recoveryKeyPending) return <RecoveryKeyScreen />;
  return <AppLayout />;
}
