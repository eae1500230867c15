import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import { BUILT_IN_MEASURES, builtInMeasureVersion, customMeasureDefinition, measureDefinitionSchema, type CustomMeasureInput, type MeasureDefinition } from '../../../shared/measures';
import type { VaultSchema } from '../database/schema';

/**
 * Measure definitions: built-ins live in code, custom ones in `measure_definitions`, one row per
 * version. A result names the version it was scored with, so changing a measure never re-scores history.
 */
const builtIn = new Map(BUILT_IN_MEASURES.map((measure) => [measure.id, measure]));

const parse = (json: string): MeasureDefinition => measureDefinitionSchema.parse(JSON.parse(json));

/** Built-ins first (in their fixed order), then the latest version of each custom measure, by name. */
export async function listMeasures(db: Kysely<VaultSchema>): Promise<MeasureDefinition[]> {
  const rows = await db
    .selectFrom('measure_definitions as d')
    .select('d.definition')
    .where(({ eb, selectFrom }) =>
      eb('d.version', '=', selectFrom('measure_definitions as later').select((inner) => inner.fn.max('later.version').as('v')).whereRef('later.id', '=', 'd.id')),
    )
    .execute();
  const custom = rows.map((row) => parse(row.definition)).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return [...BUILT_IN_MEASURES, ...custom];
}

/** The newest version of a measure, or null when there is no such measure. */
export async function latestMeasure(db: Kysely<VaultSchema>, id: string): Promise<MeasureDefinition | null> {
  const known = builtIn.get(id);
  if (known) return known;
  const row = await db.selectFrom('measure_definitions').select('definition').where('id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? parse(row.definition) : null;
}

/** Every version that any of these (id, version) pairs names, keyed `id@version`. */
export async function measureVersions(db: Kysely<VaultSchema>, wanted: readonly { id: string; version: number }[]): Promise<Map<string, MeasureDefinition>> {
  const found = new Map<string, MeasureDefinition>();
  const customIds = new Set<string>();
  for (const { id, version } of wanted) {
    // A built-in's earlier versions ship in code beside its current one.
    const known = builtInMeasureVersion(id, version);
    if (known) found.set(`${id}@${version}`, known);
    else if (!builtIn.has(id)) customIds.add(id);
  }
  if (customIds.size > 0) {
    const rows = await db.selectFrom('measure_definitions').select('definition').where('id', 'in', [...customIds]).execute();
    for (const row of rows) {
      const measure = parse(row.definition);
      found.set(`${measure.id}@${measure.version}`, measure);
    }
  }
  return found;
}

/** Saves a new custom measure (id null) or the next version of one; built-ins cannot be changed. */
export async function saveCustomMeasure(db: Kysely<VaultSchema>, id: string | null, input: CustomMeasureInput, at: Date): Promise<MeasureDefinition> {
  if (id !== null && builtIn.has(id)) throw new AppError('FORBIDDEN', 'Built-in measures cannot be changed. Make a copy and edit that instead.');
  return db.transaction().execute(async (trx) => {
    let version = 1;
    const measureId = id ?? `custom-${randomUUID()}`;
    if (id !== null) {
      const latest = await trx.selectFrom('measure_definitions').select('version').where('id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst();
      if (!latest) throw new AppError('NOT_FOUND', 'That measure no longer exists.');
      version = latest.version + 1;
    }
    const measure = customMeasureDefinition(input, measureId, version);
    await trx.insertInto('measure_definitions').values({ id: measureId, version, definition: JSON.stringify(measure), created_at: at.toISOString() }).execute();
    return measure;
  });
}
