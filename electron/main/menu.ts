import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { APP_NAME } from '../../shared/app-info';
import type { AppServices } from '../services/app-services';

/**
 * The application menu. The Edit roles are not decoration: without them the clipboard and undo
 * shortcuts do nothing on macOS. Reload and DevTools exist only in development builds.
 */
export function buildApplicationMenu(services: AppServices): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu', label: APP_NAME } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'Vault',
      submenu: [
        { label: 'Lock vault', accelerator: 'CmdOrCtrl+L', click: () => services.vault.lock('user') },
        ...(isMac ? [] : ([{ type: 'separator' }, { role: 'quit' }] satisfies MenuItemConstructorOptions[])),
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...(app.isPackaged
          ? []
          : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])),
        // Zoom stays in packaged builds: practitioners with low vision rely on it.
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
