import { describe, expect, it } from 'vitest';
import { Decrypter, Encrypter } from 'age-encryption';
import { NativeScryptIdentity, NativeScryptRecipient, PreparedScryptRecipient } from '../../electron/services/backup/native-scrypt';

const PASSPHRASE = 'copper meadow relay whistle 83';

describe('age scrypt stanza with Node scrypt', () => {
  it('is read by the age-encryption package, and reads what the package writes', async () => {
    const ours = new Encrypter();
    ours.addRecipient(new NativeScryptRecipient(PASSPHRASE, 18));
    const sealed = await ours.encrypt('synthetic backup bytes');
    const theirs = new Decrypter();
    theirs.addPassphrase(PASSPHRASE);
    expect(await theirs.decrypt(sealed, 'text')).toBe('synthetic backup bytes');

    const packageMade = new Encrypter();
    packageMade.setPassphrase(PASSPHRASE);
    const sealedByPackage = await packageMade.encrypt('made by the package');
    const reader = new Decrypter();
    reader.addIdentity(new NativeScryptIdentity(PASSPHRASE));
    expect(await reader.decrypt(sealedByPackage, 'text')).toBe('made by the package');
  }, 30_000);

  it('reports a wrong passphrase as no matching identity, like the package', async () => {
    const encrypter = new Encrypter();
    encrypter.addRecipient(new NativeScryptRecipient(PASSPHRASE, 18));
    const sealed = await encrypter.encrypt('x');
    const decrypter = new Decrypter();
    decrypter.addIdentity(new NativeScryptIdentity('not the passphrase at all'));
    await expect(decrypter.decrypt(sealed)).rejects.toThrow("no identity matched any of the file's recipients");
  }, 30_000);

  it('derives a key ahead of time for exactly one file', async () => {
    const prepared = await PreparedScryptRecipient.derive(PASSPHRASE, 18);
    const encrypter = new Encrypter();
    encrypter.addRecipient(prepared);
    const sealed = await encrypter.encrypt('one file');
    const decrypter = new Decrypter();
    decrypter.addPassphrase(PASSPHRASE);
    expect(await decrypter.decrypt(sealed, 'text')).toBe('one file');
    // A second file under the same salt and key would reuse the stanza's nonce: refused.
    await expect(encrypter.encrypt('another file')).rejects.toThrow('one file key only');
  }, 30_000);
});
