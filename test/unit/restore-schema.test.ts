import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageVerifiedBackup } from '../../electron/services/backup/restore-stream';
import { countRecords, takeSnapshot } from '../../electron/services/backup/snapshot';
import { latestSchemaVersion, migrateToLatest } from '../../electron/services/database/migrate';
import { expectedSchemas } from '../../electron/services/database/expected-schema';
import { openEncryptedDatabase } from '../../electron/services/database/open-database';
import { readSchemaObjects } from '../../electron/services/database/schema-catalog.repository';
import { compareSchema, type ExpectedSchema } from '../../electron/services/database/schema-diff';
import type { VaultSchema } from '../../electron/services/database/schema';
import { migrations } from '../../migrations';
import { BACKUP_DATABASE_ENTRY, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_MANIFEST_ENTRY, type BackupManifest, type RecordCounts } from '../../shared/backup';
import { startBackupApp, type BackupApp } from './support/backup-app';
import { ageEncrypt, BACKUP_PASSPHRASE, cachedScryptIdentity, rejection, tarOf } from './support/backup-fixture';
import { everyClient } from './support/client-vault';
import { notesVaultOf } from './support/notes-vault';
import { seedSummaryClient } from './support/summary-client';
import { fingerprint, OTHER_PASSPHRASE, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

/*
 * A restore adopts this app's schema, never the backup's. A backup is a plain SQLite file inside an age
 * file: whoever has its passphrase can add a trigger (one that rewrites signed notes after any insert)
 * or drop the triggers that keep signed notes read-only, and the file still passes the checksum, the
 * integrity check, the migration record and the counts. Each backup here is a real vault's snapshot,
 * changed with SQLite as an attacker would, in a real age file with a manifest that matches it.
 */

type Craft = (db: InstanceType<typeof Database>) => void;

const knownMigrations = migrations.map((step) => step.name);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const dirs: string[] = [];
const newDir = (prefix: string) => {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
};
const apps: BackupApp[] = [];
const startApp = (dir = newDir('alliance-restore-schema-vault-')) => {
  const app = startBackupApp(dir);
  apps.push(app);
  return app;
};
const stagingFolders = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('.restore-staging-')) : []);

let app: BackupApp;
let snapshot: Buffer;
let backupDir: string;

beforeAll(async () => {
  app = startApp();
  backupDir = newDir('alliance-restore-schema-backups-');
  await app.services.vault.create(PASSPHRASE);
  await seedSummaryClient(notesVaultOf(app.services, app.vaultDir), { legalName: 'Ada Schemafield', sessions: 4 });
  snapshot = takeSnapshot(app.services.vault.connection());
}, 60_000);

afterAll(async () => {
  for (const started of apps) started.services.dispose();
  for (const dir of dirs) await removeDir(dir);
});

/** The vault's snapshot changed by `craft` (nothing, if absent), with the counts a manifest records for it. */
function craftedImage(craft?: Craft, from: Buffer = snapshot): { image: Buffer; counts: RecordCounts } {
  const db = new Database(from);
  try {
    craft?.(db);
    return { image: db.serialize(), counts: countRecords(db) };
  } finally {
    db.close();
  }
}

/** A backup file as the app lays it out, whose manifest matches the image (so only the schema can tell). */
async function backupFile(name: string, image: Buffer, counts: RecordCounts, schemaVersion = latestSchemaVersion()): Promise<string> {
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: '0.0.0-test',
    schemaVersion,
    createdAt: new Date(2026, 5, 15, 9, 0, 0).toISOString(),
    database: { file: BACKUP_DATABASE_ENTRY, bytes: image.length, sha256: sha256(image) },
    counts,
  };
  const archive = await tarOf([
    { name: BACKUP_MANIFEST_ENTRY, data: JSON.stringify(manifest, null, 2) },
    { name: BACKUP_DATABASE_ENTRY, data: image },
  ]);
  const file = path.join(backupDir, name);
  writeFileSync(file, await ageEncrypt(archive, { passphrase: BACKUP_PASSPHRASE }));
  return file;
}

/** The restore's staging and checks on `file`, as verify (one checking thread) or restore (two) runs them. */
function stage(file: string, operation: 'verify' | 'restore') {
  const stagedFile = path.join(newDir('alliance-restore-schema-staged-'), 'vault.db');
  return stageVerifiedBackup({
    file,
    passphrase: BACKUP_PASSPHRASE,
    identity: cachedScryptIdentity(BACKUP_PASSPHRASE),
    stagedFile,
    dataKey: randomBytes(32),
    knownMigrations,
    checkTablesInParallel: operation === 'restore',
  });
}

async function chooseFile(target: BackupApp, file: string): Promise<string> {
  target.dialogs.queueAnswer('open', file);
  return (await target.services.backups.chooseFile()).file!.id;
}

const NOTES_REWRITE = `CREATE TRIGGER notes_rewrite AFTER INSERT ON activity_log BEGIN
  UPDATE notes SET content = '{"rewritten":true}' WHERE status = 'signed'; END`;

describe('a backup whose database differs from what the migrations create is refused, by verify and by restore', () => {
  const cases: [string, Craft, RegExp][] = [
    [
      'a trigger that rewrites signed notes after any insert',
      (db) => db.exec(NOTES_REWRITE),
      /^This backup's database has been altered: it has a trigger this app never creates \(notes_rewrite\)\. Alliance Notes does not restore a database it did not make, so nothing was changed\.$/,
    ],
    [
      'the read-only triggers dropped',
      (db) => db.exec('DROP TRIGGER notes_signed_read_only; DROP TRIGGER sessions_signed_read_only'),
      /has been altered: the trigger notes_signed_read_only is missing; the trigger sessions_signed_read_only is missing\./,
    ],
    [
      'a read-only trigger replaced by a harmless one of the same name',
      (db) => db.exec(`DROP TRIGGER notes_signed_read_only; CREATE TRIGGER notes_signed_read_only BEFORE UPDATE ON notes WHEN 0 BEGIN SELECT 1; END`),
      /has been altered: the trigger notes_signed_read_only differs from the one this app creates\./,
    ],
    ['a view', (db) => db.exec('CREATE VIEW every_note AS SELECT content FROM notes'), /it has a view this app never creates \(every_note\)/],
    ['an index', (db) => db.exec('CREATE INDEX notes_by_saved ON notes (saved_at)'), /it has an index this app never creates \(notes_by_saved\)/],
    ['a table', (db) => db.exec('CREATE TABLE notes_shadow (content TEXT)'), /it has a table this app never creates \(notes_shadow\)/],
    ['a column added to a table', (db) => db.exec('ALTER TABLE clients ADD COLUMN remarks TEXT'), /the table clients differs from the one this app creates/],
    [
      'many changes at once: the first two are named, the rest counted',
      (db) => db.exec(`${NOTES_REWRITE}; CREATE VIEW v1 AS SELECT 1; CREATE VIEW v2 AS SELECT 2; CREATE VIEW v3 AS SELECT 3`),
      /it has a trigger this app never creates \(notes_rewrite\); it has a view this app never creates \(v1\), and 2 more differences\./,
    ],
    [
      'a name made to fill the message',
      (db) => db.exec(`CREATE TABLE "${'x'.repeat(5000)}\n<b>" (a)`),
      /it has a table this app never creates \(x{40}…\)\./,
    ],
  ];

  it.each(cases)('%s', async (name, craft, message) => {
    const { image, counts } = craftedImage(craft);
    const file = await backupFile(`${name.replaceAll(/\W+/g, '-')}.age`, image, counts);
    for (const operation of ['verify', 'restore'] as const) {
      const error = await rejection(stage(file, operation), 'BACKUP_CORRUPT', message);
      expect(error.message.length).toBeLessThan(400);
    }
  }, 60_000);

  it('a record of applied migrations that does not match the manifest', async () => {
    const { image, counts } = craftedImage((db) => db.prepare('DELETE FROM schema_migrations WHERE name = ?').run(latestSchemaVersion()));
    const file = await backupFile('record-mismatch.age', image, counts);
    await rejection(stage(file, 'restore'), 'BACKUP_CORRUPT', /has been altered: its record of schema changes does not match its manifest/);
  }, 60_000);

  it('passes the vault as the app made it, and with SQLite\'s own statistics tables (ANALYZE, PRAGMA optimize)', async () => {
    for (const craft of [undefined, (db: InstanceType<typeof Database>) => db.exec('ANALYZE'), (db: InstanceType<typeof Database>) => db.pragma('optimize=0x10002')]) {
      const { image, counts } = craftedImage(craft);
      const staged = await stage(await backupFile(`as-made-${randomBytes(4).toString('hex')}.age`, image, counts), 'restore');
      expect(staged.route).toBe('pages');
      expect(staged.checks).toContain('Tables, indexes and triggers exactly as this app creates them');
    }
  }, 60_000);
});

describe('through the app', () => {
  it('verify and restore refuse the trigger, leave the vault folder as it was, and the signed notes stay as signed', async () => {
    const { image, counts } = craftedImage((db) => db.exec(NOTES_REWRITE));
    const file = await backupFile('notes-rewrite.age', image, counts);
    const signedBefore = app.services.vault.connection().prepare(`SELECT id, content FROM notes WHERE status = 'signed' ORDER BY id`).all();
    expect(signedBefore.length).toBeGreaterThan(0);
    app.services.vault.lock('user');
    const untouched = fingerprint(app.vaultDir);
    await rejection(app.services.backups.verify(await chooseFile(app, file), BACKUP_PASSPHRASE), 'BACKUP_CORRUPT', /it has a trigger this app never creates \(notes_rewrite\)/);
    await rejection(
      app.services.backups.prepareRestore(await chooseFile(app, file), BACKUP_PASSPHRASE, PASSPHRASE),
      'BACKUP_CORRUPT',
      /it has a trigger this app never creates \(notes_rewrite\)/,
    );
    expect(fingerprint(app.vaultDir)).toEqual(untouched);
    expect(stagingFolders(app.vaultDir)).toEqual([]);
    await app.services.vault.unlock(PASSPHRASE);
    const sqlite = app.services.vault.connection();
    expect(sqlite.prepare(`SELECT id, content FROM notes WHERE status = 'signed' ORDER BY id`).all()).toEqual(signedBefore);
    expect(sqlite.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'notes_rewrite'`).pluck().get()).toBe(0);
  }, 90_000);

  it('restores a backup from an older version (fewer migrations), compared with what those migrations made, then migrates it', async () => {
    const older = knownMigrations.indexOf('0005_create_measures') + 1;
    const { image, counts } = await olderVaultImage(older);
    const file = await backupFile('older.age', image, counts, knownMigrations[older - 1]);
    const fresh = startApp();
    const prepared = await fresh.services.backups.prepareRestore(await chooseFile(fresh, file), BACKUP_PASSPHRASE, OTHER_PASSPHRASE);
    expect(prepared.backup.schemaVersion).toBe('0005_create_measures');
    await fresh.services.backups.confirmRestore(prepared.restoreId);
    const applied = fresh.services.vault.connection().prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all();
    expect(applied).toEqual(knownMigrations);
    expect((await fresh.services.clients.list(everyClient)).clients.map((client) => client.legalName)).toEqual(['Older Client']);

    // The same older backup with the guard trigger of its own time dropped is refused.
    const altered = craftedImage((db) => db.exec('DROP TRIGGER activity_log_no_update'), image);
    const alteredFile = await backupFile('older-altered.age', altered.image, altered.counts, knownMigrations[older - 1]);
    await rejection(stage(alteredFile, 'restore'), 'BACKUP_CORRUPT', /the trigger activity_log_no_update is missing/);
  }, 90_000);

  it('the vault compares a restored file again before migrating or writing to it, and puts the previous vault back', async () => {
    const database = path.join(app.vaultDir, 'vault.db');
    const signedBefore = app.services.vault.connection().prepare(`SELECT id, content FROM notes WHERE status = 'signed' ORDER BY id`).all();
    const key = await app.services.vault.keyForRestore(undefined);
    // A staged file with the attacker's trigger, handed straight to the vault (as if the backup's checks were bypassed).
    const staged = path.join(newDir('alliance-restore-schema-install-'), 'vault.db');
    app.services.vault.lock('user');
    copyFileSync(database, staged);
    const copy = openEncryptedDatabase(staged, key.dataKey, { create: false });
    copy.exec(NOTES_REWRITE);
    copy.pragma('wal_checkpoint(TRUNCATE)');
    copy.close();
    await app.services.vault.unlock(PASSPHRASE);
    await rejection(
      app.services.vault.installRestoredDatabase(staged, key, { checkedBeforeInstall: true }),
      'BACKUP_CORRUPT',
      /^The restored database has been altered: it has a trigger this app never creates \(notes_rewrite\)/,
    );
    expect((await app.services.vault.status()).state).toBe('unlocked');
    const sqlite = app.services.vault.connection();
    expect(sqlite.prepare(`SELECT id, content FROM notes WHERE status = 'signed' ORDER BY id`).all()).toEqual(signedBefore);
    expect(sqlite.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'notes_rewrite'`).pluck().get()).toBe(0);
    expect(readdirSync(app.vaultDir).filter((entry) => entry.startsWith('vault.before-restore'))).toEqual([]);

    // A restored file from a newer app (a migration this build does not have) is still called that.
    const newer = path.join(newDir('alliance-restore-schema-install-'), 'vault.db');
    app.services.vault.lock('user');
    copyFileSync(database, newer);
    const newerCopy = openEncryptedDatabase(newer, key.dataKey, { create: false });
    newerCopy.prepare(`INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_from_the_future', 'x')`).run();
    newerCopy.pragma('wal_checkpoint(TRUNCATE)');
    newerCopy.close();
    await app.services.vault.unlock(PASSPHRASE);
    await rejection(app.services.vault.installRestoredDatabase(newer, key, { checkedBeforeInstall: true }), 'BACKUP_TOO_NEW', /newer version of Alliance Notes/);
    expect(app.services.vault.connection().prepare(`SELECT count(*) FROM schema_migrations WHERE name = '9999_from_the_future'`).pluck().get()).toBe(0);
  }, 60_000);
});

/** A plain image of a vault made by the first `count` migrations, with one client, laid out as a vault's pages (SQLCipher's reserved bytes). */
async function olderVaultImage(count: number): Promise<{ image: Buffer; counts: RecordCounts }> {
  // A keyed file, not :memory:, so pages keep SQLCipher's 80 reserved bytes, as a vault's snapshot has.
  const sqlite = new Database(path.join(newDir('alliance-restore-schema-older-'), 'older.db'));
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  sqlite.pragma(`key="x'${randomBytes(32).toString('hex')}'"`);
  sqlite.pragma('foreign_keys=ON');
  const db = new Kysely<VaultSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db, migrations.slice(0, count));
  const now = new Date().toISOString();
  sqlite
    .prepare(`INSERT INTO clients (id, code, legal_name, status, created_at, updated_at) VALUES (?, 'AB-0001', 'Older Client', 'active', ?, ?)`)
    .run('00000000-0000-4000-8000-000000000001', now, now);
  const image = takeSnapshot(sqlite);
  const counts = countRecords(sqlite);
  await db.destroy();
  return { image, counts };
}

describe('what the app creates comes from its migrations', () => {
  it('has an expected schema after every migration, and the latest is exactly the live vault\'s', async () => {
    const schemas = await expectedSchemas();
    expect([...schemas.keys()]).toEqual(knownMigrations);
    const latest = schemas.get(latestSchemaVersion())!;
    expect(compareSchema(latest, readSchemaObjects(app.services.vault.connection()))).toEqual([]);
    // Guard triggers, FTS5 shadow tables and SQLite's automatic indexes are all in it, none listed by hand.
    const names = latest.objects.map((object) => `${object.type} ${object.name}`);
    expect(names).toEqual(expect.arrayContaining(['trigger notes_signed_read_only', 'table search_index_data', 'index sqlite_autoindex_clients_1']));
    expect(latest.optional.map((object) => object.name)).toContain('sqlite_stat1');
    // Each step adds what it creates: the first knows nothing of notes.
    expect(schemas.get(knownMigrations[0]!)!.objects.some((object) => object.name === 'notes')).toBe(false);
  });

  it('compares type, name, table and SQL exactly; a second row of one name and a look-alike statistics table count too', () => {
    const table = (name: string, sql: string) => ({ type: 'table', name, tbl_name: name, sql });
    const expected: ExpectedSchema = { objects: [table('notes', 'CREATE TABLE notes (a)')], optional: [table('sqlite_stat1', 'CREATE TABLE sqlite_stat1(tbl,idx,stat)')] };
    expect(compareSchema(expected, [table('notes', 'CREATE TABLE notes (a)')])).toEqual([]);
    expect(compareSchema(expected, [table('notes', 'CREATE TABLE notes (a)'), table('sqlite_stat1', 'CREATE TABLE sqlite_stat1(tbl,idx,stat)')])).toEqual([]);
    expect(compareSchema(expected, [table('notes', 'CREATE TABLE notes (a )')])).toEqual([{ kind: 'different', type: 'table', name: 'notes' }]);
    expect(compareSchema(expected, [{ ...table('notes', 'CREATE TABLE notes (a)'), tbl_name: 'other' }])).toEqual([{ kind: 'different', type: 'table', name: 'notes' }]);
    expect(compareSchema(expected, [table('notes', 'CREATE TABLE notes (a)'), table('notes', 'CREATE TABLE notes (a)')])).toEqual([{ kind: 'extra', type: 'table', name: 'notes' }]);
    expect(compareSchema(expected, [table('notes', 'CREATE TABLE notes (a)'), table('sqlite_stat1', 'CREATE TABLE sqlite_stat1(tbl,idx,stat,extra)')])).toEqual([
      { kind: 'different', type: 'table', name: 'sqlite_stat1' },
    ]);
    expect(compareSchema(expected, [{ type: 'view', name: 'notes', tbl_name: 'notes', sql: 'CREATE VIEW notes AS SELECT 1' }])).toEqual([
      { kind: 'missing', type: 'table', name: 'notes' },
      { kind: 'extra', type: 'view', name: 'notes' },
    ]);
  });
});
