import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import { APP_NAME } from '../../shared/app-info';
import { createAppServices, type AppServices } from '../services/app-services';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { attachContextMenu } from './context-menu';
import { electronDialogs } from './dialogs';
import { hardenSession, hardenWebContents } from './harden';
import { emitToWindows, registerIpcHandlers } from './ipc';
import { buildApplicationMenu } from './menu';
import { electronNativeBinding } from './native-binding';
import { lockWithOperatingSystem } from './os-lock';
import { RENDERER_DIR } from './paths';
import { vaultLocation } from './vault-location';
import { createMainWindow } from './window';

/**
 * Lifecycle of the Electron shell: wires the OS (windows, menus, dialogs, sleep and screen lock) to
 * the services, which know nothing of Electron. Order matters: the scheme, the sandbox and the
 * web-contents guards are set before `ready`; the session is hardened before the first window loads.
 */

// Both must happen before `ready`.
registerAppScheme();
app.enableSandbox();
hardenWebContents();

let services: AppServices | null = null;
let mainWindow: BrowserWindow | null = null;

let shuttingDown: Promise<void> | null = null;

/**
 * Runs the on-quit automatic backup if one is due, then locks the vault (closing the database and
 * wiping the key); once, however the app is leaving.
 */
function shutDown(): Promise<void> {
  shuttingDown ??= (async () => {
    const leaving = services;
    services = null;
    try {
      await leaving?.shutdown();
    } catch {
      leaving?.dispose();
    }
  })();
  return shuttingDown;
}

/** Quits after shutDown has finished; Electron's own quit would not wait for the backup. */
function quitAfterShutDown(): void {
  void shutDown().finally(() => app.exit(0));
}

function openMainWindow(): void {
  // Closing the window ends the app (see window-all-closed), which locks after the on-quit backup.
  mainWindow = createMainWindow({ onClose: () => undefined });
  attachContextMenu(mainWindow.webContents);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const appServices = createAppServices({
    vaultDir: vaultLocation(),
    dialogs: electronDialogs,
    emit: emitToWindows,
    nativeBinding: electronNativeBinding(),
  });
  services = appServices;
  hardenSession(session.defaultSession);
  serveAppProtocol(RENDERER_DIR);
  registerIpcHandlers(appServices.dispatch);
  Menu.setApplicationMenu(buildApplicationMenu(appServices));
  lockWithOperatingSystem(appServices);
  openMainWindow();
}

// One instance only: two processes holding the same vault database would fight over it.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Every quit waits for shutDown (which ends with app.exit, so this handler does not run twice).
  app.on('before-quit', (event) => {
    event.preventDefault();
    quitAfterShutDown();
  });
  // Closing the window ends the app on every platform, macOS included: a notes app holding an
  // unlocked vault should not linger in the dock.
  app.on('window-all-closed', quitAfterShutDown);
  start().catch((error: unknown) => {
    // Only the error class: a message could carry a path or worse.
    console.error(`[alliance] start-up failed: ${error instanceof Error ? error.name : typeof error}`);
    dialog.showErrorBox(APP_NAME, `${APP_NAME} could not start. Please restart it; your notes have not been changed.`);
    void shutDown().finally(() => app.exit(1));
  });
}
