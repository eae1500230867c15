import { z } from 'zod';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { chainAnchorSchema } from '../../../shared/record-verification';
import { writeFileAtomic, writeFileAtomicSync } from '../fs/write-file-atomic';

/** The header sits beside vault.db and holds everything needed to recover the data key. */
export const HEADER_FILE = 'vault-header.json';
export const DATABASE_FILE = 'vault.db';
export const HEADER_FORMAT = 'alliance-notes-vault';
/**
 * 2 adds `activityLog` (the anchor of the activity log, written on every lock). A version-1 header is
 * still read (it has no anchor yet); an app that only knows version 1 says the vault is from a newer
 * version instead of calling it damaged. The key slots are the same in both.
 */
export const HEADER_FORMAT_VERSION = 2;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const wrappedKeySchema = z.strictObject({
  algorithm: z.literal('aes-256-gcm'),
  iv: base64,
  ciphertext: base64,
  tag: base64,
});

export const vaultHeaderSchema = z.strictObject({
  format: z.literal(HEADER_FORMAT),
  formatVersion: z.number().int().positive(),
  vaultId: z.string().uuid(),
  createdAt: z.string(),
  createdByAppVersion: z.string(),
  database: z.strictObject({ file: z.literal(DATABASE_FILE), cipher: z.literal('sqlcipher'), legacy: z.literal(4) }),
  kdf: z.strictObject({
    algorithm: z.literal('argon2id'),
    version: z.literal(19),
    memoryKiB: z.number().int().positive(),
    iterations: z.number().int().positive(),
    parallelism: z.number().int().positive(),
    salt: base64,
  }),
  passphraseSlot: z.strictObject({ wrapped: wrappedKeySchema, changedAt: z.string() }),
  recoverySlot: z.strictObject({
    salt: base64,
    wrapped: wrappedKeySchema,
    createdAt: z.string(),
    confirmedAt: z.string().nullable(),
  }),
  /**
   * The activity log's length and newest hash when the vault was last locked (or, after a restore, when
   * the backup was made), kept outside the database so entries cut off the end are found. Absent in
   * headers written before format 2, and until the first lock.
   */
  activityLog: chainAnchorSchema.optional(),
});

export type VaultHeader = z.output<typeof vaultHeaderSchema>;

export const passphraseAad = (vaultId: string) => `${HEADER_FORMAT}:v1:${vaultId}:passphrase`;
export const recoveryAad = (vaultId: string) => `${HEADER_FORMAT}:v1:${vaultId}:recovery`;

export type HeaderRead =
  | { kind: 'ok'; header: VaultHeader }
  | { kind: 'missing' }
  | { kind: 'too-new'; formatVersion: number }
  | { kind: 'damaged'; reason: string };

export async function readHeader(dir: string): Promise<HeaderRead> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, HEADER_FILE), 'utf8');
  } catch (error) {
    return unreadable(error);
  }
  return parseHeader(text);
}

/** readHeader for a lock, which cannot wait. */
export function readHeaderSync(dir: string): HeaderRead {
  let text: string;
  try {
    text = readFileSync(path.join(dir, HEADER_FILE), 'utf8');
  } catch (error) {
    return unreadable(error);
  }
  return parseHeader(text);
}

function unreadable(error: unknown): HeaderRead {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
  return { kind: 'damaged', reason: 'The vault header file cannot be read.' };
}

function parseHeader(text: string): HeaderRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'damaged', reason: 'The vault header file is damaged (it is not valid JSON).' };
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > HEADER_FORMAT_VERSION) return { kind: 'too-new', formatVersion: version };
  const parsed = vaultHeaderSchema.safeParse(json);
  if (!parsed.success) return { kind: 'damaged', reason: 'The vault header file is damaged (fields are missing or wrong).' };
  return { kind: 'ok', header: parsed.data };
}

/** Written to a temporary file, flushed and renamed, so a crash leaves either the old or the new header. */
export async function writeHeader(dir: string, header: VaultHeader): Promise<void> {
  await writeFileAtomic(path.join(dir, HEADER_FILE), headerText(header));
}

/** writeHeader for a lock, which cannot wait. */
export function writeHeaderSync(dir: string, header: VaultHeader): void {
  writeFileAtomicSync(path.join(dir, HEADER_FILE), headerText(header));
}

// Any header this app writes is in its own format, even one first read as an older version.
const headerText = (header: VaultHeader): string => `${JSON.stringify({ ...header, formatVersion: HEADER_FORMAT_VERSION }, null, 2)}\n`;
