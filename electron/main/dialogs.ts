import { BrowserWindow, dialog, shell, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { Dialogs } from '../services/dialogs';

// Parented to the focused window so the dialog is modal to it (a sheet on macOS) and cannot end up
// behind the app; without a focused window it opens on its own.
async function showSave(options: SaveDialogOptions): Promise<string | null> {
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function showOpen(options: OpenDialogOptions): Promise<string | null> {
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** The services' Dialogs port answered with the OS's own dialogs; a cancel is null. */
export const electronDialogs: Dialogs = {
  chooseSavePath: ({ title, suggestedName, filters }) =>
    showSave({ title, defaultPath: suggestedName, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] }),
  chooseFolder: ({ title }) => showOpen({ title, properties: ['openDirectory', 'createDirectory'] }),
  chooseOpenPath: ({ title, filters }) => showOpen({ title, filters, properties: ['openFile'] }),
  showInFolder: async (file) => shell.showItemInFolder(file),
};
