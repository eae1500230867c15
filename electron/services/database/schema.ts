/** Table types for Kysely; one interface per table created in migrations/. */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: string;
}

export interface VaultSchema {
  settings: SettingsTable;
  schema_migrations: SchemaMigrationsTable;
}
