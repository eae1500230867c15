import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { newVaultService, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

describe('migrations', () => {
  it('the static registry lists every migration file, in order, once', () => {
    const files = readdirSync(folder)
      .filter((name) => /^\d{4}_.+\.ts$/.test(name))
      .map((name) => name.replace(/\.ts$/, ''))
      .sort();
    expect(migrations.map((m) => m.name)).toEqual(files);
  });

  it('a new vault has every migration applied and the released tables unchanged', async () => {
    const dir = tempDir();
    const vault = newVaultService(dir);
    try {
      await vault.create(PASSPHRASE);
      const db = vault.database();
      const applied = await db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
      expect(applied.map((row) => row.name)).toEqual(migrations.map((m) => m.name));
      // Schema snapshot: a change to a released table shows up here and must be a new migration instead.
      const tables = await db
        .selectFrom('sqlite_schema' as never)
        .select(['name', 'sql'] as never[])
        .where('type' as never, '=', 'table' as never)
        .orderBy('name' as never)
        .execute();
      expect(tables).toMatchSnapshot();
    } finally {
      vault.lock('user');
      await removeDir(dir);
    }
  });
});
