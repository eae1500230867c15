import { readChainAnchor } from '../../electron/services/activity/activity-log.repository';
import type { ChainAnchor } from '../../shared/record-verification';
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { armor, generateHybridIdentity, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_DATABASE_ENTRY,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_ENTRY,
  type BackupManifest,
} from '../../shared/backup';
import { AppError, type ErrorCode } from '../../shared/errors';
import { migrations } from '../../migrations';
import { writeArchiveFile } from '../../electron/services/backup/archive-file';
import { backupFileName, writeBackup, type WrittenBackup } from '../../electron/services/backup/backup-writer';
import { openVaultSnapshot } from '../../electron/services/backup/vault-snapshot';
import { verifySnapshot, VERIFY_CHECKS } from '../../electron/services/backup/backup-checks';
import { readBackupFile } from '../../electron/services/backup/backup-reader';
import { countRecords, openSnapshot, takeSnapshot } from '../../electron/services/backup/snapshot';
import { openEncryptedDatabase } from '../../electron/services/database/open-database';
import { DATABASE_FILE } from '../../electron/services/vault/vault-header';
import { openNotesVault, type NotesVault } from './support/notes-vault';
import { PASSPHRASE, removeDir, tempDir } from './support/temp-vault';
import { dataKeyFor } from './support/sqlcipher-pages';
import {
  BACKUP_PASSPHRASE,
  CANARY,
  ageEncrypt,
  ageHeaderLength,
  cachedScryptIdentity,
  assertShowable,
  fillVault,
  rejection,
  tarOf,
} from './support/backup-fixture';
import { cachingScryptIdentity, mutate, prng } from './support/backup-fuzz';
import { startCanaryScan } from './support/backup-scanner';
import { ageDecryptWithCli, hasTool, sqlite3, startInserter } from './support/backup-tools';

/*
 * Each scrypt derivation (work factor 2^18, as the app writes) costs about a second here, so one
 * backup is written in beforeAll and every read-only test uses it; synthetic foreign files use the same
 * factor (the reader refuses less), with one scrypt per passphrase (ageEncrypt, cachedScryptIdentity).
 */

const knownMigrations = migrations.map((step) => step.name);
const CHUNK_CIPHER = 64 * 1024 + 16;
const dirs: string[] = [];
const newDir = (prefix: string) => {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
};
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let nv: NotesVault;
/** The backup service's own snapshot: vault.db's pages read from one read transaction. */
const snapshotOf = (notes: NotesVault) => () =>
  notes.vault.openReader(({ live, file, dataKey }) => openVaultSnapshot(live, file, dataKey));
let folder: string;
let written: WrittenBackup;
let backup: Buffer;
let headerEnd: number;
let snapshot: Buffer;
let liveCounts: Record<string, number>;
let liveAnchor: ChainAnchor;
const progress: string[] = [];

beforeAll(async () => {
  nv = await openNotesVault();
  await fillVault(nv, { sessionsPerClient: 6, paragraphBytes: 8000 });
  folder = newDir('alliance-backup-out-');
  snapshot = takeSnapshot(nv.vault.connection());
  liveCounts = countRecords(nv.vault.connection());
  liveAnchor = readChainAnchor(nv.vault.connection());
  written = await writeBackup({
    openSnapshot: snapshotOf(nv),
    folder,
    now: new Date(2026, 5, 15, 9, 5, 7),
    passphrase: BACKUP_PASSPHRASE,
    appVersion: '9.8.7-test',
    schemaVersion: knownMigrations[knownMigrations.length - 1]!,
    onProgress: (phase) => {
      if (progress.at(-1) !== phase) progress.push(phase);
    },
  });
  backup = readFileSync(written.path);
  headerEnd = ageHeaderLength(backup);
}, 120_000);

afterAll(async () => {
  await nv?.close();
  for (const dir of dirs) await removeDir(dir);
});

/** Writes bytes as a file in a scratch folder and returns its path. */
const scratch = (() => {
  let dir: string | null = null;
  let n = 0;
  return (bytes: Uint8Array | string, name = `case-${(n += 1)}.age`): string => {
    dir ??= newDir('alliance-backup-cases-');
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
})();

/** A plain image with each page's reserved bytes (the header says how many, at offset 20) set to zero. */
const withoutReserve = (image: Buffer): Buffer => {
  const copy = Buffer.from(image);
  const pageSize = copy.readUInt16BE(16);
  const reserve = copy[20]!;
  for (let end = pageSize; end <= copy.length; end += pageSize) copy.fill(0, end - reserve, end);
  return copy;
};

const flip = (bytes: Buffer, at: number, mask = 0x01) => {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ mask;
  return copy;
};

describe('writing and reading a backup', () => {
  it('names the file from the local date and time', () => {
    expect(backupFileName(new Date(2026, 0, 2, 3, 4, 5))).toBe('alliance-backup-20260102-030405.age');
    expect(backupFileName(new Date(2026, 11, 31, 23, 59, 59))).toBe('alliance-backup-20261231-235959.age');
  });

  it('writes one age file (owner-only, no temporary left) whose hash and size it reports', () => {
    expect(written.fileName).toBe('alliance-backup-20260615-090507.age');
    expect(written.path).toBe(path.join(folder, written.fileName));
    expect(readdirSync(folder)).toEqual([written.fileName]);
    expect(statSync(written.path).mode & 0o777).toBe(0o600);
    expect(written.fileBytes).toBe(backup.length);
    expect(written.sha256).toBe(sha256(backup));
    expect(backup.subarray(0, headerEnd).toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt [A-Za-z0-9+/]{22} 18\n[A-Za-z0-9+/]{43}\n--- [A-Za-z0-9+/]{43}\n$/);
    expect(backup.includes(Buffer.from(CANARY))).toBe(false);
    // Several 64 KiB chunks, so "a damaged middle chunk" below is a real case.
    expect(backup.length).toBeGreaterThan(4 * CHUNK_CIPHER);
    expect(progress).toEqual(['Deriving the encryption key', 'Taking a snapshot', 'Encrypting and writing', 'Checking the written file']);
  });

  it('reads back the identical snapshot with its manifest, and every verification check passes', async () => {
    const phases: string[] = [];
    const read = await readBackupFile(written.path, BACKUP_PASSPHRASE, {
      onProgress: (phase, fraction) => {
        if (fraction !== null) expect(fraction).toBeGreaterThanOrEqual(0);
        if (phases.at(-1) !== phase) phases.push(phase);
      },
    });
    expect(phases).toEqual(['Checking the passphrase', 'Decrypting and checking']);
    expect(read.fileBytes).toBe(backup.length);
    // Nothing was written in between, so the backup holds SQLite's own image of the vault, page for
    // page, except the 80 bytes SQLCipher reserves at the end of each page (IV and HMAC in the
    // encrypted file, meaningless in a plain one): the backup, read from vault.db's pages, has zeros there.
    expect(read.database.length).toBe(snapshot.length);
    expect(read.database.equals(withoutReserve(snapshot))).toBe(true);
    expect(read.database.equals(snapshot)).toBe(false);
    expect(read.database[18]).toBe(1);
    expect(read.database[19]).toBe(1);
    expect(read.manifest).toEqual({
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: '9.8.7-test',
      schemaVersion: knownMigrations[knownMigrations.length - 1]!,
      createdAt: new Date(2026, 5, 15, 9, 5, 7).toISOString(),
      database: { file: BACKUP_DATABASE_ENTRY, bytes: snapshot.length, sha256: sha256(withoutReserve(snapshot)) },
      counts: liveCounts,
      // The log's length and newest hash in the snapshot, which a restore puts in the vault header.
      activityLog: liveAnchor,
    } satisfies BackupManifest);
    expect(liveAnchor.length).toBeGreaterThan(0);
    expect(written.counts).toEqual(liveCounts);
    expect(written.databaseBytes).toBe(snapshot.length);
    expect(liveCounts).toMatchObject({ clients: 3, sessions: 18, notes: 18 });
    expect(liveCounts).toHaveProperty('measure_results');
    expect(Object.keys(liveCounts).filter((name) => name.startsWith('sqlite_') || /^search_index(_(data|idx|content|docsize|config))?$/.test(name))).toEqual([]);

    expect((await verifySnapshot(read.database, read.manifest, knownMigrations)).checks).toEqual([
      'Passphrase accepted and every block authenticated',
      'Checksum matches',
      'Tables, indexes and triggers exactly as this app creates them',
      'Database integrity ok',
      'Schema version known',
      'Record counts match',
    ]);
    const copy = openSnapshot(read.database);
    try {
      expect(copy.readonly).toBe(true);
      expect(copy.prepare('SELECT count(*) AS n FROM clients WHERE legal_name LIKE ?').get(`${CANARY}%`)).toEqual({ n: 3 });
    } finally {
      copy.close();
    }
  });

  it('opens with the age and sqlite3 tools alone: age -d, tar -x, then sqlite3 finds the data', ({ skip }) => {
    if (!hasTool('age')) skip('the age command-line tool is not installed');
    if (!hasTool('sqlite3')) skip('the sqlite3 command-line tool is not installed');
    if (!hasTool('script')) skip('util-linux script (needed to give age a terminal for the passphrase) is not installed');
    const dir = newDir('alliance-backup-cli-');
    try {
      const tarFile = path.join(dir, 'backup.tar');
      expect(ageDecryptWithCli(written.path, tarFile, BACKUP_PASSPHRASE).status).toBe(0);
      const listing = spawnSync('tar', ['-tvf', tarFile], { encoding: 'utf8' });
      expect(listing.stdout.trim().split('\n').map((line) => `${line.slice(0, 10)} ${line.split(/\s+/).at(-1)}`)).toEqual([
        `-rw------- ${BACKUP_MANIFEST_ENTRY}`,
        `-rw------- ${BACKUP_DATABASE_ENTRY}`,
      ]);
      expect(spawnSync('tar', ['-xf', tarFile, '-C', dir]).status).toBe(0);
      const manifest = JSON.parse(readFileSync(path.join(dir, BACKUP_MANIFEST_ENTRY), 'utf8')) as BackupManifest;
      const database = path.join(dir, BACKUP_DATABASE_ENTRY);
      expect(sha256(readFileSync(database))).toBe(manifest.database.sha256);

      expect(sqlite3(database, 'PRAGMA integrity_check')).toBe('ok');
      const tables = Object.keys(manifest.counts);
      const counted = sqlite3(database, tables.map((name) => `SELECT '${name}', count(*) FROM "${name}";`).join(' '));
      expect(Object.fromEntries(counted.split('\n').map((line) => [line.split('|')[0], Number(line.split('|')[1])]))).toEqual(manifest.counts);
      expect(sqlite3(database, `SELECT legal_name FROM clients WHERE legal_name LIKE '%Brindlewick'`)).toBe(`${CANARY} Brindlewick`);
      // Opened as a rollback-journal database: the tool leaves no -wal or -shm beside it.
      expect(readdirSync(dir).sort()).toEqual(['alliance-notes.sqlite', 'backup.tar', 'manifest.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a file that is not a good backup gets its own code and message', () => {
  const realFile = () => written.path;

  it('wrong passphrase', async () => {
    await rejection(readBackupFile(realFile(), 'not the right passphrase at all'), 'WRONG_PASSPHRASE', /^That passphrase does not open this backup/);
  });

  it('an empty file', async () => {
    await rejection(readBackupFile(scratch(''), BACKUP_PASSPHRASE), 'BACKUP_CORRUPT', /^The file is empty/);
  });

  it('a missing file', async () => {
    await rejection(readBackupFile(path.join(folder, 'no-such-backup.age'), BACKUP_PASSPHRASE), 'IO_ERROR', /cannot be found/);
  });

  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), /^This is not an Alliance Notes backup: it is a PDF document/],
    ['random bytes', randomBytes(100_000), /^This is not an Alliance Notes backup\. Backups are encrypted files/],
    ['a text file with one long line', Buffer.from('x'.repeat(300_000)), /^This is not an Alliance Notes backup\./],
    ['a ZIP archive', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), randomBytes(200)]), /it is a ZIP archive/],
  ])('%s', async (_name, bytes, pattern) => {
    await rejection(readBackupFile(scratch(bytes), BACKUP_PASSPHRASE), 'NOT_A_BACKUP', pattern);
  });

  it('an unencrypted tar and a bare SQLite file', async () => {
    const plainTar = await tarOf([{ name: BACKUP_MANIFEST_ENTRY, data: '{}' }]);
    await rejection(readBackupFile(scratch(plainTar), BACKUP_PASSPHRASE), 'NOT_A_BACKUP', /unencrypted archive/);
    await rejection(readBackupFile(scratch(snapshot.subarray(0, 8192)), BACKUP_PASSPHRASE), 'NOT_A_BACKUP', /unencrypted database/);
  });

  it('an ASCII-armored age file', async () => {
    await rejection(readBackupFile(scratch(armor.encode(backup)), BACKUP_PASSPHRASE), 'NOT_A_BACKUP', /text form \(ASCII armor\)/);
  });

  it('an age file encrypted to an X25519 key, or a post-quantum hybrid key', async () => {
    const x25519 = await ageEncrypt('anything', { recipient: await identityToRecipient(await generateX25519Identity()) });
    expect(x25519.toString('latin1')).toContain('\n-> X25519 ');
    await rejection(readBackupFile(scratch(x25519), BACKUP_PASSPHRASE), 'NOT_A_BACKUP', /encrypted to an age key, not with a passphrase/);
    const hybrid = await ageEncrypt('anything', { recipient: await identityToRecipient(await generateHybridIdentity()) });
    await rejection(readBackupFile(scratch(hybrid), BACKUP_PASSPHRASE), 'NOT_A_BACKUP', /encrypted to an age key/);
  });

  it('a header asking for a work factor above 2^20 is refused before any key is derived', async () => {
    const header = backup.subarray(0, headerEnd).toString('latin1').replace(/ 18\n/, ' 22\n');
    const started = performance.now();
    await rejection(readBackupFile(scratch(Buffer.concat([Buffer.from(header, 'latin1'), backup.subarray(headerEnd)])), BACKUP_PASSPHRASE), 'BACKUP_CORRUPT', /far slower passphrase check/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('a backup encrypted with a scrypt work factor below the 2^18 the app writes is refused as not made by Alliance Notes', async () => {
    // A well-formed backup archive (this vault's snapshot and a matching manifest), encrypted by the age
    // package with the right passphrase at a lower factor.
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: 'test',
      schemaVersion: knownMigrations[knownMigrations.length - 1]!,
      createdAt: written.createdAt,
      database: { file: BACKUP_DATABASE_ENTRY, bytes: snapshot.length, sha256: sha256(snapshot) },
      counts: liveCounts,
    };
    const archive = await tarOf([
      { name: BACKUP_MANIFEST_ENTRY, data: JSON.stringify(manifest) },
      { name: BACKUP_DATABASE_ENTRY, data: snapshot },
    ]);
    for (const logN of [10, 17]) {
      const weaker = await ageEncrypt(archive, { passphrase: BACKUP_PASSPHRASE, logN });
      expect(weaker.toString('latin1')).toContain(` ${logN}\n`);
      const started = performance.now();
      await rejection(readBackupFile(scratch(weaker), BACKUP_PASSPHRASE), 'NOT_A_BACKUP', new RegExp(`^This file was not made by Alliance Notes: .*work factor 2\\^${logN}\\)`));
      // Refused from the header alone: no key is derived for it.
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  it('a damaged header: version line, MAC character, MAC checked against the key', async () => {
    await rejection(readBackupFile(scratch(flip(backup, 3)), BACKUP_PASSPHRASE), 'NOT_A_BACKUP', /not an Alliance Notes backup/);
    const macStart = backup.indexOf('\n--- ') + 5;
    const badChar = Buffer.from(backup);
    badChar[macStart + 2] = '!'.charCodeAt(0);
    await rejection(readBackupFile(scratch(badChar), BACKUP_PASSPHRASE), 'BACKUP_CORRUPT', /^The backup's header is damaged/);
    // Still valid base64, so only the HMAC under the real file key shows the damage.
    const otherMac = Buffer.from(backup);
    otherMac[macStart + 2] = otherMac[macStart + 2] === 0x41 ? 0x42 : 0x41;
    await rejection(readBackupFile(scratch(otherMac), BACKUP_PASSPHRASE), 'BACKUP_CORRUPT', /^The backup's header is damaged/);
  });

  it('a flipped byte in the payload: the nonce, a middle chunk, the final chunk', async () => {
    await rejection(readBackupFile(scratch(flip(backup, headerEnd + 3)), BACKUP_PASSPHRASE), 'BACKUP_CORRUPT', /^The backup is damaged \(at about 0\.0 MB into the file\)/);
    const middle = headerEnd + 16 + 2 * CHUNK_CIPHER + 1000;
    const error = await rejection(readBackupFile(scratch(flip(backup, middle, 0x80)), BACKUP_PASSPHRASE), 'BACKUP_CORRUPT', /^The backup is damaged \(at about \d+\.\d MB/);
    const reported = Number(/about (\d+\.\d) MB/.exec(error.message)![1]) * 1024 * 1024;
    expect(Math.abs(reported - (headerEnd + 16 + 2 * CHUNK_CIPHER))).toBeLessThan(2 * CHUNK_CIPHER);
    // The final chunk fails just as a cut-off file does; its length, known from the tar headers, tells them apart.
    await rejection(readBackupFile(scratch(flip(backup, backup.length - 1)), BACKUP_PASSPHRASE), 'BACKUP_CORRUPT', /^The backup is damaged/);
  });

  it('a file cut short, at several lengths', async () => {
    const lengths = [5, 40, headerEnd - 10, headerEnd + 8, headerEnd + 16 + 1000, headerEnd + 16 + 3 * CHUNK_CIPHER, backup.length - 1];
    for (const length of lengths) {
      await rejection(readBackupFile(scratch(backup.subarray(0, length)), BACKUP_PASSPHRASE), 'BACKUP_CORRUPT', /^The backup is incomplete: it ends early/);
    }
  });

  describe('age files with a passphrase that hold something else', () => {
    const manifest = (changes: Record<string, unknown> = {}) =>
      JSON.stringify({
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: '1',
        schemaVersion: knownMigrations[0],
        createdAt: '2026-06-15T09:00:00.000Z',
        database: { file: BACKUP_DATABASE_ENTRY, bytes: 4, sha256: sha256(Buffer.from('abcd')) },
        counts: {},
        ...changes,
      });
    const cases: Array<[string, () => Promise<Uint8Array | string>, ErrorCode, RegExp]> = [
      ['plain text', async () => 'Dear diary, this is not a tar.\n'.repeat(100), 'NOT_A_BACKUP', /opens with the passphrase, but what it holds is not a backup archive/],
      ['nothing at all', async () => '', 'NOT_A_BACKUP', /holds no backup manifest/],
      ['a tar without a manifest', () => tarOf([{ name: 'notes.txt', data: 'hello' }]), 'NOT_A_BACKUP', /holds no backup manifest/],
      ['a tar whose manifest is not JSON', () => tarOf([{ name: BACKUP_MANIFEST_ENTRY, data: 'format=alliance' }]), 'NOT_A_BACKUP', /manifest is not readable/],
      ['a manifest of another format', () => tarOf([{ name: BACKUP_MANIFEST_ENTRY, data: manifest({ format: 'something-else' }) }]), 'NOT_A_BACKUP', /manifest is not an Alliance Notes one/],
      ['a manifest from a newer format version', () => tarOf([{ name: BACKUP_MANIFEST_ENTRY, data: manifest({ formatVersion: BACKUP_FORMAT_VERSION + 1 }) }]), 'BACKUP_TOO_NEW', /newer version of Alliance Notes \(backup format 2/],
      ['a malformed manifest', () => tarOf([{ name: BACKUP_MANIFEST_ENTRY, data: manifest({ counts: 'many' }) }]), 'BACKUP_CORRUPT', /manifest .* is incomplete or malformed/],
      ['a manifest without the database', () => tarOf([{ name: BACKUP_MANIFEST_ENTRY, data: manifest() }]), 'BACKUP_CORRUPT', /no database/],
      [
        'a database of another size than the manifest says',
        () => tarOf([{ name: BACKUP_MANIFEST_ENTRY, data: manifest() }, { name: BACKUP_DATABASE_ENTRY, data: 'abcdef' }]),
        'BACKUP_CORRUPT',
        /not the size its manifest records/,
      ],
    ];
    it.each(cases)('%s', async (_name, content, code, pattern) => {
      const file = scratch(await ageEncrypt(await content(), { passphrase: BACKUP_PASSPHRASE }));
      await rejection(readBackupFile(file, BACKUP_PASSPHRASE, { identity: cachedScryptIdentity(BACKUP_PASSPHRASE) }), code, pattern);
    });

    it('a well-formed small archive still reads (the checks above are not just "anything small fails")', async () => {
      const file = scratch(
        await ageEncrypt(await tarOf([{ name: BACKUP_MANIFEST_ENTRY, data: manifest() }, { name: BACKUP_DATABASE_ENTRY, data: 'abcd' }]), {
          passphrase: BACKUP_PASSPHRASE,
        }),
      );
      const read = await readBackupFile(file, BACKUP_PASSPHRASE, { identity: cachedScryptIdentity(BACKUP_PASSPHRASE) });
      expect(read.database.toString()).toBe('abcd');
    });
  });
});

describe('verifySnapshot', () => {
  let manifest: BackupManifest;
  beforeAll(() => {
    manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: 'test',
      schemaVersion: knownMigrations[knownMigrations.length - 1]!,
      createdAt: written.createdAt,
      database: { file: BACKUP_DATABASE_ENTRY, bytes: snapshot.length, sha256: sha256(snapshot) },
      counts: liveCounts,
    };
  });
  /** A changed copy of the snapshot, with a manifest that matches its bytes (so only the later check can fail). */
  const variant = (change: (db: InstanceType<typeof Database>) => void): [Buffer, BackupManifest] => {
    const db = new Database(snapshot);
    try {
      change(db);
      const image = db.serialize();
      return [image, { ...manifest, database: { ...manifest.database, bytes: image.length, sha256: sha256(image) } }];
    } finally {
      db.close();
    }
  };
  const failure = async (run: () => Promise<unknown>): Promise<AppError> => {
    try {
      await run();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      assertShowable((error as AppError).message);
      return error as AppError;
    }
    throw new Error('expected verifySnapshot to throw');
  };

  it('passes the real snapshot', async () => {
    expect((await verifySnapshot(snapshot, manifest, knownMigrations)).checks).toEqual(Object.values(VERIFY_CHECKS));
  });

  it('refuses a checksum or size that does not match', async () => {
    expect(await failure(() => verifySnapshot(flip(snapshot, 5000), manifest, knownMigrations))).toMatchObject({ code: 'BACKUP_CORRUPT', message: expect.stringMatching(/checksum/) });
    expect(await failure(() => verifySnapshot(snapshot.subarray(0, 4096), manifest, knownMigrations))).toMatchObject({ code: 'BACKUP_CORRUPT' });
  });

  it('refuses a database that fails integrity_check', async () => {
    const [image] = variant(() => undefined);
    const root = (() => {
      const db = new Database(snapshot, { readonly: true });
      try {
        return (db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'notes'`).get() as { rootpage: number }).rootpage;
      } finally {
        db.close();
      }
    })();
    const pageSize = image.readUInt16BE(16);
    // An invalid b-tree page type on the notes table's root page.
    image[(root - 1) * pageSize] = 0x07;
    const damaged = { ...manifest, database: { ...manifest.database, bytes: image.length, sha256: sha256(image) } };
    expect(await failure(() => verifySnapshot(image, damaged, knownMigrations))).toMatchObject({ code: 'BACKUP_CORRUPT', message: expect.stringMatching(/integrity check|cannot be opened/) });
  });

  it('refuses a schema this build does not know as too new', async () => {
    const [image, changed] = variant((db) => db.prepare(`INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_from_the_future', 'x')`).run());
    expect(await failure(() => verifySnapshot(image, changed, knownMigrations))).toMatchObject({
      code: 'BACKUP_TOO_NEW',
      message: expect.stringMatching(/made by a newer version of Alliance Notes; update the app/),
    });
  });

  it('refuses counts that do not match the manifest', async () => {
    expect(await failure(() => verifySnapshot(snapshot, { ...manifest, counts: { ...liveCounts, clients: 4 } }, knownMigrations))).toMatchObject({
      code: 'BACKUP_CORRUPT',
      message: expect.stringMatching(/record counts/),
    });
    expect(await failure(() => verifySnapshot(snapshot, { ...manifest, counts: { ...liveCounts, invented_table: 0 } }, knownMigrations))).toMatchObject({ code: 'BACKUP_CORRUPT' });
  });
});

describe('fuzz: 200 random mutations of a real backup', () => {
  /*
   * Speed: each mutation is read through readBackupFile with a test-only identity that derives the file
   * key once (one scrypt) and reuses it for every copy whose header stanza is unchanged; a copy with a
   * changed stanza is unwrapped for real, so it fails exactly as with the passphrase. Header MAC,
   * every payload chunk and the tar are checked by the production code on every copy.
   */
  it('rejects every damaged copy with an expected code and a clean message', async () => {
    const identity = await cachingScryptIdentity(BACKUP_PASSPHRASE, backup.subarray(0, headerEnd));
    const random = prng(0x5eed_a11e);
    const dir = newDir('alliance-backup-fuzz-');
    const outcomes = new Map<string, number>();
    const accepted: string[] = [];
    for (let index = 0; index < 200; index += 1) {
      const mutation = mutate(backup, headerEnd, random);
      const file = path.join(dir, `mutant-${index}.age`);
      writeFileSync(file, mutation.bytes);
      try {
        const read = await readBackupFile(file, BACKUP_PASSPHRASE, { identity });
        accepted.push(mutation.describe);
        expect(read.database.equals(snapshot), mutation.describe).toBe(true);
        await verifySnapshot(read.database, read.manifest, knownMigrations);
      } catch (error) {
        if (!(error instanceof AppError)) throw new Error(`${mutation.describe}: not an AppError: ${String(error)}`);
        expect(['BACKUP_CORRUPT', 'NOT_A_BACKUP', 'WRONG_PASSPHRASE'], mutation.describe).toContain(error.code);
        assertShowable(error.message);
        if (mutation.kind === 'truncate') expect(error.message, mutation.describe).toMatch(/^The (backup is incomplete|file is empty)/);
        else if (mutation.at >= headerEnd) expect(error.message, mutation.describe).toMatch(/^The backup is damaged \(at about/);
        const key = `${error.code}: ${error.message.split(/[:(.]/)[0]}`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      } finally {
        rmSync(file, { force: true });
      }
    }
    // age authenticates every byte, so in practice nothing is accepted; the branch above is the rule if it were.
    expect(accepted).toEqual([]);
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(200);
    expect(identity.misses()).toBeLessThan(40);
    console.info('fuzz outcomes', Object.fromEntries(outcomes), 'scrypt runs for changed stanzas:', identity.misses());
  }, 120_000);
});

describe('no plaintext reaches the disk', () => {
  it('while and after a backup is written, no file in the backup folder, new in the temp folder, or open in this process holds the canary', async () => {
    const target = newDir('alliance-backup-watch-');
    const scan = await startCanaryScan(CANARY, { tmp: os.tmpdir(), folders: [target] });
    const result = await writeBackup({
      openSnapshot: snapshotOf(nv),
      folder: target,
      now: new Date(2026, 5, 15, 9, 30, 0),
      passphrase: BACKUP_PASSPHRASE,
      appVersion: 'test',
      schemaVersion: 'x',
    });
    const report = await scan.stop();
    expect(report.hits).toEqual([]);
    // Scanned throughout: scrypt alone takes about a second.
    expect(report.scans).toBeGreaterThan(20);
    expect(readdirSync(target)).toEqual([result.fileName]);

    // The same scan does find plaintext: an unencrypted archive in the folder, and a deleted-but-open temp file.
    const control = await startCanaryScan(CANARY, { tmp: os.tmpdir(), folders: [target] });
    await writeArchiveFile({ file: path.join(target, 'plain-control.tar'), entries: [{ name: 'x', data: Buffer.from(`control ${CANARY}`) }], passphrase: null });
    const hidden = path.join(newDir('alliance-backup-control-'), 'unlinked');
    const { promises: fsp } = await import('node:fs');
    const handle = await fsp.open(hidden, 'w+');
    await handle.write(`unlinked ${CANARY}`);
    await fsp.rm(hidden);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const found = await control.stop();
    await handle.close();
    expect(found.hits).toEqual(expect.arrayContaining([path.join(target, 'plain-control.tar'), expect.stringContaining('unlinked')]));
  });
});

describe('a backup taken while the vault is being written', () => {
  it('is a consistent snapshot: integrity ok and counts equal to its manifest', async () => {
    const dataKey = await dataKeyFor(nv.dir, PASSPHRASE);
    const databaseFile = path.join(nv.dir, DATABASE_FILE);
    const other = openEncryptedDatabase(databaseFile, dataKey, { create: false });
    other.pragma('busy_timeout=10000');
    const before = countRecords(other).settings!;
    const inserter = await startInserter(databaseFile, dataKey, process.cwd());
    dataKey.fill(0);
    const target = newDir('alliance-backup-busy-');
    let stop = false;
    let local = 0;
    let loopError: unknown = null;
    const loop = (async () => {
      const insert = other.prepare(`INSERT INTO settings (key, value) VALUES (?, '1')`);
      while (!stop) {
        insert.run(`test.local.${local}`);
        local += 1;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })().catch((error: unknown) => {
      loopError = error;
    });
    const backups: WrittenBackup[] = [];
    try {
      for (const second of [1, 2]) {
        backups.push(
          await writeBackup({
            openSnapshot: snapshotOf(nv),
            folder: target,
            now: new Date(2026, 5, 15, 10, 0, second),
            passphrase: BACKUP_PASSPHRASE,
            appVersion: 'test',
            schemaVersion: knownMigrations[knownMigrations.length - 1]!,
          }),
        );
      }
    } finally {
      stop = true;
      await loop;
    }
    expect(loopError).toBeNull();
    const remote = await inserter.stop();
    const after = countRecords(other).settings!;
    other.close();
    expect(local).toBeGreaterThan(0);
    expect(remote).toBeGreaterThan(0);
    expect(after).toBe(before + local + remote);
    for (const made of backups) {
      const read = await readBackupFile(made.path, BACKUP_PASSPHRASE);
      expect((await verifySnapshot(read.database, read.manifest, knownMigrations)).checks).toHaveLength(6);
      expect(read.manifest.counts).toEqual(made.counts);
      expect(read.manifest.counts.settings).toBeGreaterThanOrEqual(before);
      expect(read.manifest.counts.settings).toBeLessThanOrEqual(after);
    }
  }, 120_000);
});

describe('writeArchiveFile', () => {
  const entries = [
    { name: BACKUP_MANIFEST_ENTRY, data: Buffer.from('{"x":1}') },
    { name: BACKUP_DATABASE_ENTRY, data: randomBytes(3 * 1024 * 1024 + 17) },
  ];
  const partials = (dir: string) => readdirSync(dir).filter((name) => name.includes('.partial-'));

  it('writes a plain tar only when asked (passphrase null), entries in order, owner-only', async () => {
    const dir = newDir('alliance-archive-');
    const file = path.join(dir, 'export.tar');
    const fractions: number[] = [];
    const result = await writeArchiveFile({ file, entries, passphrase: null, onProgress: (fraction) => fractions.push(fraction) });
    expect(result).toEqual({ path: file, fileBytes: statSync(file).size, sha256: sha256(readFileSync(file)) });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    const listing = spawnSync('tar', ['-tvf', file], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(listing.map((line) => `${line.slice(0, 10)} ${line.split(/\s+/).at(-1)}`)).toEqual([`-rw------- ${BACKUP_MANIFEST_ENTRY}`, `-rw------- ${BACKUP_DATABASE_ENTRY}`]);
    const out = newDir('alliance-archive-x-');
    spawnSync('tar', ['-xf', file, '-C', out]);
    expect(readFileSync(path.join(out, BACKUP_DATABASE_ENTRY)).equals(entries[1]!.data)).toBe(true);
    expect(partials(dir)).toEqual([]);
  });

  it('a late entry is filled in after the entries behind it were read, and the age CLI reads it first', async ({ skip }) => {
    const dir = newDir('alliance-archive-late-');
    const file = path.join(dir, 'late.age');
    const database = entries[1]!.data;
    const seen = createHash('sha256');
    const result = await writeArchiveFile({
      file,
      entries: [
        // Its bytes depend on every piece of the entry after it, as a backup's manifest does.
        { name: BACKUP_MANIFEST_ENTRY, bytes: 64, late: () => Buffer.from(seen.digest('hex')) },
        {
          name: BACKUP_DATABASE_ENTRY,
          bytes: database.length,
          pieces: async function* () {
            for (let offset = 0; offset < database.length; offset += 1_000_003) {
              const piece = database.subarray(offset, offset + 1_000_003);
              seen.update(piece);
              yield piece;
            }
          },
        },
      ],
      passphrase: 'lantern copper orchard meadow 41',
    });
    expect(result).toEqual({ path: file, fileBytes: statSync(file).size, sha256: sha256(readFileSync(file)) });
    expect(partials(dir)).toEqual([]);
    if (!hasTool('age')) return skip('the age CLI is not installed');
    const tarFile = path.join(dir, 'late.tar');
    expect(ageDecryptWithCli(file, tarFile, 'lantern copper orchard meadow 41').status).toBe(0);
    const listing = spawnSync('tar', ['-tf', tarFile], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(listing).toEqual([BACKUP_MANIFEST_ENTRY, BACKUP_DATABASE_ENTRY]);
    const out = newDir('alliance-archive-late-x-');
    spawnSync('tar', ['-xf', tarFile, '-C', out]);
    expect(readFileSync(path.join(out, BACKUP_MANIFEST_ENTRY), 'utf8')).toBe(sha256(database));
    expect(readFileSync(path.join(out, BACKUP_DATABASE_ENTRY)).equals(database)).toBe(true);
  });

  it('refuses a late entry outside the first chunk, in a plain tar, or of another length, and leaves nothing', async () => {
    const dir = newDir('alliance-archive-late-bad-');
    const file = path.join(dir, 'bad.age');
    const late = (bytes: number, fill = bytes) => ({ name: 'late.json', bytes, late: () => Buffer.alloc(fill) });
    await expect(writeArchiveFile({ file, entries: [entries[1]!, late(10)], passphrase: 'p' })).rejects.toThrow(/within the first 65536 bytes/);
    await expect(writeArchiveFile({ file, entries: [late(10), entries[1]!], passphrase: null })).rejects.toThrow(/need an encrypted archive/);
    await expect(writeArchiveFile({ file, entries: [late(10, 11), entries[1]!], passphrase: 'lantern copper orchard meadow 41' })).rejects.toThrow(/could not be written in .*Nothing was saved/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a work factor outside 18..20', async () => {
    await expect(writeArchiveFile({ file: path.join(os.tmpdir(), 'never.age'), entries, passphrase: 'p', scryptLogN: 17 })).rejects.toThrow(/work factor/);
    await expect(writeArchiveFile({ file: path.join(os.tmpdir(), 'never.age'), entries, passphrase: 'p', scryptLogN: 21 })).rejects.toThrow(/work factor/);
  });

  it('a missing folder', async () => {
    const dir = newDir('alliance-archive-');
    await rejection(writeArchiveFile({ file: path.join(dir, 'unplugged', 'b.age'), entries, passphrase: null }), 'IO_ERROR', /^The folder “.*unplugged” cannot be found/);
  });

  it('a file that already exists is left alone, also when it appears while the archive is written', async () => {
    const dir = newDir('alliance-archive-');
    const file = path.join(dir, 'b.age');
    writeFileSync(file, 'keep me');
    await rejection(writeArchiveFile({ file, entries, passphrase: null }), 'IO_ERROR', /already exists/);
    rmSync(file);
    let planted = false;
    await rejection(
      writeArchiveFile({
        file,
        entries,
        passphrase: null,
        onProgress: (fraction) => {
          if (fraction >= 0.9 && !planted) {
            planted = true;
            writeFileSync(file, 'arrived meanwhile');
          }
        },
      }),
      'IO_ERROR',
      /already exists/,
    );
    expect(readFileSync(file, 'utf8')).toBe('arrived meanwhile');
    expect(partials(dir)).toEqual([]);
  });

  it('a read-only folder', async ({ skip }) => {
    const dir = newDir('alliance-archive-');
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    try {
      let writable = false;
      try {
        writeFileSync(path.join(locked, 'probe'), '');
        rmSync(path.join(locked, 'probe'));
        writable = true;
      } catch {
        writable = false;
      }
      if (writable) skip('running as root (or with CAP_DAC_OVERRIDE): a 0o500 folder is still writable, so there is nothing to refuse');
      await rejection(writeArchiveFile({ file: path.join(locked, 'b.age'), entries, passphrase: null }), 'IO_ERROR', /not allowed to write in the folder/);
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      chmodSync(locked, 0o700);
    }
  });
});
