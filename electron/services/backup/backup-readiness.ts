import { constants as fsConstants, promises as fs } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { BackupSettings } from './backup-settings';

/** The backup passphrase, once Settings has what a backup to `destination` needs; NEEDS_SETUP otherwise. */
export function backupPassphraseFor(settings: BackupSettings, destination: 'folder' | 'choose'): string {
  if (settings.passphrase === null) {
    throw new AppError('NEEDS_SETUP', 'Set a backup passphrase in Settings → Backups first. Backups are always encrypted.');
  }
  if (destination === 'folder' && settings.folder === null) {
    throw new AppError('NEEDS_SETUP', 'Choose a backup folder in Settings → Backups first.');
  }
  return settings.passphrase;
}

/** Whether backups can be written into the folder (it exists, is a folder and is writable). */
export async function isWritableFolder(folder: string): Promise<boolean> {
  try {
    const stat = await fs.stat(folder);
    if (!stat.isDirectory()) return false;
    await fs.access(folder, fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}
