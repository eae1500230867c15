import { app, BrowserWindow } from 'electron';
import { APP_NAME } from '../../shared/app-info';
import { APP_ENTRY_URL } from '../services/url-policy';
import { PRELOAD_PATH } from './paths';
import { trackWindow } from './windows';

export interface MainWindowOptions {
  /** Called when the window starts closing; the shell locks the vault here. */
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
  // Lock as the window goes, not after: the key should not outlive the last view of the notes.
  window.on('close', () => options.onClose());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
