import { createHash } from 'node:crypto';
import type { BackupManifest } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { expectedSchemaAt } from '../database/expected-schema';
import type { Sqlite } from '../database/open-database';
import { alteredSchemaMessage, type ExpectedSchema } from '../database/schema-diff';
import { problems } from './backup-problems';
import { inspectDatabase, type Inspection } from './restore-inspect';
import { openSnapshot } from './snapshot';

/**
 * What a decrypted backup database must pass before it is trusted: its checksum, exactly this app's
 * schema for its migration set, SQLite's integrity check, known migrations and its record counts.
 */
export const VERIFY_CHECKS = {
  authenticated: 'Passphrase accepted and every block authenticated',
  checksum: 'Checksum matches',
  structure: 'Tables, indexes and triggers exactly as this app creates them',
  integrity: 'Database integrity ok',
  schema: 'Schema version known',
  counts: 'Record counts match',
} as const;

/**
 * What this app's migrations create for the backup's migration set (the manifest names its last step),
 * for judgeInspection; null when this build has no such step (a newer app's backup: refused as too new
 * once the checksum has passed).
 */
export async function expectedSchemaOf(manifest: BackupManifest, knownMigrations: readonly string[], options: { nativeBinding?: string } = {}): Promise<ExpectedSchema | null> {
  if (!knownMigrations.includes(manifest.schemaVersion)) return null;
  return expectedSchemaAt(manifest.schemaVersion, options);
}

/**
 * Checks a decrypted snapshot against its manifest and this build: checksum, the schema exactly as
 * this app's migrations make it, SQLite's integrity check, migrations this build knows (a restore of a
 * newer schema would be opened by code that does not understand it), and the record counts shown to
 * the practitioner before a restore.
 */
export async function verifySnapshot(database: Buffer, manifest: BackupManifest, knownMigrations: readonly string[]): Promise<{ checks: string[] }> {
  const { checks, copy } = openVerifiedSnapshot(database, manifest, knownMigrations, await expectedSchemaOf(manifest, knownMigrations));
  copy.close();
  return { checks };
}

/**
 * verifySnapshot's checks, returning the database they ran on, open, for the caller to close: a
 * restore copies from it, so the image is opened (copied into SQLite's memory) once, not twice.
 * `expected` is expectedSchemaOf's answer. `open` must give SQLite its own copy of the bytes;
 * `database` is not changed.
 */
export function openVerifiedSnapshot(
  database: Buffer,
  manifest: BackupManifest,
  knownMigrations: readonly string[],
  expected: ExpectedSchema | null,
  open: (image: Buffer) => Sqlite = openSnapshot,
): { checks: string[]; copy: Sqlite } {
  // Only a file that readBackupFile returned gets here, and it returns only after every chunk authenticated.
  const checks: string[] = [VERIFY_CHECKS.authenticated];
  assertChecksum(database.length, createHash('sha256').update(database).digest('hex'), manifest);
  checks.push(VERIFY_CHECKS.checksum);
  if (expected === null) throw tooNewSchema();

  let copy: Sqlite;
  try {
    copy = open(database);
  } catch {
    throw problems.unopenable();
  }
  try {
    checks.push(...judgeInspection(inspectDatabase(copy, expected), manifest, knownMigrations));
    return { checks, copy };
  } catch (error) {
    copy.close();
    throw error;
  }
}

/** A backup whose schema has steps this build does not have. */
export const tooNewSchema = () =>
  new AppError('BACKUP_TOO_NEW', 'This backup was made by a newer version of Alliance Notes; update the app to restore it. Nothing was changed.');

/** The database's size and SHA-256 (of the plain image) against the manifest's. */
export function assertChecksum(bytes: number, sha256: string, manifest: BackupManifest): void {
  if (bytes !== manifest.database.bytes || sha256 !== manifest.database.sha256) {
    throw new AppError('BACKUP_CORRUPT', "The backup's database does not match the checksum in its manifest, so it cannot be trusted.");
  }
}

/**
 * Judges what the checks found in a backup's database (inspectDatabase, run on the image in memory or on
 * the staged copy on a worker thread) against its manifest and this build: its schema exactly as this
 * app's migrations create it for the manifest's migration set, SQLite's integrity check, migrations
 * this build knows (a restore of a newer schema would be opened by code that does not understand it),
 * and the record counts shown to the practitioner before a restore. Returns the VERIFY_CHECKS after
 * the checksum, in order; throws the first that failed.
 */
export function judgeInspection(inspection: Inspection, manifest: BackupManifest, knownMigrations: readonly string[]): string[] {
  if (!inspection.opened) throw problems.unopenable();
  if ('altered' in inspection) throw new AppError('BACKUP_CORRUPT', alteredSchemaMessage(inspection.altered));
  if (!inspection.integrity) {
    throw new AppError('BACKUP_CORRUPT', 'The database inside the backup failed its integrity check: it is damaged and cannot be restored.');
  }
  const checks: string[] = [VERIFY_CHECKS.structure, VERIFY_CHECKS.integrity];

  const applied = inspection.migrations ?? null;
  if (applied === null) {
    throw new AppError('BACKUP_CORRUPT', 'The database inside the backup is not an Alliance Notes vault (it has no schema record).');
  }
  const known = new Set(knownMigrations);
  if (applied.some((name) => !known.has(name))) throw tooNewSchema();
  // The schema was compared for the steps the manifest names; the database's own record must say the same.
  const named = knownMigrations.slice(0, knownMigrations.indexOf(manifest.schemaVersion) + 1);
  if (applied.length !== named.length || !named.every((name) => applied.includes(name))) {
    throw new AppError(
      'BACKUP_CORRUPT',
      "This backup's database has been altered: its record of schema changes does not match its manifest. Alliance Notes does not restore a database it did not make, so nothing was changed.",
    );
  }
  checks.push(VERIFY_CHECKS.schema);

  const counts = inspection.counts ?? null;
  const expected = manifest.counts;
  const names = new Set([...Object.keys(counts ?? {}), ...Object.keys(expected)]);
  if (counts === null || [...names].some((name) => counts[name] !== expected[name])) {
    throw new AppError('BACKUP_CORRUPT', "The backup's record counts do not match its manifest, so it cannot be trusted.");
  }
  checks.push(VERIFY_CHECKS.counts);
  return checks;
}
