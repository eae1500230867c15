import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { Encrypter, Stanza, type Identity } from 'age-encryption';
import * as tar from 'tar-stream';
import { expect } from 'vitest';
import { BACKUP_SCRYPT_LOG_N } from '../../../shared/backup';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { allianceContent, doc, newClient, sessionFields, type NotesVault } from './notes-vault';

/** Synthetic text that appears in names and notes and nowhere else, so finding it on disk means plaintext leaked. */
export const CANARY = 'Quillon Vexmarrow canary 7F3KQ';
export const BACKUP_PASSPHRASE = 'copper meadow lantern violet 83';

/**
 * Three clients named with the canary, each with signed and draft notes that repeat it, padded so the
 * snapshot spans many of age's 64 KiB chunks (a damaged middle chunk must exist to be tested).
 */
export async function fillVault(nv: NotesVault, options: { sessionsPerClient?: number; paragraphBytes?: number } = {}): Promise<void> {
  const sessions = options.sessionsPerClient ?? 4;
  const filler = 'Synthetic session text for backup tests. '.repeat(Math.ceil((options.paragraphBytes ?? 4000) / 42));
  for (const [index, surname] of ['Ashgrove', 'Brindlewick', 'Corvane'].entries()) {
    const clientId = await newClient(nv, `${CANARY} ${surname}`);
    for (let day = 1; day <= sessions; day += 1) {
      const note = await nv.notes.createSession({
        clientId,
        session: sessionFields({ date: `2026-05-${String(day + index * 8).padStart(2, '0')}` }),
        templateId: 'alliance',
      });
      await nv.notes.saveDraft({
        noteId: note.id,
        baseRevision: 0,
        content: allianceContent({ plan: doc(`${CANARY} plan ${day}`, filler), bond: doc(`Bond steady, ${surname}.`) }),
        processNote: null,
      });
    }
  }
}

/** A tar of the given entries in memory; test files only, so small. */
export async function tarOf(entries: ReadonlyArray<{ name: string; data: Uint8Array | string }>): Promise<Buffer> {
  const pack = tar.pack();
  for (const entry of entries) pack.entry({ name: entry.name, mode: 0o600 }, typeof entry.data === 'string' ? Buffer.from(entry.data) : Buffer.from(entry.data));
  pack.finalize();
  const parts: Buffer[] = [];
  for await (const part of pack) parts.push(Buffer.from(part as Uint8Array));
  return Buffer.concat(parts);
}

/**
 * An age file made with the library, for files the app would never write. The reader refuses a scrypt
 * work factor below the 2^18 the app writes, so passphrase files use 18 too; the scrypt key is derived
 * once per passphrase (one salt, reused: a test fixture, so the repeated stanza nonce harms nothing)
 * and the library does the rest (header MAC, payload). `logN` makes a file with another factor, through
 * the library's own scrypt recipient.
 */
export async function ageEncrypt(plaintext: Uint8Array | string, to: { passphrase: string; logN?: number } | { recipient: string }): Promise<Buffer> {
  const encrypter = new Encrypter();
  if ('passphrase' in to && to.logN !== undefined) {
    encrypter.setPassphrase(to.passphrase);
    encrypter.setScryptWorkFactor(to.logN);
  } else if ('passphrase' in to) {
    const salt = fixedSalt(to.passphrase);
    const key = await scryptKey(to.passphrase, salt, BACKUP_SCRYPT_LOG_N);
    encrypter.addRecipient({
      wrapFileKey: (fileKey: Uint8Array) => {
        const cipher = createCipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 });
        const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
        return [new Stanza(['scrypt', base64NoPad(salt), String(BACKUP_SCRYPT_LOG_N)], body)];
      },
    });
  } else {
    encrypter.addRecipient(to.recipient);
  }
  return Buffer.from(await encrypter.encrypt(plaintext));
}

/**
 * An age scrypt identity that derives each (passphrase, salt, work factor) key once, for reading many
 * files made by ageEncrypt with one scrypt (passed as the reader's test-only `identity`). Unwrapping
 * the file key, the header MAC and every payload chunk stay real: a wrong passphrase still fails.
 */
export function cachedScryptIdentity(passphrase: string): Identity {
  return {
    async unwrapFileKey(stanzas: Stanza[]) {
      const stanza = stanzas.find((candidate) => candidate.args[0] === 'scrypt');
      if (!stanza || stanza.args.length !== 3) return null;
      const key = await scryptKey(passphrase, Buffer.from(stanza.args[1]!, 'base64'), Number(stanza.args[2]));
      const body = Buffer.from(stanza.body);
      const decipher = createDecipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 });
      decipher.setAuthTag(body.subarray(16));
      try {
        return Uint8Array.from(Buffer.concat([decipher.update(body.subarray(0, 16)), decipher.final()]));
      } catch {
        return null;
      }
    },
  };
}

const salts = new Map<string, Buffer>();
const fixedSalt = (passphrase: string): Buffer => {
  let salt = salts.get(passphrase);
  if (!salt) salts.set(passphrase, (salt = randomBytes(16)));
  return salt;
};
const keys = new Map<string, Promise<Buffer>>();
function scryptKey(passphrase: string, salt: Buffer, logN: number): Promise<Buffer> {
  const id = `${passphrase}\0${salt.toString('hex')}\0${logN}`;
  let key = keys.get(id);
  if (!key) {
    key = new Promise<Buffer>((resolve, reject) =>
      scrypt(passphrase, Buffer.concat([Buffer.from('age-encryption.org/v1/scrypt'), salt]), 32, { N: 2 ** logN, r: 8, p: 1, maxmem: 2 * 128 * 8 * 2 ** logN }, (error, derived) =>
        error ? reject(error) : resolve(derived),
      ),
    );
    keys.set(id, key);
  }
  return key;
}
const base64NoPad = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

/** The error a promise rejected with, asserted to be an AppError with this code and a message fit to show. */
export async function rejection(promise: Promise<unknown>, code: ErrorCode, pattern?: RegExp): Promise<AppError> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a rejection').toBeInstanceOf(AppError);
  const error = caught as AppError;
  expect({ code: error.code, message: error.message }).toMatchObject({ code, ...(pattern ? { message: expect.stringMatching(pattern) } : {}) });
  assertShowable(error.message);
  return error;
}

/** Written for a practitioner: not empty, no stack frames, no "Error:" prefixes from a library. */
export function assertShowable(message: string): void {
  expect(message.trim().length).toBeGreaterThan(20);
  expect(message).not.toMatch(/Error:|\n\s+at |\bat .+:\d+:\d+/);
  expect(message).not.toContain(CANARY);
}

/** The age header (through the MAC line) of a file: its length in bytes. */
export function ageHeaderLength(file: Buffer): number {
  const mac = file.indexOf('\n--- ');
  if (mac < 0) throw new Error('no MAC line');
  return file.indexOf(0x0a, mac + 1) + 1;
}
