import type { BrowserWindow, WebContents } from 'electron';

/**
 * The windows this app created. IPC is answered only for their main frames, and events are pushed
 * only to them, so any other web contents (DevTools, a page that somehow got loaded) gets neither.
 */
const ours = new Set<BrowserWindow>();

/** Starts answering IPC from `window` until it is closed. */
export function trackWindow(window: BrowserWindow): void {
  ours.add(window);
  window.on('closed', () => ours.delete(window));
}

/** The app's windows that are still alive. */
export function appWindows(): BrowserWindow[] {
  return [...ours].filter((window) => !window.isDestroyed());
}

/** True when `contents` belongs to one of the app's windows. */
export function isAppWebContents(contents: WebContents): boolean {
  return appWindows().some((window) => window.webContents.id === contents.id);
}
