import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleLock } from '../../electron/services/vault/idle-lock';
import { newVaultService, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

const fakeTimers = {
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

describe('auto-lock after idle time', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires once after the idle time, and activity postpones it', () => {
    const onIdle = vi.fn();
    const lock = new IdleLock(60_000, onIdle, fakeTimers);
    lock.start();
    vi.advanceTimersByTime(59_000);
    lock.touch();
    vi.advanceTimersByTime(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(600_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('locks the real vault after the configured minutes without activity', async () => {
    const dir = tempDir();
    const states: string[] = [];
    const vault = newVaultService(dir, { timers: fakeTimers, onStatusChange: (s) => states.push(s.state) });
    try {
      await vault.create(PASSPHRASE);
      await vault.updateSettings({ autoLockMinutes: 2 });
      vi.advanceTimersByTime(119_000);
      vault.noteActivity();
      vi.advanceTimersByTime(119_000);
      expect((await vault.status()).state).toBe('unlocked');
      vi.advanceTimersByTime(1_000);
      expect(await vault.status()).toMatchObject({ state: 'locked', lockReason: 'idle' });
      await vi.waitFor(() => expect(states.at(-1)).toBe('locked'));
      await expect(vault.settings()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });

      // The setting is stored in the vault and used again at the next unlock.
      await vault.unlock(PASSPHRASE);
      vi.advanceTimersByTime(119_999);
      expect((await vault.status()).state).toBe('unlocked');
      vi.advanceTimersByTime(1);
      expect((await vault.status()).state).toBe('locked');
    } finally {
      vault.lock('user');
      await removeDir(dir);
    }
  });
});
