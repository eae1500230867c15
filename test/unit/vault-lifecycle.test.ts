import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { newVaultService, OTHER_PASSPHRASE, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

const dirs: string[] = [];
const fresh = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

async function expectCode(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('vault lifecycle', () => {
  it('creates, locks, unlocks, refuses a wrong passphrase, recovers with the recovery key and changes the passphrase', async () => {
    const dir = fresh();
    const vault = newVaultService(dir);
    expect((await vault.status()).state).toBe('absent');

    const { recoveryKey } = await vault.create(PASSPHRASE);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(await vault.status()).toMatchObject({ state: 'unlocked', recoveryKeyPending: true });
    await vault.updateSettings({ autoLockMinutes: 42 });

    vault.lock('user');
    expect(await vault.status()).toMatchObject({ state: 'locked', lockReason: 'user' });
    await expectCode(vault.settings(), 'VAULT_LOCKED');

    await expectCode(vault.unlock(OTHER_PASSPHRASE), 'WRONG_PASSPHRASE');
    expect((await vault.status()).state).toBe('locked');

    await vault.unlock(PASSPHRASE);
    expect((await vault.settings()).autoLockMinutes).toBe(42);
    vault.lock('user');

    // Forgot passphrase: a fresh service (as after a restart) opens with the recovery key, typed sloppily.
    const restarted = newVaultService(dir);
    const sloppy = recoveryKey.toLowerCase().replace(/-/g, ' ');
    expect((await restarted.unlockWithRecoveryKey(sloppy, OTHER_PASSPHRASE)).state).toBe('unlocked');
    expect((await restarted.settings()).autoLockMinutes).toBe(42);
    restarted.lock('user');
    await expectCode(restarted.unlock(PASSPHRASE), 'WRONG_PASSPHRASE');
    await restarted.unlock(OTHER_PASSPHRASE);

    await expectCode(restarted.changePassphrase(PASSPHRASE, 'a new one that is long enough 88'), 'WRONG_PASSPHRASE');
    await restarted.changePassphrase(OTHER_PASSPHRASE, 'willow copper fathom signal 63');
    restarted.lock('user');
    await expectCode(restarted.unlock(OTHER_PASSPHRASE), 'WRONG_PASSPHRASE');
    await restarted.unlock('willow copper fathom signal 63');
    expect((await restarted.settings()).autoLockMinutes).toBe(42);
    restarted.lock('user');
  });

  it('refuses weak passphrases with a reason and creates nothing', async () => {
    const dir = fresh();
    const vault = newVaultService(dir);
    const error = await expectCode(vault.create('password123'), 'WEAK_PASSPHRASE');
    expect(error.message).toMatch(/characters|guess/);
    expect((await expectCode(vault.create('passwordpassword'), 'WEAK_PASSPHRASE')).message).toMatch(/too easy to guess/);
    expect((await vault.status()).state).toBe('absent');
  });

  it('never creates a vault over an existing one', async () => {
    const dir = fresh();
    const vault = newVaultService(dir);
    await vault.create(PASSPHRASE);
    vault.lock('user');
    await expectCode(newVaultService(dir).create(OTHER_PASSPHRASE), 'VAULT_EXISTS');
    await newVaultService(dir).unlock(PASSPHRASE);
  });

  it('a regenerated recovery key replaces the old one, and confirmation is remembered', async () => {
    const dir = fresh();
    const vault = newVaultService(dir);
    const first = (await vault.create(PASSPHRASE)).recoveryKey;
    expect(vault.verifyRecoveryKey(first)).toBe(true);
    const second = (await vault.regenerateRecoveryKey()).recoveryKey;
    expect(vault.verifyRecoveryKey(first)).toBe(false);
    expect(vault.verifyRecoveryKey(second)).toBe(true);
    await vault.confirmRecoveryKeySaved();
    expect((await vault.status()).recoveryKeyPending).toBe(false);
    expect(vault.describe().recoveryKeyConfirmedAt).not.toBeNull();
    vault.lock('user');

    const restarted = newVaultService(dir);
    await expectCode(restarted.unlockWithRecoveryKey(first, OTHER_PASSPHRASE), 'WRONG_RECOVERY_KEY');
    await restarted.unlockWithRecoveryKey(second, OTHER_PASSPHRASE);
    expect((await restarted.status()).recoveryKeyPending).toBe(false);
    restarted.lock('user');
  });

  it('describes how the vault is protected, with Argon2id at 64 MiB or more', async () => {
    const vault = newVaultService(fresh());
    await vault.create(PASSPHRASE);
    const protection = vault.describe();
    expect(protection.kdf.algorithm).toBe('argon2id');
    expect(protection.kdf.memoryMiB).toBeGreaterThanOrEqual(64);
    expect(protection.databaseCipher).toMatch(/SQLCipher 4/);
    vault.lock('user');
  });
});
