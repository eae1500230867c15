import { migrations as registry, type MigrationStep } from '../../../migrations';
import { AppError } from '../../../shared/errors';
import { expectedSchemaAt } from './expected-schema';
import type { Sqlite } from './open-database';
import { readAppliedMigrations, readSchemaObjects } from './schema-catalog.repository';
import { alteredSchemaMessage, compareSchema } from './schema-diff';

/**
 * Refuses an open database whose schema is not exactly what this app's migrations create for the
 * migrations it records (BACKUP_CORRUPT, naming the first differences). A restore has compared the
 * backup's schema before staging it; the vault compares the installed file again before a migration
 * or any write runs on it, so a trigger that slipped past (or a file swapped in between) never fires.
 */
export async function assertSchemaAsMigrationsMake(sqlite: Sqlite, options: { nativeBinding?: string } = {}, steps: readonly MigrationStep[] = registry): Promise<void> {
  const objects = readSchemaObjects(sqlite);
  const applied = readAppliedMigrations(sqlite);
  const names = steps.map((step) => step.name);
  // Steps this build does not know: a newer app's database, which the migration runner refuses as such.
  if (applied?.some((name) => !names.includes(name))) {
    throw new AppError('VAULT_TOO_NEW', 'This vault was last opened by a newer version of Alliance Notes. Update the app to open it; nothing was changed.');
  }
  // Steps run in order, so a database this app made records a prefix of the list.
  const count = applied?.length ?? 0;
  const prefix = names.slice(0, count);
  if (applied === null || count === 0 || applied.some((name) => !prefix.includes(name))) {
    throw new AppError('BACKUP_CORRUPT', 'The restored database has been altered: its record of schema changes is not one this app writes. Alliance Notes does not restore a database it did not make, so nothing was changed.');
  }
  const expected = await expectedSchemaAt(prefix[count - 1]!, options, steps);
  const differences = expected === null ? [] : compareSchema(expected, objects);
  if (expected === null || differences.length > 0) {
    throw new AppError('BACKUP_CORRUPT', alteredSchemaMessage(differences, 'The restored database'));
  }
}
