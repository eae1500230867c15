import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { migrations as registry, type MigrationStep } from '../../../migrations';
import { migrateToLatest } from './migrate';
import type { VaultSchema } from './schema';
import { createStatisticsTables, readSchemaObjects, type SchemaObject } from './schema-catalog.repository';
import type { ExpectedSchema } from './schema-diff';

/*
 * What this app's migrations create, found by running them: each step, in order, through the same
 * runner a vault uses (migrateToLatest, its schema_migrations table included), on a scratch in-memory
 * database, with sqlite_schema read after every step. Nothing is listed by hand, so a new migration is
 * covered the day it is added. Built once per process and list of steps (a few milliseconds).
 */

/** Migration name → the schema a database has once every step up to and including it has run. */
export type ExpectedSchemas = ReadonlyMap<string, ExpectedSchema>;

const built = new WeakMap<readonly MigrationStep[], Promise<ExpectedSchemas>>();

/** The expected schema after each step of `steps`; cached. */
export function expectedSchemas(options: { nativeBinding?: string } = {}, steps: readonly MigrationStep[] = registry): Promise<ExpectedSchemas> {
  let schemas = built.get(steps);
  if (!schemas) {
    schemas = build(steps, options.nativeBinding);
    // A failed build is not cached: the next restore tries again (and fails the same way, refusing).
    schemas.catch(() => built.delete(steps));
    built.set(steps, schemas);
  }
  return schemas;
}

/**
 * The schema of a database whose last applied migration is `schemaVersion` (a manifest records it),
 * or null when this build has no such step (a newer app's backup).
 */
export async function expectedSchemaAt(schemaVersion: string, options: { nativeBinding?: string } = {}, steps: readonly MigrationStep[] = registry): Promise<ExpectedSchema | null> {
  return (await expectedSchemas(options, steps)).get(schemaVersion) ?? null;
}

async function build(steps: readonly MigrationStep[], nativeBinding: string | undefined): Promise<ExpectedSchemas> {
  const sqlite = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  const db = new Kysely<VaultSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    // As openEncryptedDatabase sets it: a step's DROP or ALTER may behave differently without it.
    sqlite.pragma('foreign_keys=ON');
    const after: [string, SchemaObject[]][] = [];
    for (let count = 1; count <= steps.length; count += 1) {
      await migrateToLatest(db, steps.slice(0, count));
      after.push([steps[count - 1]!.name, readSchemaObjects(sqlite)]);
    }
    // SQLite's statistics tables are its own, made by ANALYZE or PRAGMA optimize (and by a restore of a
    // backup that had them): allowed, but only as this build of SQLite defines them.
    const before = new Set(readSchemaObjects(sqlite).map((object) => object.name));
    createStatisticsTables(sqlite);
    const optional = readSchemaObjects(sqlite).filter((object) => !before.has(object.name));
    return new Map(after.map(([name, objects]) => [name, { objects, optional }]));
  } finally {
    await db.destroy();
  }
}
