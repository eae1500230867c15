import { openSync, writeSync, closeSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { fingerprint, newVaultService, OTHER_PASSPHRASE, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

async function lockedVault(): Promise<{ dir: string; recoveryKey: string }> {
  const dir = tempDir();
  dirs.push(dir);
  const vault = newVaultService(dir);
  const { recoveryKey } = await vault.create(PASSPHRASE);
  vault.lock('user');
  return { dir, recoveryKey };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error.code;
}

describe('failed unlocks', () => {
  it('a wrong passphrase or recovery key leaves every vault file byte-identical', async () => {
    const { dir } = await lockedVault();
    const before = fingerprint(dir);
    const vault = newVaultService(dir);
    expect(await codeOf(vault.unlock(OTHER_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    expect(await codeOf(vault.unlockWithRecoveryKey('0000-0000-0000-0000-0000-0000-0000-0000', OTHER_PASSPHRASE))).toBe(
      'WRONG_RECOVERY_KEY',
    );
    expect(await codeOf(vault.unlockWithRecoveryKey('not a key', OTHER_PASSPHRASE))).toBe('WRONG_RECOVERY_KEY');
    expect(fingerprint(dir)).toEqual(before);
  });

  it('a weak new passphrase in the recovery flow is refused before anything changes', async () => {
    const { dir, recoveryKey } = await lockedVault();
    const before = fingerprint(dir);
    expect(await codeOf(newVaultService(dir).unlockWithRecoveryKey(recoveryKey, 'short'))).toBe('WEAK_PASSPHRASE');
    expect(fingerprint(dir)).toEqual(before);
  });

  it('after five wrong attempts in a row, waits grow before another try is accepted', async () => {
    const { dir } = await lockedVault();
    let now = 1_000_000;
    const vault = newVaultService(dir, { now: () => now });
    for (let i = 0; i < 4; i++) expect(await codeOf(vault.unlock(OTHER_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    expect((await vault.status()).retryAfterMs).toBe(0);

    const fifth = await vault.unlock(OTHER_PASSPHRASE).catch((e: AppError) => e);
    expect(fifth).toMatchObject({ code: 'WRONG_PASSPHRASE', retryAfterMs: 5_000 });
    // Even the right passphrase waits: the delay is about attempts, not about being wrong.
    expect(await codeOf(vault.unlock(PASSPHRASE))).toBe('RATE_LIMITED');
    expect((await vault.status()).retryAfterMs).toBe(5_000);

    now += 5_000;
    const sixth = await vault.unlock(OTHER_PASSPHRASE).catch((e: AppError) => e);
    expect(sixth).toMatchObject({ code: 'WRONG_PASSPHRASE', retryAfterMs: 10_000 });
    now += 10_000;
    expect((await vault.unlock(PASSPHRASE)).state).toBe('unlocked');
    vault.lock('user');
    expect((await vault.status()).retryAfterMs).toBe(0);
  });
});

describe('vaults that cannot be opened are reported and never replaced', () => {
  it('a damaged database file is reported as damaged and left as it was', async () => {
    const { dir } = await lockedVault();
    const fd = openSync(path.join(dir, 'vault.db'), 'r+');
    writeSync(fd, Buffer.alloc(512, 0xab), 0, 512, 100);
    closeSync(fd);
    const before = fingerprint(dir);
    const vault = newVaultService(dir);
    expect(await codeOf(vault.unlock(PASSPHRASE))).toBe('VAULT_DAMAGED');
    expect((await vault.status()).state).toBe('locked');
    expect(await codeOf(vault.create(OTHER_PASSPHRASE))).toBe('VAULT_EXISTS');
    expect(fingerprint(dir)).toEqual(before);
  });

  it('a missing header with a database present is unreadable, not a new vault', async () => {
    const { dir } = await lockedVault();
    await fs.rm(path.join(dir, 'vault-header.json'));
    const vault = newVaultService(dir);
    const status = await vault.status();
    expect(status.state).toBe('unreadable');
    expect(status.problem?.message).toMatch(/header .* is missing/);
    expect(await codeOf(vault.create(OTHER_PASSPHRASE))).toBe('VAULT_EXISTS');
    expect(await codeOf(vault.unlock(PASSPHRASE))).toBe('VAULT_DAMAGED');
  });

  it('a corrupted header is reported with its reason', async () => {
    const { dir } = await lockedVault();
    await fs.writeFile(path.join(dir, 'vault-header.json'), '{ not json');
    const status = await newVaultService(dir).status();
    expect(status).toMatchObject({ state: 'unreadable', problem: { code: 'VAULT_DAMAGED' } });
  });

  it('a header from a newer app version is refused with a clear message', async () => {
    const { dir } = await lockedVault();
    const file = path.join(dir, 'vault-header.json');
    const header = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(file, JSON.stringify({ ...header, formatVersion: 99 }));
    const vault = newVaultService(dir);
    expect(await vault.status()).toMatchObject({ state: 'unreadable', problem: { code: 'VAULT_TOO_NEW' } });
    expect(await codeOf(vault.unlock(PASSPHRASE))).toBe('VAULT_TOO_NEW');
  });

  it('a database migrated by a newer app version is refused, not migrated down', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const vault = newVaultService(dir);
    await vault.create(PASSPHRASE);
    await vault.database().insertInto('schema_migrations').values({ name: '9999_from_the_future', applied_at: 'x' }).execute();
    vault.lock('user');
    const error = await vault.unlock(PASSPHRASE).catch((e: AppError) => e);
    expect(error).toMatchObject({ code: 'VAULT_TOO_NEW' });
    expect((error as AppError).message).toMatch(/newer version/);
    expect((await vault.status()).state).toBe('locked');
  });
});
