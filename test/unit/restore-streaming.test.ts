import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBackupFile } from '../../electron/services/backup/backup-reader';
import { stageVerifiedBackup } from '../../electron/services/backup/restore-stream';
import { countRecords, openSnapshot, takeSnapshot } from '../../electron/services/backup/snapshot';
import { plainPageLayout } from '../../electron/services/backup/sqlcipher-pages';
import { ClientsService } from '../../electron/services/clients/clients.service';
import { latestSchemaVersion, migrateToLatest } from '../../electron/services/database/migrate';
import type { VaultSchema } from '../../electron/services/database/schema';
import { migrations } from '../../migrations';
import {
  BACKUP_DATABASE_ENTRY,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_ENTRY,
  type BackupManifest,
  type BackupProgress,
  type RecordCounts,
} from '../../shared/backup';
import { ageEncrypt, BACKUP_PASSPHRASE, CANARY, rejection, tarOf } from './support/backup-fixture';
import { probeMounting, SmallDisk, unmountAll } from './support/small-disk';
import { clientFields, everyClient } from './support/client-vault';
import { notesVaultOf } from './support/notes-vault';
import { startBackupApp, type BackupApp } from './support/backup-app';
import { dataKeyFor, decryptDatabase, pageKeys } from './support/sqlcipher-pages';
import { seedSummaryClient } from './support/summary-client';
import { fingerprint, OTHER_PASSPHRASE, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

/*
 * Restore and verification stream the backup's database into the staged vault file page by page
 * (restore-stream.ts), so no vault-sized buffer is held; a plain image without SQLCipher's reserved
 * bytes is collected in memory and copied through SQLite instead. Every backup here is a real age file; the database is never mocked.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const knownMigrations = migrations.map((step) => step.name);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const dirs: string[] = [];
const newDir = (prefix: string) => {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
};

type App = BackupApp;
const apps: App[] = [];
function startApp(vaultDir = newDir('alliance-restore-stream-vault-')): App {
  const app = startBackupApp(vaultDir);
  apps.push(app);
  return app;
}

async function chooseFile(app: App, file: string): Promise<string> {
  app.dialogs.queueAnswer('open', file);
  return (await app.services.backups.chooseFile()).file!.id;
}

/**
 * Rows of random text, bulk that no page cache or index makes smaller, in the app's own settings table:
 * a restore refuses a database with a table the app never creates.
 */
function addPadding(app: App, rows: number, first = 1): void {
  const sqlite = app.services.vault.connection();
  sqlite.exec(`WITH RECURSIVE n(i) AS (SELECT ${first} UNION ALL SELECT i + 1 FROM n WHERE i < ${first + rows - 1})
    INSERT INTO settings (key, value, updated_at) SELECT 'test.padding.' || i, '"' || hex(randomblob(1600)) || '"', '2026-06-15T09:00:00.000Z' FROM n`);
}

const stagingFolders = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('.restore-staging-')) : []);
const phasesOf = (app: App, operation: BackupProgress['operation']) => [...new Set(app.progress.filter((p) => p.operation === operation).map((p) => p.phase))];

/** Every row of every table that holds the practice's records, hashed per table (as backup-restore.test.ts). */
function tableDigests(app: App): Record<string, string> {
  const sqlite = app.services.vault.connection();
  const tables = sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  const skip = new Set(['activity_log', 'backup_history', 'settings']);
  const out: Record<string, string> = {};
  for (const table of tables) {
    if (skip.has(table)) continue;
    const rows = (sqlite.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[]).map((row) => JSON.stringify(row)).sort();
    out[table] = sha256(Buffer.from(rows.join('\n')));
  }
  return out;
}

/** The image with each page's reserved bytes zeroed, as a decrypted page has them. */
function withoutReserve(image: Buffer): Buffer {
  const copy = Buffer.from(image);
  const pageSize = copy.readUInt16BE(16);
  const reserve = copy[20]!;
  for (let end = pageSize; end <= copy.length; end += pageSize) copy.fill(0, end - reserve, end);
  return copy;
}

/**
 * A backup file exactly as the app lays it out (age, passphrase, a tar of the manifest then the plain
 * image), made with the age-encryption package at the app's scrypt work factor (the reader refuses less).
 */
async function writeBackupOf(file: string, image: Buffer, counts: RecordCounts, manifestChanges: Partial<BackupManifest['database']> = {}): Promise<void> {
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: '0.0.0-test',
    schemaVersion: latestSchemaVersion(),
    createdAt: new Date(2026, 5, 15, 9, 0, 0).toISOString(),
    database: { file: BACKUP_DATABASE_ENTRY, bytes: image.length, sha256: sha256(image), ...manifestChanges },
    counts,
  };
  const archive = await tarOf([
    { name: BACKUP_MANIFEST_ENTRY, data: JSON.stringify(manifest, null, 2) },
    { name: BACKUP_DATABASE_ENTRY, data: image },
  ]);
  writeFileSync(file, await ageEncrypt(archive, { passphrase: BACKUP_PASSPHRASE }));
}

afterAll(async () => {
  for (const app of apps) app.services.dispose();
  unmountAll();
  for (const dir of dirs) await removeDir(dir);
});

describe('restoring a real backup streams it into the staged vault', () => {
  let app: App;
  let backupDir: string;
  let backupFile: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    app = startApp();
    backupDir = newDir('alliance-restore-stream-backups-');
    await app.services.vault.create(PASSPHRASE);
    await seedSummaryClient(notesVaultOf(app.services, app.vaultDir), { legalName: `Ada ${CANARY}`, sessions: 40, mentionName: CANARY });
    // A few MB, so a failure part-way comes after the staged file has been written to.
    addPadding(app, 1200);
    await app.services.backups.setPassphrase(BACKUP_PASSPHRASE);
    app.dialogs.queueAnswer('folder', backupDir);
    const { backup } = await app.services.backups.backupNow('choose');
    backupFile = backup!.path;
    before = tableDigests(app);
  }, 60_000);

  it('stages the backup page for page under the vault key, then restores every row', async () => {
    await app.services.clients.create(clientFields({ legalName: 'Added After Backup' }));
    const fileId = await chooseFile(app, backupFile);
    const prepared = await app.services.backups.prepareRestore(fileId, undefined, undefined);
    expect(prepared.backup.checks).toEqual([
      'Passphrase accepted and every block authenticated',
      'Checksum matches',
      'Tables, indexes and triggers exactly as this app creates them',
      'Database integrity ok',
      'Schema version known',
      'Record counts match',
    ]);

    // The staged file is the backup's own image, page for page, each page encrypted under the vault's
    // key (read back here by an independent SQLCipher reader): only the streaming route makes that. The
    // fallback copies rows through SQLite into a new file, whose pages are laid out afresh.
    const [folder] = stagingFolders(app.vaultDir);
    // Checked read-only: SQLite left no journal, -wal or -shm beside it for the swap to trip over.
    expect(readdirSync(path.join(app.vaultDir, folder!))).toEqual(['vault.db']);
    const staged = readFileSync(path.join(app.vaultDir, folder!, 'vault.db'));
    const { database: image } = await readBackupFile(backupFile, BACKUP_PASSPHRASE);
    expect(plainPageLayout(image)).toEqual({ pageSize: 4096, reserve: 80 });
    expect(staged.length).toBe(image.length);
    expect(staged.subarray(0, 16).equals(image.subarray(0, 16))).toBe(false);
    expect(staged.includes(Buffer.from(CANARY))).toBe(false);
    const key = await dataKeyFor(app.vaultDir, PASSPHRASE);
    try {
      expect(decryptDatabase(staged, pageKeys(key, staged.subarray(0, 16))).equals(withoutReserve(image))).toBe(true);
    } finally {
      key.fill(0);
      image.fill(0);
    }
    expect(phasesOf(app, 'restore')).not.toContain('Encrypting the restored copy');

    const result = await app.services.backups.confirmRestore(prepared.restoreId);
    expect(result.status.state).toBe('unlocked');
    expect(tableDigests(app)).toEqual(before);
    expect((await app.services.clients.list({ ...everyClient, query: 'Added After Backup' })).clients).toEqual([]);
    expect(stagingFolders(app.vaultDir)).toEqual([]);
    // The restored vault is checked once more after opening, off the main thread, and found sound.
    await app.services.vault.integrityCheckSettled();
    expect((await app.services.vault.status()).state).toBe('unlocked');
    // And it opens again from the disk alone.
    app.services.vault.lock('user');
    await app.services.vault.unlock(PASSPHRASE);
    expect(tableDigests(app)).toEqual(before);
  }, 60_000);

  it('verifies through the same route with a throwaway key, and leaves nothing behind, even with no vault folder yet', async () => {
    app.services.vault.lock('user');
    const untouched = fingerprint(app.vaultDir);
    const info = await app.services.backups.verify(await chooseFile(app, backupFile), BACKUP_PASSPHRASE);
    expect(info.checks).toHaveLength(6);
    expect(fingerprint(app.vaultDir)).toEqual(untouched);
    expect(stagingFolders(app.vaultDir)).toEqual([]);
    await app.services.vault.unlock(PASSPHRASE);

    // On a machine with no vault yet, verifying makes the vault folder for its staging copy and removes it again.
    const fresh = startApp(path.join(newDir('alliance-restore-stream-empty-'), 'not-yet'));
    const freshInfo = await fresh.services.backups.verify(await chooseFile(fresh, backupFile), BACKUP_PASSPHRASE);
    expect(freshInfo.counts).toEqual(info.counts);
    expect(existsSync(fresh.vaultDir)).toBe(false);
    expect((await fresh.services.vault.status()).state).toBe('absent');
  }, 60_000);

  /** Restores `file` over the locked vault: refused with `code`, nothing in the vault's folder changed, no staging folder left. */
  async function refusedRestore(file: string, code: 'BACKUP_CORRUPT' | 'IO_ERROR', pattern: RegExp): Promise<void> {
    app.services.vault.lock('user');
    try {
      const untouched = fingerprint(app.vaultDir);
      const fileId = await chooseFile(app, file);
      await rejection(app.services.backups.prepareRestore(fileId, BACKUP_PASSPHRASE, PASSPHRASE), code, pattern);
      expect(fingerprint(app.vaultDir)).toEqual(untouched);
      expect(stagingFolders(app.vaultDir)).toEqual([]);
    } finally {
      await app.services.vault.unlock(PASSPHRASE);
    }
  }

  it('a backup cut short, or damaged, after part of the staged file was written: the reader\'s message, and the staged file is gone', async () => {
    const full = readFileSync(backupFile);
    expect(full.length).toBeGreaterThan(3 * 1024 * 1024);
    const cut = path.join(backupDir, 'cut.age');
    writeFileSync(cut, full.subarray(0, Math.floor(full.length * 0.8)));
    await refusedRestore(cut, 'BACKUP_CORRUPT', /^The backup is incomplete: it ends early/);
    const damaged = path.join(backupDir, 'damaged.age');
    const copy = Buffer.from(full);
    const at = Math.floor(copy.length * 0.8);
    copy[at] = copy[at]! ^ 0x40;
    writeFileSync(damaged, copy);
    await refusedRestore(damaged, 'BACKUP_CORRUPT', /^The backup is damaged \(at about \d+\.\d MB into the file\)/);
  }, 60_000);

  it('a vault drive too full for the staged copy: says so, and leaves the vault as it was', async (ctx) => {
    const mounting = probeMounting();
    if (!mounting.allowed) ctx.skip(mounting.reason);
    const disk = SmallDisk.mount(8 * 1024 * 1024);
    const small = startApp(path.join(disk.dir, 'vault'));
    await small.services.vault.create(PASSPHRASE);
    await small.services.clients.create(clientFields({ legalName: 'Kept On A Full Drive' }));
    small.services.vault.lock('user');
    const filler = disk.fillLeaving(1024 * 1024);
    const untouched = fingerprint(small.vaultDir);
    const fileId = await chooseFile(small, backupFile);
    await rejection(small.services.backups.prepareRestore(fileId, BACKUP_PASSPHRASE, PASSPHRASE), 'IO_ERROR', /not enough free space/);
    expect(fingerprint(small.vaultDir)).toEqual(untouched);
    expect(stagingFolders(small.vaultDir)).toEqual([]);
    await removeDir(filler);
    await small.services.vault.unlock(PASSPHRASE);
    expect((await small.services.clients.list(everyClient)).clients.map((client) => client.legalName)).toEqual(['Kept On A Full Drive']);
    small.services.dispose();
    disk.unmount();
  }, 60_000);

  describe('a page changed inside the database entry, with the age layer re-encrypted so it authenticates', () => {
    let image: Buffer;
    let manifest: BackupManifest;

    beforeAll(async () => {
      const read = await readBackupFile(backupFile, BACKUP_PASSPHRASE);
      image = read.database;
      manifest = read.manifest;
    }, 60_000);

    /** Restores `file` over the locked vault, expecting a refusal that changes nothing in the vault's folder. */
    async function refused(file: string, operation: 'verify' | 'restore'): Promise<{ code: string; message: string }> {
      app.services.vault.lock('user');
      const untouched = fingerprint(app.vaultDir);
      const fileId = await chooseFile(app, file);
      const outcome =
        operation === 'verify' ? app.services.backups.verify(fileId, BACKUP_PASSPHRASE) : app.services.backups.prepareRestore(fileId, BACKUP_PASSPHRASE, PASSPHRASE);
      const error = await rejection(outcome, 'BACKUP_CORRUPT');
      expect(fingerprint(app.vaultDir)).toEqual(untouched);
      expect(stagingFolders(app.vaultDir)).toEqual([]);
      await app.services.vault.unlock(PASSPHRASE);
      return error;
    }

    it('is refused by the checksum (manifest unchanged), by verify and by restore', async () => {
      const changed = Buffer.from(image);
      // A byte in the middle of page 3: the page route still applies, only the checksum can tell.
      changed[2 * 4096 + 1000] = changed[2 * 4096 + 1000]! ^ 0x01;
      const file = path.join(backupDir, 'flipped-page.age');
      await writeBackupOf(file, changed, manifest.counts, { sha256: manifest.database.sha256 });
      for (const operation of ['verify', 'restore'] as const) {
        expect((await refused(file, operation)).message).toBe("The backup's database does not match the checksum in its manifest, so it cannot be trusted.");
      }
    }, 60_000);

    /** A backup whose manifest matches its image, but whose `table` has a root page that is no valid b-tree page. */
    async function backupWithDamagedRoot(table: string, name: string): Promise<string> {
      const source = openSnapshot(image);
      const root = Number(source.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = ?`).pluck().get(table));
      source.close();
      const changed = Buffer.from(image);
      changed[(root - 1) * 4096] = 0x00;
      const file = path.join(backupDir, name);
      await writeBackupOf(file, changed, manifest.counts);
      return file;
    }

    it('is refused by the integrity check of the staged file when the manifest was rewritten to match it', async () => {
      const error = await refused(await backupWithDamagedRoot('notes', 'damaged-page.age'), 'restore');
      expect(error.message).toMatch(/failed its integrity check|cannot be opened/);
    }, 60_000);

    it('is refused when the damage is in a small table checked late, whichever of the restore\'s two checking threads takes it', async () => {
      const file = await backupWithDamagedRoot('goals', 'damaged-goals.age');
      for (const operation of ['verify', 'restore'] as const) {
        expect((await refused(file, operation)).message).toMatch(/failed its integrity check/);
      }
    }, 60_000);
  });
});

describe('a plain image from another tool (no reserved bytes per page)', () => {
  it('restores through the fallback: checked in memory and copied through SQLite, as before', async () => {
    const dir = newDir('alliance-restore-stream-plain-');
    // Plain SQLite, no cipher: pages have no reserved bytes, so they cannot be encrypted in place.
    const plain = new Database(path.join(dir, 'plain.db'));
    const db = new Kysely<VaultSchema>({ dialect: new SqliteDialect({ database: plain }) });
    await migrateToLatest(db);
    await new ClientsService({ db: () => db }).create(clientFields({ legalName: `Plain ${CANARY}` }));
    const image = plain.serialize();
    const counts = countRecords(plain);
    await db.destroy();
    expect(plainPageLayout(image)).toEqual({ pageSize: 4096, reserve: 0 });
    const file = path.join(dir, 'plain-image.age');
    await writeBackupOf(file, image, counts);

    const staged = await stageVerifiedBackup({
      file,
      passphrase: BACKUP_PASSPHRASE,
      stagedFile: path.join(newDir('alliance-restore-stream-direct-'), 'vault.db'),
      dataKey: Buffer.alloc(32, 7),
      knownMigrations,
    });
    expect(staged.route).toBe('image');
    expect(staged.checks).toHaveLength(6);

    const fresh = startApp();
    const prepared = await fresh.services.backups.prepareRestore(await chooseFile(fresh, file), BACKUP_PASSPHRASE, OTHER_PASSPHRASE);
    expect(prepared.backup.counts.clients).toBe(1);
    expect(phasesOf(fresh, 'restore')).toContain('Encrypting the restored copy');
    await fresh.services.backups.confirmRestore(prepared.restoreId);
    const { clients } = await fresh.services.clients.list({ ...everyClient, query: 'Plain' });
    expect(clients.map((client) => client.legalName)).toEqual([`Plain ${CANARY}`]);
    const vaultBytes = readFileSync(path.join(fresh.vaultDir, 'vault.db'));
    expect(vaultBytes.includes(Buffer.from(CANARY))).toBe(false);
  }, 60_000);
});

describe('memory', () => {
  it('a restore of a 64 MB vault holds far less than the vault in memory, and streams while it decrypts', async () => {
    const app = startApp();
    const dir = newDir('alliance-restore-stream-big-');
    await app.services.vault.create(PASSPHRASE);
    await seedSummaryClient(notesVaultOf(app.services, app.vaultDir), { legalName: `Ada ${CANARY}`, sessions: 6 });
    const sqlite = app.services.vault.connection();
    const warmUp = path.join(dir, 'warm-up.age');
    const small = takeSnapshot(sqlite);
    await writeBackupOf(warmUp, small, countRecords(sqlite));
    addPadding(app, 10000);
    const halfImage = takeSnapshot(sqlite);
    const half = path.join(dir, 'half.age');
    await writeBackupOf(half, halfImage, countRecords(sqlite));
    const halfBytes = halfImage.length;
    halfImage.fill(0);
    addPadding(app, 10000, 10001);
    const image = takeSnapshot(sqlite);
    const counts = countRecords(sqlite);
    expect(image.length).toBeGreaterThan(64 * 1024 * 1024);
    const big = path.join(dir, 'big.age');
    await writeBackupOf(big, image, counts);
    image.fill(0);
    app.services.dispose();

    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'support/restore-memory-child.ts'), path.join(dir, 'new-vault'), warmUp, half, big], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(child.stderr, 'child process errors').toBe('');
    expect(child.status).toBe(0);
    const report = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      beforeKiB: number;
      afterKiB: number;
      rssKiB: [number, number];
      databaseBytes: number;
      sizesWhileDecrypting: number[];
      rows: { clients: number; padding: number };
      counts: RecordCounts;
    };
    expect(report.rows).toEqual({ clients: 1, padding: 20000 });
    expect(report.counts).toEqual(counts);
    const grewBytes = (report.afterKiB - report.beforeKiB) * 1024;
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
    console.log(
      `restore of ${mb(report.databaseBytes)}: held ${mb(grewBytes)} more than the restore of ${mb(halfBytes)} (resident size ${mb(report.rssKiB[0] * 1024)} → ${mb(report.rssKiB[1] * 1024)})`,
    );
    // Collecting the database into one buffer (and then into SQLite's memory), as the image route does, holds the
    // whole database at once; streaming holds a few MB of buffers whatever the size. So twice the
    // database may hold at most half of the difference more than half of it.
    expect(grewBytes).toBeLessThan((report.databaseBytes - halfBytes) / 2);
    // The staged file was being written while the backup was still being decrypted.
    expect(report.sizesWhileDecrypting.some((size) => size > 0 && size < report.databaseBytes)).toBe(true);
  }, 180_000);
});
