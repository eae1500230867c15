import { sql, type Kysely } from 'kysely';
import { migrations as registry, type MigrationStep } from '../../../migrations';
import type { VaultSchema } from './schema';
import { AppError } from '../../../shared/errors';

/**
 * Brings the vault's schema up to date. Kysely's own migrator does not wrap SQLite steps in a
 * transaction, so this small runner does: each step and the record of it commit together or not at
 * all. A vault that has steps this build does not know was written by a newer app and is refused.
 */
export async function migrateToLatest(
  db: Kysely<VaultSchema>,
  steps: readonly MigrationStep[] = registry): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`.execute(db);
  const rows = await db.selectFrom('schema_migrations').select('name').execute();
  const applied = new Set(rows.map((row) => row.name));
  const known = new Set(steps.map((step) => step.name));
  const unknown = [...applied].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new AppError(
      'VAULT_TOO_NEW',
      'This vault was last opened by a newer version of Alliance Notes. Update the app to open it; nothing was changed.',
    );
  }
  const ran: string[] = [];
  for (const step of steps) {
    if (applied.has(step.name)) continue;
    await db.transaction().execute(async (trx) => {
      await step.up(trx);
      await trx.insertInto('schema_migrations').values({ name: step.name, applied_at: new Date().toISOString() }).execute();
    });
    ran.push(step.name);
  }
  return ran;
}

/** Steps this build would run on `db`; read-only, so an unlock can decide what to check first. */
export async function pendingMigrationCount(
  db: Kysely<VaultSchema>,
  steps: readonly MigrationStep[] = registry,
): Promise<number> {
  const table = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`.execute(db);
  if ((table.rows[0]?.n ?? 0) === 0) return steps.length;
  const rows = await db.selectFrom('schema_migrations').select('name').execute();
  const applied = new Set(rows.map((row) => row.name));
  return steps.filter((step) => !applied.has(step.name)).length;
}

export const latestSchemaVersion = (): string => registry[registry.length - 1]?.name ?? '';
