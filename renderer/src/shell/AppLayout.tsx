import { lazy, Suspense, useEffect, useState } from 'react';
import { AppShell, Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { call, errorMessage } from '../api';
import { useVault } from '../vault/vault-context';
import { ShellFooter } from './ShellFooter';
import { ShellHeader } from './ShellHeader';
import { ShellNav } from './ShellNav';
import { ClientListStateProvider } from '../clients/ClientListStateProvider';
import { NavigationGuardProvider } from '../navigation/NavigationGuardProvider';
import { SearchProvider } from '../search/SearchProvider';
import { flushPendingSaves } from '../lib/pending-saves';
import { ClientsRoutes } from '../lazy-screens';

// Settings and the client screens (lazy-screens.ts) pull in the contract's schemas (and zod); loading them on demand
// keeps them out of the bundle that has to parse before the unlock screen appears.
const SettingsPage = lazy(() => import('../settings/SettingsPage').then((module) => ({ default: module.SettingsPage })));
const DashboardPage = lazy(() => import('../dashboard/DashboardPage').then((module) => ({ default: module.DashboardPage })));
const CaseloadPage = lazy(() => import('../caseload/CaseloadPage').then((module) => ({ default: module.CaseloadPage })));
const SearchPage = lazy(() => import('../search/SearchPage').then((module) => ({ default: module.SearchPage })));
const BackupsPage = lazy(() => import('../backups/BackupsPage').then((module) => ({ default: module.BackupsPage })));

// Calls go to a process on this computer: retrying or refetching on focus would only repeat the same answer.
const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });

const pageLoader = (
  <Center py="xl">
    <Loader aria-label="Loading" />
  </Center>
);

/**
 * The unlocked app. It is unmounted as soon as the vault locks, taking every client detail with it,
 * including the query cache created here.
 */
export function AppLayout() {
  const { applyStatus } = useVault();
  const [locking, setLocking] = useState(false);
  const [queryClient] = useState(createQueryClient);
  // Cached queries keep their data alive on garbage-collection timers; drop them the moment we unmount.
  useEffect(() => () => queryClient.clear(), [queryClient]);

  const lock = async () => {
    setLocking(true);
    try {
      // An open draft saves its last keystrokes before the database closes.
      await flushPendingSaves();
      applyStatus(await call('lockVault'));
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Could not lock', message: errorMessage(caught) });
      setLocking(false);
    }
  };

  return (
    <QueryClientProvider client={queryClient}>
      <Router hook={useHashLocation}>
        <NavigationGuardProvider>
          <ClientListStateProvider>
            <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} footer={{ height: 32 }} padding="lg">
              <AppShell.Header>
                <ShellHeader onLock={lock} locking={locking} />
              </AppShell.Header>
              <AppShell.Navbar p="sm">
                <ShellNav />
              </AppShell.Navbar>
              <AppShell.Main>
                {/* Search keeps its words and filters across pages; Ctrl/Cmd+K opens it from anywhere. */}
                <SearchProvider>
                  <AppRoutes />
                </SearchProvider>
              </AppShell.Main>
              <AppShell.Footer>
                <ShellFooter />
              </AppShell.Footer>
            </AppShell>
          </ClientListStateProvider>
        </NavigationGuardProvider>
      </Router>
    </QueryClientProvider>
  );
}

function AppRoutes() {
  return (
    <Switch>
      <Route path="/search">
        <Suspense fallback={pageLoader}>
          <SearchPage />
        </Suspense>
      </Route>
      <Route path="/dashboard">
        <Suspense fallback={pageLoader}>
          <DashboardPage />
        </Suspense>
      </Route>
      <Route path="/caseload">
        <Suspense fallback={pageLoader}>
          <CaseloadPage />
        </Suspense>
      </Route>
      <Route path="/backups">
        <Suspense fallback={pageLoader}>
          <BackupsPage />
        </Suspense>
      </Route>
      <Route path="/settings">
        <Suspense fallback={pageLoader}>
          <SettingsPage />
        </Suspense>
      </Route>
      {/* The list, the client pages and the forms: "/", "/clients" and "/clients/…". */}
      <Route>
        <Suspense fallback={pageLoader}>
          <ClientsRoutes />
        </Suspense>
      </Route>
    </Switch>
  );
}
