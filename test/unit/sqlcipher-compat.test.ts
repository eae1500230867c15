import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyFromRecoveryKey, unwrapKey } from '../../electron/services/vault/key-wrap';
import { DATABASE_FILE, readHeader, recoveryAad } from '../../electron/services/vault/vault-header';
import { decodeRecoveryKey } from '../../shared/recovery-key';
import { clientFields } from './support/client-vault';
import { newVaultService, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';
import { ClientsService } from '../../electron/services/clients/clients.service';

/*
 * Proof 2 of the security issue: the vault is standard SQLCipher 4, not a private format. Zetetic's
 * own SQLCipher (the @journeyapps/sqlcipher build, which reports cipher_version 4.x) opens vault.db
 * with nothing but the raw data key, which the test recovers the way a practitioner could: from the
 * paper recovery key and the vault header, with the standalone script the README documents
 * (scripts/vault-key.mjs), checked against the app's own key code. Debian's `sqlcipher` package is the
 * 3.x format and cannot open it.
 */

interface Row {
  [column: string]: unknown;
}
interface ZeteticDatabase {
  all(sql: string, callback: (error: Error | null, rows: Row[]) => void): void;
  exec(sql: string, callback: (error: Error | null) => void): void;
  close(callback: (error: Error | null) => void): void;
}
type ZeteticModule = { Database: new (file: string, mode: number, callback: (error: Error | null) => void) => ZeteticDatabase; OPEN_READONLY: number };

const zetetic = createRequire(import.meta.url)('@journeyapps/sqlcipher') as ZeteticModule;

async function openWithZetetic(file: string): Promise<{ query: (sql: string) => Promise<Row[]>; close: () => Promise<void> }> {
  const db = await new Promise<ZeteticDatabase>((resolve, reject) => {
    const opened: ZeteticDatabase = new zetetic.Database(file, zetetic.OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)));
  });
  return {
    query: (sql) => new Promise((resolve, reject) => db.all(sql, (error, rows) => (error ? reject(error) : resolve(rows)))),
    close: () => new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve()))),
  };
}

describe('the vault is standard SQLCipher 4', () => {
  const dir = tempDir('alliance-sqlcipher-');
  const file = path.join(dir, DATABASE_FILE);
  let recoveryKey = '';

  beforeAll(async () => {
    const vault = newVaultService(dir);
    ({ recoveryKey } = await vault.create(PASSPHRASE));
    await new ClientsService({ db: () => vault.database() }).create(clientFields({ legalName: 'Synthetic Sqlcipher Reader' }));
    vault.lock('user');
  });
  afterAll(() => removeDir(dir));

  /** The documented way: the standalone script, the recovery key typed on stdin. */
  function dataKeyFromScript(typed: string): { key: string; error: string; status: number | null } {
    const run = spawnSync(process.execPath, [path.resolve('scripts/vault-key.mjs'), dir], { input: typed, encoding: 'utf8' });
    return { key: run.stdout.trim(), error: run.stderr.trim(), status: run.status };
  }

  /** The app's own code path for the same key, so the script cannot drift from it unnoticed. */
  async function dataKeyFromAppCode(): Promise<Buffer> {
    const read = await readHeader(dir);
    if (read.kind !== 'ok') throw new Error(`header: ${read.kind}`);
    const bytes = decodeRecoveryKey(recoveryKey);
    if (!bytes) throw new Error('recovery key did not decode');
    const kek = deriveKeyFromRecoveryKey(bytes, read.header.recoverySlot.salt);
    const dataKey = unwrapKey(kek, read.header.recoverySlot.wrapped, recoveryAad(read.header.vaultId));
    if (!dataKey) throw new Error('recovery key did not unwrap the data key');
    return dataKey;
  }

  it('the README\'s script recovers the data key from the recovery key, as typed by a person', async () => {
    const typed = `  ${recoveryKey.toLowerCase().replace(/-/g, ' ')}\n`;
    const script = dataKeyFromScript(typed);
    expect(script.status).toBe(0);
    expect(script.key).toBe((await dataKeyFromAppCode()).toString('hex'));
    const wrong = dataKeyFromScript('AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA');
    expect(wrong).toMatchObject({ status: 1, key: '', error: 'That recovery key does not open this vault. Check each group and try again.' });
  });

  it("opens in Zetetic's SQLCipher 4 with the raw data key and reads a client back", async () => {
    const dataKey = Buffer.from(dataKeyFromScript(recoveryKey).key, 'hex');
    expect(dataKey).toHaveLength(32);
    const db = await openWithZetetic(file);
    try {
      const [version] = await db.query('PRAGMA cipher_version');
      expect(String(version?.['cipher_version'])).toMatch(/^4\./);
      // SQLCipher 4 defaults throughout: only the raw key is given, no compatibility pragma.
      await db.query(`PRAGMA key = "x'${dataKey.toString('hex')}'"`);
      expect(await db.query('PRAGMA cipher_integrity_check')).toEqual([]);
      expect(await db.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(await db.query('SELECT legal_name FROM clients')).toEqual([{ legal_name: 'Synthetic Sqlcipher Reader' }]);
    } finally {
      await db.close();
    }
  });

  it('stays closed to a wrong key', async () => {
    const db = await openWithZetetic(file);
    try {
      // Keeps SQLCipher's own "hmac check failed" line out of the test output.
      await db.query('PRAGMA cipher_log_level = NONE');
      await db.query(`PRAGMA key = "x'${'ab'.repeat(32)}'"`);
      await expect(db.query('SELECT count(*) FROM sqlite_schema')).rejects.toThrow(/not a database/i);
    } finally {
      await db.close();
    }
  });
});
