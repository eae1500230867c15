import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_SCRYPT_LOG_N } from '../../shared/backup';
import { TEST_BACKUP_SCRYPT_LOG_N } from '../harness/test-costs';
import { startBackupApp, type BackupApp } from './support/backup-app';
import { PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

/**
 * The test host's cheaper backup cost (`--backup-cost`, BackupServiceOptions.scryptLogN): backups are
 * written at that scrypt work factor and read back by the same services, while the app's own services
 * (no option) still write 2^18 and refuse the cheaper file as not made by Alliance Notes.
 */
const BACKUP_PASSPHRASE = 'lichen harbour pivot sonnet 62';

/** The work factor in the age header's scrypt stanza: `-> scrypt <salt> <logN>`. */
const workFactorOf = (file: string): number => Number(/^-> scrypt \S+ (\d+)$/m.exec(readFileSync(file, 'latin1').slice(0, 512))?.[1]);

async function backUp(app: BackupApp, folder: string): Promise<string> {
  await app.services.vault.create(PASSPHRASE);
  await app.services.backups.setPassphrase(BACKUP_PASSPHRASE);
  app.dialogs.queueAnswer('folder', folder);
  await app.services.backups.chooseFolder();
  const { backup } = await app.services.backups.backupNow('folder');
  return backup!.path;
}

async function verify(app: BackupApp, file: string) {
  app.dialogs.queueAnswer('open', file);
  const chosen = await app.services.backups.chooseFile();
  return app.services.backups.verify(chosen.file!.id, BACKUP_PASSPHRASE);
}

describe('the test host’s backup cost', () => {
  const dirs = [tempDir(), tempDir(), tempDir(), tempDir()];
  const [cheapVault, appVault, cheapFolder, appFolder] = dirs as [string, string, string, string];
  let cheap: BackupApp;
  let app: BackupApp;
  let cheapFile: string;

  beforeAll(async () => {
    cheap = startBackupApp(cheapVault, { backupScryptLogN: TEST_BACKUP_SCRYPT_LOG_N });
    app = startBackupApp(appVault);
    cheapFile = await backUp(cheap, cheapFolder);
  });
  afterAll(async () => {
    cheap.services.dispose();
    app.services.dispose();
    await Promise.all(dirs.map((dir) => removeDir(dir)));
  });

  it('writes backups at its work factor and verifies them', async () => {
    expect(workFactorOf(cheapFile)).toBe(TEST_BACKUP_SCRYPT_LOG_N);
    const info = await verify(cheap, cheapFile);
    expect(info.checks.length).toBeGreaterThanOrEqual(4);
  });

  it('leaves the app writing 2^18 and refusing the cheaper file', async () => {
    expect(workFactorOf(await backUp(app, appFolder))).toBe(BACKUP_SCRYPT_LOG_N);
    await expect(verify(app, cheapFile)).rejects.toMatchObject({ code: 'NOT_A_BACKUP', message: expect.stringMatching(/not made by Alliance Notes.*2\^14/) as unknown });
  }, 30_000);
});
