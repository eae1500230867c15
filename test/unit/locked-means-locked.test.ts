import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { methodNames, type LockReason, type MethodName } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { folderDigest, openSampleVault, type SampleVault } from './support/contract-samples';
import { OTHER_PASSPHRASE, PASSPHRASE } from './support/temp-vault';

// Electron's powerMonitor is an event emitter; a plain one stands in where no Electron binary exists.
const powerMonitor = await vi.hoisted(async () => new (await import('node:events')).EventEmitter());
vi.mock('electron', () => ({ powerMonitor }));
const { lockWithOperatingSystem } = await import('../../electron/main/os-lock');

/**
 * Proof 8 of the security issue, service side: once the vault is locked (Lock button or Ctrl+L, idle
 * timer, sleep or screen lock), every contract method answers VAULT_LOCKED, except the ones listed
 * here that exist to work without an unlocked vault. A method added to the contract fails this test
 * until it refuses to work while locked or is added below with its reason.
 */
const WORKS_WHILE_LOCKED = {
  getVaultStatus: 'The unlock screen needs to know whether there is a vault, whether it is locked and why, and how long to wait after wrong attempts. It reads only the header, never records.',
  unlockVault: 'The way out of the locked state. Needs the passphrase; wrong ones are counted and slowed down.',
  unlockWithRecoveryKey: '"Forgot passphrase?" on the unlock screen. Needs the recovery key; wrong ones are counted and slowed down.',
  createVault: 'The first-run screen. With a vault present it answers VAULT_EXISTS and touches nothing.',
  lockVault: 'Locking an already locked vault is harmless and keeps the Lock button and Ctrl+L idempotent.',
  chooseBackupFile: 'Restore from the start screen (new machine, forgotten passphrase): the open dialog is the only way to pick a backup. It reads only the file size and remembers the path in memory.',
  verifyBackup: 'Checks a backup on the start screen with the backup passphrase typed in; the saved one is never read while locked. Reads only the backup file.',
  prepareRestore: 'Restore from the start screen: needs the backup passphrase and the vault passphrase, which unwraps the same key an unlock would; reports nothing about the locked vault.',
  confirmRestore: 'Finishes a restore staged with the vault passphrase (or for a new vault). A restore staged with the unlocked vault\'s key is refused once the vault has locked.',
  cancelRestore: 'Discards a staged restore, wiping its key: it only ever removes something.',
} as const satisfies Partial<Record<MethodName, string>>;

const isException = (method: MethodName): boolean => Object.hasOwn(WORKS_WHILE_LOCKED, method);

let app: SampleVault;
beforeAll(async () => {
  app = await openSampleVault();
  lockWithOperatingSystem(app.services);
}, 120_000);
afterAll(async () => {
  vi.useRealTimers();
  await app?.close();
  powerMonitor.removeAllListeners();
});

const call = (method: MethodName, input: unknown = app.samples[method]): Promise<Result<unknown>> => app.services.dispatch(method, input);

async function state(): Promise<{ state: string; lockReason: LockReason | null }> {
  const { state, lockReason } = await app.services.vault.status();
  return { state, lockReason };
}

async function unlock(): Promise<void> {
  expect(await call('unlockVault', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
}

const lockKinds: { name: string; reason: LockReason; lock: () => Promise<void> }[] = [
  { name: 'the Lock button or Ctrl+L', reason: 'user', lock: async () => void (await call('lockVault', {})) },
  {
    name: 'the idle timer',
    reason: 'idle',
    lock: async () => {
      // Unlocking again under a fake clock arms the idle timer on it; the clock then runs out.
      app.services.vault.lock('user');
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        await unlock();
        const { autoLockMinutes } = await app.services.vault.settings();
        // Async, so work the timers start (the automatic-backup check) finishes as it would in real time.
        await vi.advanceTimersByTimeAsync(autoLockMinutes * 60_000 - 1);
        expect((await state()).state).toBe('unlocked');
        await vi.advanceTimersByTimeAsync(1);
      } finally {
        vi.useRealTimers();
      }
    },
  },
  { name: 'the computer going to sleep', reason: 'system', lock: async () => void powerMonitor.emit('suspend') },
  { name: 'the screen locking', reason: 'system', lock: async () => void powerMonitor.emit('lock-screen') },
];

describe('a locked vault', () => {
  it('lists only contract methods as exceptions, each with its reason', () => {
    for (const [method, reason] of Object.entries(WORKS_WHILE_LOCKED)) {
      expect(methodNames, method).toContain(method);
      expect(reason.length, method).toBeGreaterThan(40);
    }
  });

  for (const kind of lockKinds) {
    it(`answers every other method with VAULT_LOCKED after a lock by ${kind.name}, and changes nothing`, async () => {
      await unlock();
      await kind.lock();
      expect(await state()).toEqual({ state: 'locked', lockReason: kind.reason });
      const files = folderDigest(app.dir);
      const dialogs = app.dialogs.opened.length;

      const answers: Record<string, string> = {};
      for (const method of methodNames.filter((name) => !isException(name))) {
        const result = await call(method);
        answers[method] = result.ok ? 'ok' : result.error.code;
      }
      const guarded = methodNames.filter((name) => !isException(name));
      expect(answers).toEqual(Object.fromEntries(guarded.map((method) => [method, 'VAULT_LOCKED'])));

      expect(await state()).toEqual({ state: 'locked', lockReason: kind.reason });
      expect(folderDigest(app.dir)).toEqual(files);
      expect(app.dialogs.opened.length, 'dialogs opened while locked').toBe(dialogs);
    });
  }

  it('lists only methods that really do work while locked', async () => {
    await unlock();
    await call('lockVault', {});
    // Unknown ids keep this quick; the restore tests below use real files.
    const cheap: Partial<Record<MethodName, unknown>> = {
      verifyBackup: { ...app.samples.verifyBackup, fileId: 'not-chosen' },
      prepareRestore: { ...app.samples.prepareRestore, fileId: 'not-chosen' },
    };
    const refused: string[] = [];
    for (const method of methodNames.filter(isException)) {
      const result = await call(method, cheap[method] ?? app.samples[method]);
      if (!result.ok && result.error.code === 'VAULT_LOCKED') refused.push(method);
      if ((await state()).state !== 'locked') await call('lockVault', {});
    }
    expect(refused, 'exceptions that answer VAULT_LOCKED anyway: take them off the list').toEqual([]);
  });

  it('answers the lifecycle exceptions without unlocking, unless given the passphrase or the recovery key', async () => {
    await unlock();
    await call('lockVault', {});
    const files = folderDigest(app.dir);
    expect(await call('getVaultStatus')).toMatchObject({ ok: true, value: { state: 'locked', lockReason: 'user' } });
    expect(await call('lockVault')).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await call('createVault')).toMatchObject({ ok: false, error: { code: 'VAULT_EXISTS' } });
    expect(await call('unlockVault', { passphrase: OTHER_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(folderDigest(app.dir)).toEqual(files);
    expect((await state()).state).toBe('locked');

    expect(await call('unlockVault')).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    await call('lockVault', {});
    expect(await call('unlockWithRecoveryKey')).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    await call('lockVault', {});
  });

  it('verifies and restores a backup while locked only with its passphrase and the vault passphrase', async () => {
    await unlock();
    await call('lockVault', {});
    const { fileId, passphrase } = app.samples.verifyBackup;
    app.dialogs.queueAnswer('open', app.ids.exportedFile);
    expect(await call('chooseBackupFile')).toMatchObject({ ok: true, value: { file: { name: expect.stringMatching(/\.age$/) } } });
    expect(await call('verifyBackup', { fileId })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('verifyBackup', { fileId, passphrase })).toMatchObject({ ok: true, value: { counts: { clients: 1 } } });

    const { vaultPassphrase: _vaultPassphrase, ...withoutVaultPassphrase } = app.samples.prepareRestore;
    expect(await call('prepareRestore', withoutVaultPassphrase)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const cancelled = await call('prepareRestore');
    // Nothing about the locked vault is shown beside the backup.
    expect(cancelled).toMatchObject({ ok: true, value: { current: null } });
    if (!cancelled.ok) return;
    expect(await call('cancelRestore', { restoreId: (cancelled.value as { restoreId: string }).restoreId })).toEqual({ ok: true, value: {} });
    expect(readdirSync(app.dir).filter((name) => name.startsWith('.restore-staging-'))).toEqual([]);
    expect((await state()).state).toBe('locked');

    const prepared = await call('prepareRestore');
    if (!prepared.ok) throw new Error(prepared.error.message);
    const confirmed = await call('confirmRestore', { restoreId: (prepared.value as { restoreId: string }).restoreId });
    expect(confirmed).toMatchObject({ ok: true, value: { status: { state: 'unlocked' } } });
    await call('lockVault', {});
  });

  it('refuses, once locked, to confirm a restore staged with the unlocked vault\'s key, and discards it', async () => {
    await unlock();
    app.dialogs.queueAnswer('open', app.ids.exportedFile);
    const chosen = await call('chooseBackupFile');
    if (!chosen.ok) throw new Error(chosen.error.message);
    const fileId = (chosen.value as { file: { id: string } }).file.id;
    // No vault passphrase: while unlocked, the open vault's own key is used.
    const prepared = await call('prepareRestore', { fileId, backupPassphrase: app.samples.prepareRestore.backupPassphrase });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const { restoreId } = prepared.value as { restoreId: string };

    await lockKinds[2]!.lock();
    // Locking itself discards the staged copy (and wipes its key), without waiting for a confirm.
    await expect.poll(() => readdirSync(app.dir).filter((name) => name.startsWith('.restore-staging-'))).toEqual([]);
    const files = folderDigest(app.dir);
    expect(await call('confirmRestore', { restoreId })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect((await state()).state).toBe('locked');
    expect(folderDigest(app.dir)).toEqual(files);

    await unlock();
    expect(await call('confirmRestore', { restoreId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
