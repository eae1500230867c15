import { Encrypter } from 'age-encryption';
import * as tar from 'tar-stream';
import { expect } from 'vitest';
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
 * An age file made with the library, for files the app would never write. A low work factor keeps
 * them quick to make and to open; the reader accepts any factor up to 20.
 */
export async function ageEncrypt(plaintext: Uint8Array | string, to: { passphrase: string; logN?: number } | { recipient: string }): Promise<Buffer> {
  const encrypter = new Encrypter();
  if ('passphrase' in to) {
    encrypter.setPassphrase(to.passphrase);
    encrypter.setScryptWorkFactor(to.logN ?? 10);
  } else {
    encrypter.addRecipient(to.recipient);
  }
  return Buffer.from(await encrypter.encrypt(plaintext));
}

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
