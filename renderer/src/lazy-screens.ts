import { preloadable } from './lib/preloadable';

/*
 * Everything but the unlock screen loads on demand, so the first screen parses only React, Mantine's
 * core and its own code. The unlocked app (shell, routing, query cache, search) starts loading the
 * moment an unlock is submitted, while Argon2id runs in the main process, so it is usually there
 * before the vault opens.
 */
export const AppLayout = preloadable(() => import('./shell/AppLayout').then((module) => module.AppLayout));
/** The landing page after unlock (the client list) and the other client screens. */
export const ClientsRoutes = preloadable(() => import('./clients/ClientsRoutes').then((module) => module.ClientsRoutes));
export const CreateVaultScreen = preloadable(() => import('./screens/CreateVaultScreen').then((module) => module.CreateVaultScreen));
export const RecoverScreen = preloadable(() => import('./screens/RecoverScreen').then((module) => module.RecoverScreen));
export const RecoveryKeyScreen = preloadable(() => import('./screens/RecoveryKeyScreen').then((module) => module.RecoveryKeyScreen));

/** Starts loading what an unlocked vault shows first: the shell and the client list. */
export function preloadUnlockedApp(): void {
  // A failure here shows up where the screen renders (its Suspense boundary), not here.
  void AppLayout.preload().catch(() => undefined);
  void ClientsRoutes.preload().catch(() => undefined);
}
