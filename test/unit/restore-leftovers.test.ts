import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackupApp, type BackupApp } from './support/backup-app';
import { BACKUP_PASSPHRASE } from './support/backup-fixture';
import { clientFields, everyClient } from './support/client-vault';
import { PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

/*
 * A restore that crashes or is killed part-way leaves its `.restore-staging-*` folder in the vault's
 * folder, sometimes with a whole staged copy of the vault in it. The next start and every unlock remove
 * such leftovers, never the folder of a restore this process has staged and not yet confirmed.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const dirs: string[] = [];
const apps: BackupApp[] = [];
const newDir = (prefix: string) => {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
};
const start = (vaultDir: string) => {
  const app = startBackupApp(vaultDir);
  apps.push(app);
  return app;
};
const stagingFolders = (dir: string): string[] => readdirSync(dir).filter((name) => name.startsWith('.restore-staging-'));

let vaultDir: string;
let backupFile: string;

beforeAll(async () => {
  vaultDir = newDir('alliance-restore-leftovers-vault-');
  const app = start(vaultDir);
  await app.services.vault.create(PASSPHRASE);
  await app.services.clients.create(clientFields({ legalName: 'Kept Through A Crash' }));
  // A few MB, so the restore spends a while decrypting into its staged file.
  app.services.vault.connection().exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
    INSERT INTO settings (key, value, updated_at) SELECT 'test.padding.' || i, '"' || hex(randomblob(1600)) || '"', '2026-06-15T09:00:00.000Z' FROM n`);
  await app.services.backups.setPassphrase(BACKUP_PASSPHRASE);
  app.dialogs.queueAnswer('folder', newDir('alliance-restore-leftovers-backups-'));
  backupFile = (await app.services.backups.backupNow('choose')).backup!.path;
  app.services.dispose();
}, 60_000);

afterAll(async () => {
  for (const app of apps) app.services.dispose();
  for (const dir of dirs) await removeDir(dir);
});

/** Runs a real restore in a child process and SIGKILLs it once its staging folder exists; returns what it had said. */
function restoreKilledPartWay(): Promise<'staging' | 'prepared'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'support/restore-kill-child.ts'), vaultDir, backupFile], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said: 'staging' | 'prepared' | null = null;
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (said !== null) return;
      said = chunk.includes('staging') ? 'staging' : chunk.includes('prepared') ? 'prepared' : null;
      if (said !== null) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL' && said !== null) resolve(said);
      else reject(new Error(`the restore child ended on its own (${signal ?? _code}): ${stderr}`));
    });
  });
}

/** Resolves once `name` is gone from `dir`, watching the folder (no polling). */
function gone(dir: string, name: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(dir);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => finish(new Error(`${name} is still in the vault folder`)), timeoutMs);
    watcher.on('change', () => {
      if (!existsSync(path.join(dir, name))) finish();
    });
    // It may already be gone before the watch began.
    if (!existsSync(path.join(dir, name))) finish();
  });
}

describe('staging folders left by a restore that was killed', () => {
  it('are removed when the app next starts, and the vault opens with its data', async () => {
    const said = await restoreKilledPartWay();
    const [leftover] = stagingFolders(vaultDir);
    expect(leftover, `a staging folder after the kill (the child had said "${said}")`).toBeDefined();
    console.info(`killed after "${said}"`);
    expect(statSync(path.join(vaultDir, leftover!, 'vault.db')).size).toBeGreaterThan(0);

    const app = start(vaultDir);
    await gone(vaultDir, leftover!);
    expect(stagingFolders(vaultDir)).toEqual([]);
    await app.services.vault.unlock(PASSPHRASE);
    expect((await app.services.clients.list(everyClient)).clients.map((client) => client.legalName)).toEqual(['Kept Through A Crash']);
    app.services.dispose();
  }, 90_000);

  it('are removed by an unlock, which keeps the folder of a restore this process staged and has not confirmed', async () => {
    const app = start(vaultDir);
    // Another process's leftover, appearing after this app started.
    const leftover = path.join(vaultDir, '.restore-staging-from-a-crash');
    mkdirSync(leftover, { mode: 0o700 });
    writeFileSync(path.join(leftover, 'vault.db'), Buffer.alloc(64 * 1024, 1));
    // Staged over the locked vault, with its passphrase: pending until confirmed.
    app.dialogs.queueAnswer('open', backupFile);
    const fileId = (await app.services.backups.chooseFile()).file!.id;
    const prepared = await app.services.backups.prepareRestore(fileId, BACKUP_PASSPHRASE, PASSPHRASE);
    const [pending] = stagingFolders(vaultDir).filter((name) => name !== path.basename(leftover));
    expect(pending).toBeDefined();

    await app.services.vault.unlock(PASSPHRASE);
    expect(stagingFolders(vaultDir)).toEqual([pending]);
    const result = await app.services.backups.confirmRestore(prepared.restoreId);
    expect(result.status.state).toBe('unlocked');
    expect(stagingFolders(vaultDir)).toEqual([]);
    expect((await app.services.clients.list(everyClient)).clients.map((client) => client.legalName)).toEqual(['Kept Through A Crash']);
  }, 90_000);
});
