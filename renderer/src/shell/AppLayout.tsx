import { lazy, Suspense, useState } from 'react';
import { AppShell, Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { call, errorMessage } from '../api';
import { useVault } from '../vault/vault-context';
import { ShellFooter } from './ShellFooter';
import { ShellHeader } from './ShellHeader';
import { ShellNav } from './ShellNav';
import { ClientsPage } from '../pages/ClientsPage';
import { PlaceholderPage } from '../pages/PlaceholderPage';

// Settings pulls in the contract's schemas (and zod) for its limits; loading it on demand keeps them
// out of the bundle that has to parse before the unlock screen appears.
const SettingsPage = lazy(() => import('../settings/SettingsPage').then((module) => ({ default: module.SettingsPage })));

const pageLoader = (
  <Center py="xl">
    <Loader aria-label="Loading" />
  </Center>
);

/** The unlocked app. It is unmounted as soon as the vault locks, taking every client detail with it. */
export function AppLayout() {
  const { applyStatus } = useVault();
  const [locking, setLocking] = useState(false);

  const lock = async () => {
    setLocking(true);
    try {
      applyStatus(await call('lockVault'));
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Could not lock', message: errorMessage(caught) });
      setLocking(false);
    }
  };

  return (
    <Router hook={useHashLocation}>
      <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} footer={{ height: 32 }} padding="lg">
        <AppShell.Header>
          <ShellHeader onLock={lock} locking={locking} />
        </AppShell.Header>
        <AppShell.Navbar p="sm">
          <ShellNav />
        </AppShell.Navbar>
        <AppShell.Main>
          <Switch>
            <Route path="/search">
              <PlaceholderPage title="Search" text="Search across your clients and notes will appear here." />
            </Route>
            <Route path="/dashboard">
              <PlaceholderPage title="Dashboard" text="An overview of your caseload and outcome measures will appear here." />
            </Route>
            <Route path="/backups">
              <PlaceholderPage title="Backups" text="Encrypted backups of your vault will be made and restored here." />
            </Route>
            <Route path="/settings">
              <Suspense fallback={pageLoader}>
                <SettingsPage />
              </Suspense>
            </Route>
            <Route component={ClientsPage} />
          </Switch>
        </AppShell.Main>
        <AppShell.Footer>
          <ShellFooter />
        </AppShell.Footer>
      </AppShell>
    </Router>
  );
}
