import type { Sqlite } from './open-database';

/*
 * SQLite's catalogue of a database (sqlite_schema, also called sqlite_master): what a restore compares
 * against what this app's migrations create. Reading it runs nothing of the database's own: no trigger
 * fires on a SELECT, and a view is not expanded by reading its definition.
 */

/** One row of sqlite_schema, as SQLite stores it. */
export interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  /** Null for SQLite's own automatic indexes (UNIQUE and PRIMARY KEY constraints). */
  sql: string | null;
}

/** Every object of the main schema, in a fixed order. */
export function readSchemaObjects(db: Sqlite): SchemaObject[] {
  return db.prepare(`SELECT type, name, tbl_name, sql FROM main.sqlite_schema ORDER BY type, name, tbl_name, sql`).all() as SchemaObject[];
}

/** Tables with a b-tree of their own, by name: virtual tables have none (their shadow tables are listed). */
export function readStoredTableNames(db: Sqlite): string[] {
  return db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`).pluck().all() as string[];
}

/**
 * Creates SQLite's statistics tables (sqlite_stat1, and sqlite_stat4 where the build has it) without
 * analysing anything, the documented way (as sqlite3's .dump does); used on a scratch database only.
 */
export function createStatisticsTables(db: Sqlite): void {
  db.exec('ANALYZE main.sqlite_schema');
}

/** The migrations a database records as applied; null when it has no such record. */
export function readAppliedMigrations(db: Sqlite): string[] | null {
  try {
    return db.prepare('SELECT name FROM main.schema_migrations').pluck().all() as string[];
  } catch {
    return null;
  }
}
