import { app, BrowserWindow, dialog } from 'electron';
import { APP_NAME } from '../../shared/app-info';
import { APP_ENTRY_URL } from '../services/url-policy';
import { PRELOAD_PATH } from './paths';
import { trackWindow } from './windows';

export interface MainWindowOptions {
  /** Called once the window has closed; the shell locks the vault here. */
  onClose: () => void;
}

/** Opens the notes window on app://alliance/index.html, sandboxed, with only the preload's api. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    title: APP_NAME,
    // Shown once the first paint is ready, so the practitioner never sees a blank white frame.
    show: false,
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // macOS and Windows check spelling with the OS; on Linux Chromium would download Hunspell
      // dictionaries from Google, which the no-network promise forbids.
      spellcheck: process.platform !== 'linux',
      // DevTools can read everything on the page, notes included: development runs only.
      devTools: !app.isPackaged,
    },
  });
  trackWindow(window);
  window.once('ready-to-show', () => window.show());
  // A form with unsaved changes cancels the page's unload; Electron would then silently refuse to
  // close. Ask instead, the way the in-app guard does, and close only if the practitioner agrees.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Keep editing', 'Discard changes'],
      defaultId: 0,
      cancelId: 0,
      title: 'Discard unsaved changes?',
      message: 'Discard unsaved changes?',
      detail: 'The form you are editing has changes that were not saved.',
    });
    if (choice === 1) event.preventDefault();
  });
  // Lock once the window is really gone: locking on 'close' would lock even when the close is then
  // cancelled to keep unsaved work, leaving an open window in front of a locked vault.
  window.on('closed', () => options.onClose());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
