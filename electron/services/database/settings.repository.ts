import type { Kysely } from 'kysely';
import type { VaultSchema } from './schema';
import { DEFAULT_ENGAGEMENT_SETTINGS } from '../../../shared/engagement';
import { AUTO_LOCK_MINUTES, settingsSchema, type Settings } from '../../../shared/contract';
import { allItemNamesSchema, type AllItemNames } from '../../../shared/measure-item-names';

const defaults: Settings = {
  autoLockMinutes: AUTO_LOCK_MINUTES.default,
  practitionerName: '',
  credentials: '',
  practiceName: '',
  licenceNumber: '',
  practiceContact: '',
  paperSize: 'A4',
  prescriber: false,
  engagement: DEFAULT_ENGAGEMENT_SETTINGS,
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
  await writeSettingValues(db, changes);
}

/** The stored JSON text of each of `keys` that has been saved. */
export async function readSettingTexts(db: Kysely<VaultSchema>, keys: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute();
  return new Map(rows.map((row) => [row.key, row.value]));
}

/** Saves each key's value as JSON, in one transaction; an undefined value leaves its key as it is. */
export async function writeSettingValues(db: Kysely<VaultSchema>, values: Record<string, unknown>): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      const json = JSON.stringify(value);
      await trx
        .insertInto('settings')
        .values({ key, value: json, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
        .execute();
    }
  });
}

/** The settings key under which the item names of score-only measures are kept (see shared/measure-item-names). */
const ITEM_NAMES_KEY = 'measureItemNames';

/** Measure id → item key → name; a value that cannot be read counts as no names, rather than breaking unlock. */
export async function readItemNames(db: Kysely<VaultSchema>): Promise<AllItemNames> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', ITEM_NAMES_KEY).executeTakeFirst();
  if (!row) return {};
  try {
    const parsed = allItemNamesSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export async function writeItemNames(db: Kysely<VaultSchema>, names: AllItemNames, at: Date): Promise<void> {
  const value = JSON.stringify(names);
  const now = at.toISOString();
  await db
    .insertInto('settings')
    .values({ key: ITEM_NAMES_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

/** Saves one key's JSON text within the caller's transaction. */
export async function writeSettingText(db: Kysely<VaultSchema>, key: string, value: string, at: Date): Promise<void> {
  const now = at.toISOString();
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
