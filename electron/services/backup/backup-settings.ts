import type { Kysely } from 'kysely';
import type { VaultSchema } from '../database/schema';
import { readSettingTexts, writeSettingValues } from '../database/settings.repository';

/**
 * Backup settings live in the vault's settings table under their own keys, outside the Settings
 * object the renderer reads: the backup passphrase is a secret the renderer never gets back, and it
 * is stored only inside the encrypted vault so automatic backups can run without asking.
 */
export interface BackupSettings {
  passphrase: string | null;
  folder: string | null;
  automatic: boolean;
  lastFailure: { at: string; message: string } | null;
}

const KEYS = {
  passphrase: 'backup.passphrase',
  folder: 'backup.folder',
  automatic: 'backup.automatic',
  lastFailure: 'backup.lastFailure',
} as const satisfies Record<keyof BackupSettings, string>;

export async function readBackupSettings(db: Kysely<VaultSchema>): Promise<BackupSettings> {
  const texts = await readSettingTexts(db, Object.values(KEYS));
  const stored = new Map([...texts].map(([key, value]) => [key, parse(value)]));
  const text = (key: string): string | null => {
    const value = stored.get(key);
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const failure = stored.get(KEYS.lastFailure) as { at?: unknown; message?: unknown } | null | undefined;
  return {
    passphrase: text(KEYS.passphrase),
    folder: text(KEYS.folder),
    automatic: stored.get(KEYS.automatic) === true,
    lastFailure:
      failure && typeof failure.at === 'string' && typeof failure.message === 'string'
        ? { at: failure.at, message: failure.message }
        : null,
  };
}

export async function writeBackupSettings(db: Kysely<VaultSchema>, changes: Partial<BackupSettings>): Promise<void> {
  await writeSettingValues(db, Object.fromEntries(Object.entries(changes).map(([name, value]) => [KEYS[name as keyof BackupSettings], value])));
}

function parse(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}
