import { closeSync, existsSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { DATABASE_FILE } from '../../electron/services/vault/vault-header';
import { openEncryptedDatabase } from '../../electron/services/database/open-database';
import { countRecords } from '../../electron/services/backup/snapshot';
import { openVaultSnapshot, type VaultSnapshot } from '../../electron/services/backup/vault-snapshot';
import { startPageThread } from '../../electron/services/backup/snapshot-pages';
import { writeBackup } from '../../electron/services/backup/backup-writer';
import { readBackupFile } from '../../electron/services/backup/backup-reader';
import { BACKUP_PASSPHRASE, fillVault } from './support/backup-fixture';
import { openNotesVault, type NotesVault } from './support/notes-vault';
import { dataKeyFor } from './support/sqlcipher-pages';
import { PASSPHRASE, removeDir, tempDir } from './support/temp-vault';
import { openFilesUnder } from './support/open-files';

/*
 * A backup reads vault.db's own pages from one read transaction instead of asking SQLite for the
 * whole vault in memory (vault-snapshot.ts). These tests hold it to what a practitioner relies on:
 * the backup is the vault as it was when the backup started, whatever is typed meanwhile; a lock
 * stops it and leaves nothing behind; a damaged page is never copied into a backup.
 */

let nv: NotesVault;
const dirs: string[] = [];
const newDir = (prefix: string) => {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  nv = await openNotesVault();
  // About 3 MB: several 1 MiB pieces, so a lock can land between two of them.
  await fillVault(nv, { sessionsPerClient: 12, paragraphBytes: 30_000 });
}, 120_000);

afterAll(async () => {
  await nv?.close();
  for (const dir of dirs) await removeDir(dir);
});

const openSnapshot = () => nv.vault.openReader(({ live, file, dataKey }) => openVaultSnapshot(live, file, dataKey));

/** A page thread started for real, watched: its listeners run before the reader's. */
interface WatchedThread {
  ready: Promise<void>;
  replies: Record<string, number>;
  exited: Promise<void>;
}

function watchedThread(into: WatchedThread[], onReply?: (worker: Worker, type: string) => void): () => Worker {
  return () => {
    const worker = startPageThread();
    let ready!: () => void;
    const watched: WatchedThread = {
      ready: new Promise<void>((resolve) => (ready = resolve)),
      replies: {},
      exited: new Promise<void>((resolve) => worker.once('exit', () => resolve())),
    };
    worker.on('message', (reply: { type: string }) => {
      watched.replies[reply.type] = (watched.replies[reply.type] ?? 0) + 1;
      if (reply.type === 'ready') ready();
      onReply?.(worker, reply.type);
    });
    into.push(watched);
    return worker;
  };
}

/**
 * The snapshot with its pages decrypted on this thread alone, or on the page thread too (a vault this
 * small gets none by default): the thread is ready before the first page is read, so it gets pieces.
 */
function openSnapshotOn(route: 'here' | 'thread', threads: WatchedThread[] = []): () => Promise<VaultSnapshot> {
  return async () => {
    const start = route === 'here' ? null : watchedThread(threads);
    const snapshot = await nv.vault.openReader(({ live, file, dataKey }) => openVaultSnapshot(live, file, dataKey, { startPageThread: start }));
    await threads.at(-1)?.ready;
    return snapshot;
  };
}

async function imageOf(snapshot: VaultSnapshot): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of snapshot.pieces()) pieces.push(Buffer.from(piece));
  return Buffer.concat(pieces);
}

const settingsRows = () => Number(nv.vault.connection().prepare(`SELECT count(*) FROM settings`).pluck().get());
const insertSetting = (key: string) => nv.vault.connection().prepare(`INSERT INTO settings (key, value) VALUES (?, '1')`).run(key);

describe('the snapshot a backup reads', () => {
  it('is vault.db read page by page, and stays the vault as it was when it opened while notes are saved', async () => {
    const before = settingsRows();
    const snapshot = await openSnapshot();
    try {
      // Not the in-memory fallback: the backup never holds the vault whole.
      expect(snapshot.source).toBe('pages');
      // Saved while the backup runs: these go to the WAL, which cannot be checkpointed under the snapshot.
      for (let n = 0; n < 50; n++) insertSetting(`test.during-snapshot.${n}`);
      nv.vault.connection().pragma('wal_checkpoint(PASSIVE)');
      const image = await imageOf(snapshot);
      expect(image.length).toBe(snapshot.bytes);
      const copy = new Database(image, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(countRecords(copy)).toEqual(snapshot.counts);
        expect(snapshot.counts.settings).toBe(before);
        expect(copy.prepare(`SELECT count(*) FROM settings WHERE key LIKE 'test.during-snapshot.%'`).pluck().get()).toBe(0);
      } finally {
        copy.close();
      }
    } finally {
      snapshot.close();
    }
    // The writes were kept, and once the snapshot is closed the WAL empties into vault.db again.
    expect(settingsRows()).toBe(before + 50);
    const [checkpoint] = nv.vault.connection().pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
    expect(checkpoint).toMatchObject({ busy: 0, log: 0 });
  });

  it('falls back to an in-memory image, still consistent, when another reader keeps the WAL from emptying', async () => {
    insertSetting('test.before-other-reader');
    const dataKey = await dataKeyFor(nv.dir, PASSPHRASE);
    const other = openEncryptedDatabase(path.join(nv.dir, DATABASE_FILE), dataKey, { create: false });
    dataKey.fill(0);
    other.exec('BEGIN');
    other.prepare('SELECT count(*) FROM settings').get();
    insertSetting('test.after-other-reader');
    const snapshot = await openSnapshot();
    try {
      expect(snapshot.source).toBe('image');
      const copy = new Database(await imageOf(snapshot), { readonly: true });
      expect(countRecords(copy)).toEqual(snapshot.counts);
      expect(copy.prepare(`SELECT count(*) FROM settings WHERE key = 'test.after-other-reader'`).pluck().get()).toBe(1);
      copy.close();
    } finally {
      snapshot.close();
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

describe('the page thread', () => {
  it('decrypts the same bytes as this thread does, and ends with the snapshot', async () => {
    const here = await openSnapshotOn('here')();
    const expected = await imageOf(here).finally(() => here.close());
    const threads: WatchedThread[] = [];
    const snapshot = await openSnapshotOn('thread', threads)();
    const image = await imageOf(snapshot).finally(() => snapshot.close());
    expect(image.equals(expected)).toBe(true);
    expect(threads[0]!.replies.decrypted).toBeGreaterThan(0);
    await threads[0]!.exited;
  });

  it('a thread that cannot start, or ends part-way, still gives the same bytes', async () => {
    const here = await openSnapshotOn('here')();
    const expected = await imageOf(here).finally(() => here.close());
    const failing = await nv.vault.openReader(({ live, file, dataKey }) =>
      openVaultSnapshot(live, file, dataKey, {
        startPageThread: () => {
          throw new Error('no threads today');
        },
      }),
    );
    expect((await imageOf(failing).finally(() => failing.close())).equals(expected)).toBe(true);

    const threads: WatchedThread[] = [];
    // Ended as its first piece comes back, with the next one possibly still on it.
    const start = watchedThread(threads, (worker, type) => {
      if (type === 'decrypted') void worker.terminate();
    });
    const dying = await nv.vault.openReader(({ live, file, dataKey }) => openVaultSnapshot(live, file, dataKey, { startPageThread: start }));
    await threads[0]!.ready;
    expect((await imageOf(dying).finally(() => dying.close())).equals(expected)).toBe(true);
    expect(threads[0]!.replies.decrypted).toBe(1);
  });
});

describe.each(['here', 'thread'] as const)('a backup, pages decrypted %s', (route) => {
  it('stops when the vault locks part-way: no file is left and no descriptor on the vault stays open', async () => {
    const folder = newDir('alliance-backup-lock-');
    let locked = false;
    const threads: WatchedThread[] = [];
    const attempt = writeBackup({
      openSnapshot: openSnapshotOn(route, threads),
      folder,
      now: new Date(2026, 5, 15, 11, 0, 0),
      passphrase: BACKUP_PASSPHRASE,
      appVersion: 'test',
      schemaVersion: 'x',
      onProgress: (phase, fraction) => {
        // Between two pieces of the snapshot on their way into the archive, as an idle lock would land.
        if (!locked && phase === 'Encrypting and writing' && fraction !== null && fraction > 0.1) {
          locked = true;
          nv.vault.lock('user');
        }
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    expect(locked).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
    expect(openFilesUnder(nv.dir)).toEqual([]);
    // No thread is left holding the key.
    await Promise.all(threads.map((thread) => thread.exited));
    await nv.vault.unlock(PASSPHRASE);
  }, 60_000);

  it('refuses to copy a damaged page of vault.db, and writes nothing', async () => {
    const folder = newDir('alliance-backup-damaged-');
    const good = newDir('alliance-backup-good-');
    // A backup of the sound vault first, to restore the bytes from after damaging them.
    const made = await writeBackup({ openSnapshot, folder: good, now: new Date(2026, 5, 15, 12, 0, 0), passphrase: BACKUP_PASSPHRASE, appVersion: 'test', schemaVersion: 'x' });
    const read = await readBackupFile(made.path, BACKUP_PASSPHRASE);
    expect(read.manifest.counts).toEqual(made.counts);
    read.database.fill(0);

    // vault.db is checkpointed and quiet now; flip one byte inside a late page's ciphertext.
    nv.vault.connection().pragma('wal_checkpoint(TRUNCATE)');
    const file = path.join(nv.dir, DATABASE_FILE);
    const fd = openSync(file, 'r+');
    const at = 4096 * 5 + 100;
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, at);
    writeSync(fd, Buffer.from([byte[0]! ^ 0x40]), 0, 1, at);
    const threads: WatchedThread[] = [];
    try {
      const attempt = writeBackup({ openSnapshot: openSnapshotOn(route, threads), folder, now: new Date(2026, 5, 15, 12, 0, 1), passphrase: BACKUP_PASSPHRASE, appVersion: 'test', schemaVersion: 'x' });
      const error = await attempt.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'VAULT_DAMAGED' });
      expect((error as AppError).message).toMatch(/failed its check while it was read for the backup/);
      expect(readdirSync(folder)).toEqual([]);
      expect(existsSync(file)).toBe(true);
      // On the thread route, the thread is the one that found it.
      if (route === 'thread') expect(threads[0]!.replies.damaged).toBe(1);
    } finally {
      writeSync(fd, byte, 0, 1, at);
      closeSync(fd);
    }
  }, 60_000);
});
