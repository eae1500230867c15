import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Encrypter } from 'age-encryption';
import { BACKUP_FILE_PATTERN, backupStatusSchema } from '../../shared/backup';
import { clientFields } from './support/client-vault';
import { seedSummaryClient } from './support/summary-client';
import { notesVaultOf } from './support/notes-vault';
import { startBackupApp, type BackupApp } from './support/backup-app';
import { fingerprint, OTHER_PASSPHRASE, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';
import { readHeader } from '../../electron/services/vault/vault-header';

const BACKUP_PASSPHRASE = 'copper meadow relay whistle 83';
const CANARY = 'Quillonbury';

type App = BackupApp;
const startApp = (vaultDir = tempDir('alliance-backup-vault-')): App => startBackupApp(vaultDir);


/** Every row of every table that holds the practice's records, hashed per table. */
function tableDigests(app: App): Record<string, string> {
  const sqlite = app.services.vault.connection();
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  // The log gains a "restored" entry and backup settings describe this machine, not the records.
  const skip = new Set(['activity_log', 'backup_history', 'settings']);
  const out: Record<string, string> = {};
  for (const table of tables) {
    if (skip.has(table)) continue;
    const rows = (sqlite.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[]).map((row) => JSON.stringify(row)).sort();
    out[table] = createHash('sha256').update(rows.join('\n')).digest('hex');
  }
  return out;
}

async function chooseFile(app: App, file: string): Promise<string> {
  app.dialogs.queueAnswer('open', file);
  const chosen = await app.services.backups.chooseFile();
  return chosen.file!.id;
}

describe('backup and restore through the services', () => {
  let app: App;
  let backupDir: string;
  let backupFile: string;
  let before: Record<string, string>;
  let noteHashes: unknown[];

  beforeAll(async () => {
    app = startApp();
    backupDir = tempDir('alliance-backup-folder-');
    await app.services.vault.create(PASSPHRASE);
    await seedSummaryClient(notesVaultOf(app.services, app.vaultDir), { legalName: `Ada ${CANARY}`, sessions: 12 });
    await app.services.backups.setPassphrase(BACKUP_PASSPHRASE);
    app.dialogs.queueAnswer('folder', backupDir);
    await app.services.backups.chooseFolder();
    const { backup } = await app.services.backups.backupNow('folder');
    backupFile = backup!.path;
    before = tableDigests(app);
    noteHashes = app.services.vault.connection().prepare('SELECT id, content_hash FROM notes ORDER BY id').raw().all();
  }, 60_000);

  afterAll(async () => {
    app.services.dispose();
    await removeDir(app.vaultDir);
    await removeDir(backupDir);
  });

  it('writes one named, encrypted file and reports it as the last successful backup', async () => {
    expect(readdirSync(backupDir)).toEqual([path.basename(backupFile)]);
    expect(path.basename(backupFile)).toMatch(BACKUP_FILE_PATTERN);
    const bytes = readFileSync(backupFile);
    expect(bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(bytes.includes(Buffer.from(CANARY))).toBe(false);
    const status = await app.services.backups.status();
    // What the renderer receives passes the contract's own output schema (no extra fields).
    expect(() => backupStatusSchema.parse(status)).not.toThrow();
    expect(status).toMatchObject({ passphraseSet: true, folder: backupDir, folderMissing: false, overdue: false, lastFailure: null });
    expect(status.lastSuccess?.path).toBe(backupFile);
    expect(status.lastSuccess?.counts.sessions).toBe(12);
    expect(status.lastSuccess?.verifiedAt).not.toBeNull();
    expect(app.progress.some((p) => p.operation === 'backup')).toBe(true);
  });

  it('restores the backup over later changes: identical rows and note hashes', async () => {
    await app.services.clients.create(clientFields({ legalName: 'Added After Backup' }));
    expect(tableDigests(app)).not.toEqual(before);
    const fileId = await chooseFile(app, backupFile);
    const prepared = await app.services.backups.prepareRestore(fileId, undefined, undefined);
    expect(prepared.backup.counts.clients).toBe(1);
    expect(prepared.current?.counts.clients).toBe(2);
    const result = await app.services.backups.confirmRestore(prepared.restoreId);
    expect(result).toMatchObject({ status: { state: 'unlocked' }, recoveryKey: null });
    expect(tableDigests(app)).toEqual(before);
    expect(app.services.vault.connection().prepare('SELECT id, content_hash FROM notes ORDER BY id').raw().all()).toEqual(noteHashes);
    // No staging copy or kept old vault remains once the restored vault is open.
    expect(readdirSync(app.vaultDir).sort()).toEqual(['vault-header.json', 'vault.db', 'vault.db-shm', 'vault.db-wal'].filter((name) => existsSync(path.join(app.vaultDir, name))));
    // This machine's backup settings and history survive the restore; the log records it.
    expect((await app.services.backups.status()).lastSuccess?.path).toBe(backupFile);
    const last = app.services.vault.connection().prepare('SELECT action, record_type FROM activity_log ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'restore', record_type: 'vault' });
    // "Verify records" ran on the restored vault, against the log's anchor from the backup's manifest,
    // which the header now holds (the restore's own entry comes after it).
    expect(result.verification).toMatchObject({ intact: true, mismatchCount: 0, logProblem: null });
    expect(result.verification?.notesChecked).toBeGreaterThan(0);
    const log = app.services.vault.connection().prepare('SELECT seq, hash FROM activity_log ORDER BY seq').all() as { seq: number; hash: string }[];
    const backedUp = log[log.length - 2]!;
    expect(app.services.vault.chainAnchor()).toEqual({ length: backedUp.seq, latestHash: backedUp.hash });
    const header = await readHeader(app.vaultDir);
    expect(header.kind === 'ok' && header.header.activityLog).toEqual({ length: backedUp.seq, latestHash: backedUp.hash });
  }, 60_000);

  it('verifies a backup without changing anything', async () => {
    app.services.vault.lock('user');
    const untouched = fingerprint(app.vaultDir);
    const fileId = await chooseFile(app, backupFile);
    const info = await app.services.backups.verify(fileId, BACKUP_PASSPHRASE);
    expect(info.counts.sessions).toBe(12);
    expect(info.checks.length).toBeGreaterThanOrEqual(4);
    expect(fingerprint(app.vaultDir)).toEqual(untouched);
    await app.services.vault.unlock(PASSPHRASE);
  }, 60_000);

  describe('bad files leave the vault byte-identical', () => {
    const bad = async (name: string, bytes: Buffer | Uint8Array, passphrase = BACKUP_PASSPHRASE) => {
      const file = path.join(backupDir, name);
      writeFileSync(file, bytes);
      app.services.vault.lock('user');
      const untouched = fingerprint(app.vaultDir);
      const fileId = await chooseFile(app, file);
      const outcome = await app.services.backups.prepareRestore(fileId, passphrase, PASSPHRASE).then(
        () => null,
        (error: { code: string; message: string }) => error,
      );
      expect(fingerprint(app.vaultDir)).toEqual(untouched);
      expect(readdirSync(app.vaultDir).filter((entry) => entry.startsWith('.restore-staging'))).toEqual([]);
      await app.services.vault.unlock(PASSPHRASE);
      await fs.rm(file);
      return outcome;
    };

    it('wrong passphrase', async () => {
      const error = await bad('wrong.age', readFileSync(backupFile), OTHER_PASSPHRASE);
      expect(error).toMatchObject({ code: 'WRONG_PASSPHRASE' });
    }, 60_000);

    it('truncated', async () => {
      const full = readFileSync(backupFile);
      const error = await bad('short.age', full.subarray(0, Math.floor(full.length / 2)));
      expect(error).toMatchObject({ code: 'BACKUP_CORRUPT' });
      expect(error?.message).toMatch(/incomplete|ends early/i);
    }, 60_000);

    it('one flipped byte in the payload', async () => {
      const copy = Buffer.from(readFileSync(backupFile));
      const at = copy.length - 5000;
      copy.writeUInt8(copy.readUInt8(at) ^ 0x01, at);
      expect(await bad('flipped.age', copy)).toMatchObject({ code: 'BACKUP_CORRUPT' });
    }, 60_000);

    it('wrong file type and empty file', async () => {
      expect(await bad('notes.age', Buffer.from('%PDF-1.7\nnot a backup\n'))).toMatchObject({ code: 'NOT_A_BACKUP' });
      expect(await bad('empty.age', Buffer.alloc(0))).toMatchObject({ code: 'BACKUP_CORRUPT' });
    }, 60_000);

    it('an age file that holds something else', async () => {
      const encrypter = new Encrypter();
      encrypter.setPassphrase(BACKUP_PASSPHRASE);
      const other = await encrypter.encrypt('just some text, not an Alliance Notes backup');
      expect(await bad('other.age', other)).toMatchObject({ code: 'NOT_A_BACKUP' });
    }, 60_000);

    it('a backup from a newer version of the app is refused', async () => {
      const newer = startApp();
      const folder = tempDir('alliance-backup-newer-');
      try {
        await newer.services.vault.create(PASSPHRASE);
        newer.services.vault.connection().prepare(`INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_from_the_future', 'x')`).run();
        await newer.services.backups.setPassphrase(BACKUP_PASSPHRASE);
        const { backup } = await (async () => {
          newer.dialogs.queueAnswer('folder', folder);
          return newer.services.backups.backupNow('choose');
        })();
        const error = await bad('newer.age', readFileSync(backup!.path));
        expect(error).toMatchObject({ code: 'BACKUP_TOO_NEW' });
      } finally {
        newer.services.dispose();
        await removeDir(newer.vaultDir);
        await removeDir(folder);
      }
    }, 60_000);
  });

  it('restores onto a new machine: a new vault with its own passphrase and recovery key', async () => {
    const fresh = startApp();
    try {
      expect((await fresh.services.vault.status()).state).toBe('absent');
      const fileId = await chooseFile(fresh, backupFile);
      await expect(fresh.services.backups.prepareRestore(fileId, BACKUP_PASSPHRASE, undefined)).rejects.toMatchObject({ code: 'VALIDATION' });
      const prepared = await fresh.services.backups.prepareRestore(fileId, BACKUP_PASSPHRASE, OTHER_PASSPHRASE);
      expect(prepared.current).toBeNull();
      const result = await fresh.services.backups.confirmRestore(prepared.restoreId);
      expect(result.status.state).toBe('unlocked');
      expect(result.recoveryKey).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){7}$/);
      expect(tableDigests(fresh)).toEqual(before);
      fresh.services.vault.lock('user');
      await fresh.services.vault.unlock(OTHER_PASSPHRASE);
      expect((await fresh.services.clients.list({ query: CANARY, status: 'all', tag: null, sort: 'name' })).clients).toHaveLength(1);
    } finally {
      fresh.services.dispose();
      await removeDir(fresh.vaultDir);
    }
  }, 90_000);

  it('restores over a locked vault only with its passphrase, which then still opens it', async () => {
    app.services.vault.lock('user');
    const fileId = await chooseFile(app, backupFile);
    await expect(app.services.backups.prepareRestore(fileId, BACKUP_PASSPHRASE, undefined)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(app.services.backups.prepareRestore(fileId, BACKUP_PASSPHRASE, OTHER_PASSPHRASE)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const prepared = await app.services.backups.prepareRestore(fileId, BACKUP_PASSPHRASE, PASSPHRASE);
    const result = await app.services.backups.confirmRestore(prepared.restoreId);
    expect(result.status.state).toBe('unlocked');
    app.services.vault.lock('user');
    await app.services.vault.unlock(PASSPHRASE);
    expect(tableDigests(app)).toEqual(before);
  }, 90_000);

  it('puts the previous vault back when the restored database does not open', async () => {
    const key = await app.services.vault.keyForRestore(undefined);
    const staged = path.join(app.vaultDir, 'not-a-database.db');
    writeFileSync(staged, Buffer.alloc(8192, 7));
    const digests = tableDigests(app);
    await expect(app.services.vault.installRestoredDatabase(staged, key)).rejects.toMatchObject({ code: 'BACKUP_CORRUPT' });
    expect((await app.services.vault.status()).state).toBe('unlocked');
    expect(tableDigests(app)).toEqual(digests);
    expect(readdirSync(app.vaultDir).filter((entry) => entry.startsWith('vault.before-restore'))).toEqual([]);
  }, 60_000);

  it('a cancelled restore removes its staging copy', async () => {
    const fileId = await chooseFile(app, backupFile);
    const prepared = await app.services.backups.prepareRestore(fileId, undefined, undefined);
    expect(readdirSync(app.vaultDir).some((entry) => entry.startsWith('.restore-staging'))).toBe(true);
    await app.services.backups.cancelRestore(prepared.restoreId);
    expect(readdirSync(app.vaultDir).some((entry) => entry.startsWith('.restore-staging'))).toBe(false);
    await expect(app.services.backups.confirmRestore(prepared.restoreId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);
});

describe('backup settings and automatic backups', () => {
  it('refuses to back up without a backup passphrase, and writes nothing', async () => {
    const app = startApp();
    const folder = tempDir('alliance-backup-none-');
    try {
      await app.services.vault.create(PASSPHRASE);
      app.dialogs.queueAnswer('folder', folder);
      await app.services.backups.chooseFolder();
      await expect(app.services.backups.backupNow('folder')).rejects.toMatchObject({ code: 'NEEDS_SETUP' });
      await expect(app.services.backups.setAutomatic(true)).rejects.toMatchObject({ code: 'NEEDS_SETUP' });
      await expect(app.services.backups.setPassphrase('short')).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
      expect(readdirSync(folder)).toEqual([]);
      const status = await app.services.backups.status();
      expect(status).toMatchObject({ passphraseSet: false, overdue: true, lastSuccess: null });
    } finally {
      app.services.dispose();
      await removeDir(app.vaultDir);
      await removeDir(folder);
    }
  }, 30_000);

  it('on quit, writes the automatic backup that is due and then locks the vault', async () => {
    const app = startApp();
    const folder = tempDir('alliance-backup-quit-');
    try {
      await app.services.vault.create(PASSPHRASE);
      await app.services.backups.setPassphrase(BACKUP_PASSPHRASE);
      app.dialogs.queueAnswer('folder', folder);
      await app.services.backups.chooseFolder();
      await app.services.backups.setAutomatic(true);
      expect(readdirSync(folder)).toEqual([]);
      await app.services.shutdown();
      expect(readdirSync(folder)).toHaveLength(1);
      expect(readdirSync(folder)[0]).toMatch(BACKUP_FILE_PATTERN);
      expect((await app.services.vault.status()).state).toBe('locked');
    } finally {
      app.services.dispose();
      await removeDir(app.vaultDir);
      await removeDir(folder);
    }
  }, 30_000);

  it('runs the daily backup when due, not twice a day, and reports a missing folder', async () => {
    const app = startApp();
    const folder = tempDir('alliance-backup-auto-');
    try {
      await app.services.vault.create(PASSPHRASE);
      await app.services.backups.setPassphrase(BACKUP_PASSPHRASE);
      app.dialogs.queueAnswer('folder', folder);
      await app.services.backups.chooseFolder();
      expect(await app.services.backups.runAutomaticIfDue()).toBeNull(); // automatic backups are off
      await app.services.backups.setAutomatic(true);
      const first = await app.services.backups.runAutomaticIfDue();
      expect(first?.kind).toBe('automatic');
      expect(await app.services.backups.runAutomaticIfDue()).toBeNull();
      expect(readdirSync(folder)).toHaveLength(1);
      await removeDir(folder);
      const status = await app.services.backups.status();
      expect(status.folderMissing).toBe(true);
    } finally {
      app.services.dispose();
      await removeDir(app.vaultDir);
      await removeDir(folder);
    }
  }, 30_000);
});
