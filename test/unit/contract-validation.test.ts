import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import type { Dialogs } from '../../electron/services/dialogs';
import { contract, methodNames } from '../../shared/contract';
import { fingerprint, PASSPHRASE, removeDir, TEST_KDF_COST, tempDir } from './support/temp-vault';

const cancelAll: Dialogs = {
  chooseSavePath: async () => null,
  chooseFolder: async () => null,
  chooseOpenPath: async () => null,
  showInFolder: async () => {},
};

const opened: { dir: string; services: AppServices }[] = [];
function services(): { dir: string; services: AppServices } {
  const dir = tempDir();
  const entry = { dir, services: createAppServices({ vaultDir: dir, dialogs: cancelAll, emit: () => {}, kdfCost: TEST_KDF_COST }) };
  opened.push(entry);
  return entry;
}
afterEach(async () => {
  for (const { dir, services: s } of opened.splice(0)) {
    s.dispose();
    await removeDir(dir);
  }
});

describe('the typed contract', () => {
  it('answers schema-invalid calls with VALIDATION and changes nothing', async () => {
    const { dir, services: s } = services();
    const invalid: [string, unknown][] = [
      ['createVault', { passphrase: 42 }],
      ['createVault', { passphrase: 'x'.repeat(5000) }],
      ['createVault', { passphrase: PASSPHRASE, isAdmin: true }],
      ['createVault', 'not an object'],
      ['createVault', JSON.parse('{"__proto__": {"polluted": true}, "passphrase": 1}')],
      ['unlockVault', {}],
      ['noSuchMethod', {}],
      ['__proto__', {}],
    ];
    for (const [method, input] of invalid) {
      const result = await s.dispatch(method, input);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(fingerprint(dir)).toEqual({});
    expect(await s.dispatch('getVaultStatus', {})).toMatchObject({ ok: true, value: { state: 'absent' } });
  });

  it('keeps saved settings when an update is out of range', async () => {
    const { services: s } = services();
    expect(await s.dispatch('createVault', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await s.dispatch('updateSettings', { autoLockMinutes: 15 })).toMatchObject({ ok: true });
    for (const bad of [0, 121, 7.5, '10', null]) {
      const result = await s.dispatch('updateSettings', { autoLockMinutes: bad });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!result.ok) expect(result.error.message).toMatch(/autoLockMinutes/);
    }
    expect(await s.dispatch('getSettings', {})).toMatchObject({ ok: true, value: { autoLockMinutes: 15, practitionerName: '', credentials: '', paperSize: 'A4' } });
  });

  it('reports domain errors as typed errors without stack traces', async () => {
    const { services: s } = services();
    const result = await s.dispatch('getSettings', {});
    expect(result).toEqual({ ok: false, error: { code: 'VAULT_LOCKED', message: expect.any(String) } });
    if (!result.ok) expect(result.error.message).not.toMatch(/at .*\.ts|Error:/);
  });

  it('names each invalid client field so the form can show the message under it, and saves nothing', async () => {
    const { services: s } = services();
    expect(await s.dispatch('createVault', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const fields = {
      legalName: '',
      preferredName: 'Zoë',
      pronouns: '',
      dateOfBirth: '1990-02-30',
      code: 'not a code!',
      phone: '',
      email: 'zoe-at-example',
      address: '',
      emergencyContact: { name: '', relation: '', phone: 'x'.repeat(51) },
      intakeDate: null,
      referralSource: '',
      status: 'active',
      dischargeDate: null,
      dischargeReason: '',
      presentingConcerns: { type: 'doc', content: [{ type: 'image', attrs: { src: 'https://example.org/x.png' } }] },
      tags: [],
      privateRemarks: '',
      reviewDate: null,
    };
    const result = await s.dispatch('createClient', { fields });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (result.ok) return;
    expect(result.error.fieldErrors).toMatchObject({
      legalName: "Enter the client's legal name.",
      dateOfBirth: 'Enter a real date (YYYY-MM-DD).',
      code: expect.stringContaining('like AB-0042'),
      email: 'Enter a valid email address, like name@example.org.',
      'emergencyContact.phone': expect.stringContaining('at most 50'),
    });
    expect(Object.keys(result.error.fieldErrors ?? {}).some((key) => key.startsWith('presentingConcerns'))).toBe(true);
    expect(JSON.stringify(result.error)).not.toContain('Zoë');
    expect(await s.dispatch('listClients', { status: 'all' })).toMatchObject({ ok: true, value: { clients: [] } });
  });

  it('answers a 2,000-element list of bad values with at most 50 field messages and a count of the rest', async () => {
    const { services: s } = services();
    expect(await s.dispatch('createVault', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const result = await s.dispatch('exportData', { clientId: 'not an id', formats: Array.from({ length: 2000 }, () => 'pdf') });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (result.ok) return;
    const fieldErrors = result.error.fieldErrors ?? {};
    expect(Object.keys(fieldErrors)).toHaveLength(51);
    // The fields before the long list keep their messages under their own controls.
    expect(fieldErrors.clientId).toBe('That record id is not valid.');
    expect(fieldErrors['formats.0']).toMatch(/json|csv/);
    expect(fieldErrors['formats.48']).toMatch(/json|csv/);
    expect(fieldErrors['formats.49']).toBeUndefined();
    // 2,000 element messages, less the 49 shown beside clientId.
    expect(fieldErrors._more).toBe('and 1,951 more problems');
    expect(JSON.stringify(result.error).length).toBeLessThan(5_000);
  });

  it('declares an input and an output schema for every method', () => {
    for (const name of methodNames) {
      expect(contract[name].input, name).toBeDefined();
      expect(contract[name].output, name).toBeDefined();
    }
  });
});
