import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageVerifiedBackup } from '../../electron/services/backup/restore-stream';
import { countRecords, takeSnapshot } from '../../electron/services/backup/snapshot';
import { latestSchemaVersion } from '../../electron/services/database/migrate';
import { MedicationsService } from '../../electron/services/medications/medications.service';
import { migrations } from '../../migrations';
import { BACKUP_DATABASE_ENTRY, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_MANIFEST_ENTRY, type BackupManifest } from '../../shared/backup';
import { startBackupApp, type BackupApp } from './support/backup-app';
import { ageEncrypt, BACKUP_PASSPHRASE, cachedScryptIdentity, rejection, tarOf } from './support/backup-fixture';
import { MED, regimen, seedMedicatedClient, type MedicatedClient } from './support/medication-client';
import { notesVaultOf } from './support/notes-vault';
import { PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

/**
 * A backup of a vault with medications restores them exactly, and the restore's schema check covers
 * the medication tables: a backup whose medication tables were altered with SQLite is refused.
 */
const MEDICATION_TABLES = ['medications', 'medication_events', 'allergies'] as const;
const dirs: string[] = [];
const newDir = (prefix: string) => {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
};

let app: BackupApp;
let client: MedicatedClient;
let backupDir: string;

/** Every row of the medication tables, sorted, per table. */
function medicationRows(): Record<string, unknown[]> {
  const sqlite = app.services.vault.connection();
  return Object.fromEntries(MEDICATION_TABLES.map((table) => [table, (sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).raw().all() as unknown[])]));
}

beforeAll(async () => {
  app = startBackupApp(newDir('alliance-medication-backup-vault-'));
  backupDir = newDir('alliance-medication-backup-folder-');
  await app.services.vault.create(PASSPHRASE);
  client = await seedMedicatedClient(notesVaultOf(app.services, app.vaultDir), { legalName: 'Ada Backupexample', code: 'AB-0001' });
  await app.services.backups.setPassphrase(BACKUP_PASSPHRASE);
}, 60_000);

afterAll(async () => {
  app.services.dispose();
  for (const dir of dirs) await removeDir(dir);
});

describe('medications in backups', () => {
  it('a restored backup holds the medications, their histories and the allergies as they were backed up', async () => {
    const before = medicationRows();
    expect(before.medications).toHaveLength(2);
    expect(before.medication_events).toHaveLength(5);
    expect(before.allergies).toHaveLength(2);
    app.dialogs.queueAnswer('folder', backupDir);
    await app.services.backups.chooseFolder();
    const { backup } = await app.services.backups.backupNow('folder');
    expect(backup!.counts).toMatchObject({ medications: 2, medication_events: 5, allergies: 2 });

    // Changed after the backup: a new medication, a stop, an allergy.
    const medications = new MedicationsService({ db: () => app.services.vault.database() });
    await medications.start({ clientId: client.clientId, name: 'Laterexamplol', date: '2026-06-01', reason: '', regimen: regimen() });
    await medications.change({ medicationId: client.examplazineId, kind: 'stop', date: '2026-06-12', reason: 'Feeling well', regimen: regimen({ dose: '75 mg, one and a half tablets' }) });
    await medications.addAllergy({ clientId: client.clientId, substance: 'Afterwardine', reaction: '', kind: 'allergy', recordedOn: '2026-06-02' });
    expect(medicationRows()).not.toEqual(before);

    app.dialogs.queueAnswer('open', backup!.path);
    const fileId = (await app.services.backups.chooseFile()).file!.id;
    const prepared = await app.services.backups.prepareRestore(fileId, undefined, undefined);
    await app.services.backups.confirmRestore(prepared.restoreId);
    expect(medicationRows()).toEqual(before);
    const listed = await app.services.medications.list(client.clientId);
    expect(listed.medications.map((m) => [m.name, m.current, m.history.length])).toEqual(
      expect.arrayContaining([
        [MED.examplazine, true, 3],
        [MED.fictorex, false, 2],
      ]),
    );
    expect(listed.allergies.map((a) => a.substance)).toEqual([MED.allergy, MED.removedAllergy]);
  }, 90_000);

  it('a backup whose medication tables were altered is refused by the restore\'s schema check', async () => {
    const snapshot = takeSnapshot(app.services.vault.connection());
    const crafts: [string, string, RegExp][] = [
      ['trigger', `CREATE TRIGGER doses_rewrite AFTER INSERT ON activity_log BEGIN UPDATE medication_events SET dose = 'x'; END`, /it has a trigger this app never creates \(doses_rewrite\)/],
      ['index', 'DROP INDEX medication_events_by_client', /the index medication_events_by_client is missing/],
      ['column', 'ALTER TABLE allergies ADD COLUMN remarks TEXT', /the table allergies differs from the one this app creates/],
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
        stagedFile: path.join(newDir('alliance-medication-backup-staged-'), 'vault.db'),
        dataKey: randomBytes(32),
        knownMigrations: migrations.map((step) => step.name),
        checkTablesInParallel: false,
      });
      await rejection(staged, 'BACKUP_CORRUPT', message);
    }
  }, 90_000);
});
