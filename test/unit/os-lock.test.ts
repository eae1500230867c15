import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import { PASSPHRASE, removeDir, TEST_KDF_COST, tempDir } from './support/temp-vault';

// Electron's powerMonitor is an event emitter; a plain one stands in where no Electron binary exists.
const powerMonitor = await vi.hoisted(async () => new (await import('node:events')).EventEmitter());
vi.mock('electron', () => ({ powerMonitor }));

const { lockWithOperatingSystem } = await import('../../electron/main/os-lock');

const opened: { dir: string; services: AppServices }[] = [];
afterEach(async () => {
  for (const { dir, services } of opened.splice(0)) {
    services.dispose();
    await removeDir(dir);
  }
  powerMonitor.removeAllListeners();
});

async function unlockedServices(): Promise<AppServices> {
  const dir = tempDir();
  const dialogs = { chooseSavePath: async () => null, chooseFolder: async () => null, chooseOpenPath: async () => null, showInFolder: async () => {} };
  const services = createAppServices({ vaultDir: dir, dialogs, emit: () => {}, kdfCost: TEST_KDF_COST });
  opened.push({ dir, services });
  await services.vault.create(PASSPHRASE);
  lockWithOperatingSystem(services);
  return services;
}

describe('locking with the operating system', () => {
  for (const event of ['suspend', 'lock-screen']) {
    it(`locks the real vault on ${event}`, async () => {
      const services = await unlockedServices();
      expect((await services.vault.status()).state).toBe('unlocked');
      powerMonitor.emit(event);
      expect(await services.vault.status()).toMatchObject({ state: 'locked', lockReason: 'system' });
      expect(() => services.vault.database()).toThrow(/locked/);
    });
  }
});
