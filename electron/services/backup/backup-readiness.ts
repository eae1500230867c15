import { constants as fsConstants, promises as fs } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { VaultService } from '../vault/vault.service';
import { readBackupSettings, type BackupSettings } from './backup-settings';

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

/** The backup passphrase saved in Settings, for reading a backup when none was typed. */
export async function savedPassphraseForReading(vault: VaultService): Promise<string> {
  if ((await vault.status()).state !== 'unlocked') {
    throw new AppError('VALIDATION', 'Enter the backup passphrase.', { fieldErrors: { passphrase: 'Enter the backup passphrase.' } });
  }
  const saved = (await readBackupSettings(vault.database())).passphrase;
  if (saved === null) {
    throw new AppError('VALIDATION', 'No backup passphrase is saved in Settings; enter the one this backup was made with.', {
      fieldErrors: { passphrase: 'Enter the backup passphrase.' },
    });
  }
  return saved;
}
