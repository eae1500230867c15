import { app, type Session } from 'electron';
import { isAllowedNavigation, isAllowedRequest } from '../services/url-policy';

/**
 * The session allows nothing the notes page does not need: no permission (camera, notifications,
 * clipboard read…) is ever granted, and every request outside app:// is cancelled, so nothing a page
 * loads can reach the network.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
}

/**
 * Applies to every web contents as it is created (windows and DevTools alike): no new windows, no
 * navigation or redirect away from the app's origin, no <webview>. Must be registered before the
 * first window.
 */
export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
