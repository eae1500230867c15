import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageVerifiedBackup } from '../../electron/services/backup/restore-stream';
import { countRecords, takeSnapshot } from '../../electron/services/backup/snapshot';
import { latestSchemaVersion } from '../../electron/services/database/migrate';
import { migrations } from '../../migrations';
import { BACKUP_DATABASE_ENTRY, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_MANIFEST_ENTRY, type BackupManifest } from '../../shared/backup';
import { startBackupApp, type BackupApp } from './support/backup-app';
import { ageEncrypt, BACKUP_PASSPHRASE, cachedScryptIdentity, rejection, tarOf } from './support/backup-fixture';
import { seedEngagedClient, type EngagedClient } from './support/engaged-client';
import { notesVaultOf } from './support/notes-vault';
import { PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

/**
 * A backup of a vault with follow-up plans, appointments, missed sessions and contacts restores them
 * exactly, discharge kind included, and the restore's schema check covers those tables: a backup whose
 * engagement tables were altered with SQLite is refused.
 */
const ENGAGEMENT_TABLES = ['follow_up_plans', 'appointments', 'attendance_records', 'contacts'] as const;
const dirs: string[] = [];
const newDir = (prefix: string) => {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
};

let app: BackupApp;
let client: EngagedClient;
let backupDir: string;

/** Every row of the engagement tables, sorted, per table, and each client's discharge kind. */
function engagementRows(): Record<string, unknown[]> {
  const sqlite = app.services.vault.connection();
  return {
    ...Object.fromEntries(ENGAGEMENT_TABLES.map((table) => [table, sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1`).raw().all() as unknown[]])),
    dischargeKinds: sqlite.prepare('SELECT code, discharge_kind FROM clients ORDER BY code').raw().all() as unknown[],
  };
}

beforeAll(async () => {
  app = startBackupApp(newDir('alliance-engagement-backup-vault-'));
  backupDir = newDir('alliance-engagement-backup-folder-');
  await app.services.vault.create(PASSPHRASE);
  const nv = notesVaultOf(app.services, app.vaultDir);
  client = await seedEngagedClient(nv, { legalName: 'Ada Backupexample', code: 'AB-0001', marker: 'Plombervast' });
  const other = await seedEngagedClient(nv, { legalName: 'Ben Backupother', code: 'BB-0002', marker: 'Tranquelmoss' });
  await app.services.clients.setStatus(other.clientId, 'discharged', '2026-06-10', '', 'planned');
  await app.services.backups.setPassphrase(BACKUP_PASSPHRASE);
}, 60_000);

afterAll(async () => {
  app.services.dispose();
  for (const dir of dirs) await removeDir(dir);
});

describe('engagement records in backups', () => {
  it('a restored backup holds the plans, appointments, missed sessions, contacts and discharge kinds as they were backed up', async () => {
    const before = engagementRows();
    expect(ENGAGEMENT_TABLES.map((table) => before[table]!.length)).toEqual([2, 6, 4, 4]);
    app.dialogs.queueAnswer('folder', backupDir);
    await app.services.backups.chooseFolder();
    const { backup } = await app.services.backups.backupNow('folder');
    expect(backup!.counts).toMatchObject({ follow_up_plans: 2, appointments: 6, attendance_records: 4, contacts: 4 });

    // Changed after the backup: a new contact, a missed session removed, the plan and the discharge kind changed.
    const engagement = app.services.engagement;
    await engagement.addContact({ clientId: client.clientId, date: '2026-06-12', startTime: null, kind: 'email', direction: 'to_client', professional: '', note: 'Afterwards.' });
    await engagement.removeMissed(client.lateCancellationId);
    await engagement.setPlan({ clientId: client.clientId, frequency: 'monthly', everyDays: null, agreedOn: '2026-06-12' });
    await app.services.clients.setStatus(client.clientId, 'discharged', '2026-06-12', '', 'unplanned');
    expect(engagementRows()).not.toEqual(before);

    app.dialogs.queueAnswer('open', backup!.path);
    const fileId = (await app.services.backups.chooseFile()).file!.id;
    const prepared = await app.services.backups.prepareRestore(fileId, undefined, undefined);
    await app.services.backups.confirmRestore(prepared.restoreId);
    expect(engagementRows()).toEqual(before);
    expect((await app.services.engagement.contacts(client.clientId)).map((contact) => contact.note)).toEqual([client.contactNote, 'Letter about the plan.']);
    expect((await app.services.engagement.plan(client.clientId))?.frequency).toBe('fortnightly');
  }, 90_000);

  it('a backup whose engagement tables were altered is refused by the restore\'s schema check', async () => {
    const snapshot = takeSnapshot(app.services.vault.connection());
    const crafts: [string, string, RegExp][] = [
      ['trigger', `CREATE TRIGGER contacts_rewrite AFTER INSERT ON activity_log BEGIN UPDATE contacts SET note = 'x'; END`, /it has a trigger this app never creates \(contacts_rewrite\)/],
      ['index', 'DROP INDEX attendance_records_by_client', /the index attendance_records_by_client is missing/],
      ['column', 'ALTER TABLE appointments ADD COLUMN remarks TEXT', /the table appointments differs from the one this app creates/],
      ['plan', 'DROP TABLE follow_up_plans', /follow_up_plans/],
    ];
    for (const [name, statement, message] of crafts) {
      const db = new Database(snapshot);
      db.exec(statement);
      const image = db.serialize();
      const counts = countRecords(db);
      db.close();
      const manifest: BackupManifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: '0.0.0-test',
        schemaVersion: latestSchemaVersion(),
        createdAt: new Date(2026, 5, 15, 9, 0, 0).toISOString(),
        database: { file: BACKUP_DATABASE_ENTRY, bytes: image.length, sha256: createHash('sha256').update(image).digest('hex') },
        counts,
      };
      const archive = await tarOf([
        { name: BACKUP_MANIFEST_ENTRY, data: JSON.stringify(manifest, null, 2) },
        { name: BACKUP_DATABASE_ENTRY, data: image },
      ]);
      const file = path.join(backupDir, `altered-${name}.age`);
      writeFileSync(file, await ageEncrypt(archive, { passphrase: BACKUP_PASSPHRASE }));
      const staged = stageVerifiedBackup({
        file,
        passphrase: BACKUP_PASSPHRASE,
        identity: cachedScryptIdentity(BACKUP_PASSPHRASE),
        stagedFile: path.join(newDir('alliance-engagement-backup-staged-'), 'vault.db'),
        dataKey: randomBytes(32),
        knownMigrations: migrations.map((step) => step.name),
        checkTablesInParallel: false,
      });
      await rejection(staged, 'BACKUP_CORRUPT', message);
    }
  }, 90_000);
});
