import type { Kysely } from 'kysely';
import type { VaultSchema } from './schema';
import { AUTO_LOCK_MINUTES, settingsSchema, type Settings } from '../../../shared/contract';

const defaults: Settings = {
  autoLockMinutes: AUTO_LOCK_MINUTES.default,
  practitionerName: '',
  credentials: '',
  practiceName: '',
  licenceNumber: '',
  practiceContact: '',
  paperSize: 'A4',
};

/** Reads all settings, falling back to defaults for keys never saved or no longer valid. */
export async function readSettings(db: Kysely<VaultSchema>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      stored[row.key] = JSON.parse(row.value);
    } catch {
      // A value that cannot be parsed falls back to its default rather than breaking unlock.
    }
  }
  const merged: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof Settings)[]) {
    const candidate = settingsSchema.shape[key].safeParse(stored[key]);
    if (candidate.success) merged[key] = candidate.data;
  }
  // Every key was either defaulted or checked by its own schema above.
  return merged as Settings;
}

export async function writeSettings(db: Kysely<VaultSchema>, changes: Partial<Settings>): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value), updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
        .execute();
    }
  });
}
