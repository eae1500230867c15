import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStagedReadOnly } from '../../electron/services/backup/restore-inspect';
import { StagingSink, type SinkResult } from '../../electron/services/backup/restore-sink';
import { markRollbackJournal } from '../../electron/services/backup/snapshot';
import { startWorker } from '../../electron/services/workers/worker-thread';
import { AppError } from '../../shared/errors';
import { decryptDatabase, pageKeys, PAGE_SIZE, RESERVE_SIZE } from './support/sqlcipher-pages';
import { probeMounting, SmallDisk, unmountAll } from './support/small-disk';
import { removeDir, tempDir } from './support/temp-vault';

/*
 * A restore encrypts the staged vault's pages on a worker thread (page-cipher-worker.ts) while the main
 * thread decrypts the backup. What a user would notice if that went wrong: a staged file that does not
 * open, a restore that fails because a thread could not start or died, a thread or a file left behind
 * after a failure, or different messages for a full drive or a file in the way. Real SQLCipher files,
 * checked by SQLite and by the independent page reader in support/sqlcipher-pages.ts.
 */

const dirs: string[] = [];
const newDir = () => {
  const dir = tempDir('alliance-page-worker-');
  dirs.push(dir);
  return dir;
};

afterAll(async () => {
  unmountAll();
  for (const dir of dirs) await removeDir(dir);
});

/**
 * A plain image as a backup holds it: SQLCipher's 4096-byte pages with 80 reserved bytes each (what a
 * decrypted vault page looks like), about `rows` pages of random data, so it spans several batches.
 */
function sqlcipherImage(rows: number): { image: Buffer; rows: number } {
  // A file, not :memory:: SQLite will not key an in-memory database.
  const db = new Database(path.join(newDir(), 'source.db'));
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${randomBytes(32).toString('hex')}'"`);
  db.exec('CREATE TABLE padding (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows}) INSERT INTO padding (id, data) SELECT i, randomblob(3000) FROM n`);
  const image = db.serialize();
  db.close();
  expect(image.readUInt16BE(16)).toBe(PAGE_SIZE);
  expect(image[20]).toBe(RESERVE_SIZE);
  return { image, rows };
}

/** What decrypting the staged file must give back: the image with zeroed reserved bytes, marked rollback-journal. */
function expectedPages(image: Buffer): Buffer {
  const copy = Buffer.from(image);
  for (let end = PAGE_SIZE; end <= copy.length; end += PAGE_SIZE) copy.fill(0, end - RESERVE_SIZE, end);
  markRollbackJournal(copy);
  return copy;
}

/**
 * Feeds the image as the backup reader does: uneven pieces, each wiped once its write settles.
 * `started` is awaited between begin (which starts the thread) and the first piece.
 */
async function feed(sink: StagingSink, image: Buffer, started?: () => Promise<void>): Promise<void> {
  await sink.begin(image.length);
  await started?.();
  const sizes = [1, 98, 7, 65_536, 4095, 123_457, 65_536 * 3];
  for (let offset = 0, turn = 0; offset < image.length; turn += 1) {
    const piece = Buffer.from(image.subarray(offset, offset + sizes[turn % sizes.length]!));
    await sink.write(piece);
    piece.fill(0);
    offset += piece.length;
  }
}

interface Observed {
  worker: Worker;
  ready: Promise<void>;
  encrypted: number;
  exited: boolean;
}

/** Starts the real encryption thread, watching what it does; its listeners run before the sink's. */
function observedStart(into: Observed[], start: () => Worker = () => startWorker('backup/page-cipher-worker.ts', null)): () => Worker {
  return () => {
    const worker = start();
    let ready!: () => void;
    const observed: Observed = { worker, ready: new Promise<void>((resolve) => (ready = resolve)), encrypted: 0, exited: false };
    worker.on('message', (reply: { type: string }) => {
      if (reply.type === 'ready') ready();
      if (reply.type === 'encrypted') observed.encrypted += 1;
    });
    worker.once('exit', () => {
      observed.exited = true;
      ready();
    });
    into.push(observed);
    return worker;
  };
}

/** The staged file decrypted page by page (no SQLite), then opened by SQLite as the restore's check does. */
function assertStagedFile(file: string, key: Buffer, image: Buffer, rows: number, result: SinkResult): void {
  expect(result).toMatchObject({ route: 'pages', bytes: image.length, pages: image.length / PAGE_SIZE });
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const bytes = readFileSync(file);
  expect(bytes.length).toBe(image.length);
  expect(decryptDatabase(bytes, pageKeys(key, bytes.subarray(0, 16))).equals(expectedPages(image))).toBe(true);
  const db = openStagedReadOnly(file, key, { cacheKiB: 2048 });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM padding').pluck().get()).toBe(rows);
  } finally {
    db.close();
  }
}

describe('the staged file, encrypted on the page thread', () => {
  let image: Buffer;
  let rows: number;

  beforeAll(() => {
    // About 7 MB: more batches than may be in flight at once.
    ({ image, rows } = sqlcipherImage(1700));
    expect(image.length).toBeGreaterThan(6 * 1024 * 1024);
  });

  it('is encrypted there under one salt, opens with every row, and the thread has ended when end() returns', async () => {
    const file = path.join(newDir(), 'vault.db');
    const key = randomBytes(32);
    const started: Observed[] = [];
    const sink = new StagingSink(file, key, { startEncryptWorker: observedStart(started) });
    await feed(sink, image, () => started[0]!.ready);
    const result = await sink.end();
    expect(started).toHaveLength(1);
    // It was ready before the first page, so the first three batches surely went there; this thread takes
    // one only while three are waiting there.
    expect(started[0]!.encrypted).toBeGreaterThanOrEqual(3);
    expect(started[0]!.exited).toBe(true);
    assertStagedFile(file, key, image, rows, result);
    // The caller's key is left as it was; only the sink's copies are wiped.
    expect(key.some((byte) => byte !== 0)).toBe(true);
  }, 60_000);

  it('falls back to this thread when no thread can start, or the one started cannot load', async () => {
    const cannotStart = () => {
      throw new Error('no threads here');
    };
    const cannotLoad = () => new Worker('throw new Error("cannot load")', { eval: true });
    for (const start of [cannotStart, cannotLoad]) {
      const file = path.join(newDir(), 'vault.db');
      const key = randomBytes(32);
      const sink = new StagingSink(file, key, { startEncryptWorker: start });
      await feed(sink, image);
      assertStagedFile(file, key, image, rows, await sink.end());
    }
  }, 60_000);

  it('finishes on this thread when the thread dies with batches in flight, or cannot encrypt one', async () => {
    // Dies after its first answer, with the batches queued behind it lost.
    const dying: Observed[] = [];
    const startDying = observedStart(dying);
    const file = path.join(newDir(), 'vault.db');
    const key = randomBytes(32);
    const sink = new StagingSink(file, key, {
      startEncryptWorker: () => {
        const worker = startDying();
        worker.on('message', (reply: { type: string }) => {
          if (reply.type === 'encrypted') void worker.terminate();
        });
        return worker;
      },
    });
    await feed(sink, image, () => dying[0]!.ready);
    assertStagedFile(file, key, image, rows, await sink.end());
    expect(dying[0]!.encrypted).toBeGreaterThanOrEqual(1);
    expect(dying[0]!.exited).toBe(true);

    // Answers every batch with "failed", as the thread does when encryption throws there.
    const failing: Observed[] = [];
    const refuses = `const { parentPort } = require('node:worker_threads');
      parentPort.on('message', (m) => {
        if (m.type === 'batch') parentPort.postMessage({ type: 'failed', id: m.id, bytes: m.bytes }, [m.bytes.buffer]);
        if (m.type === 'stop') parentPort.close();
      });
      parentPort.postMessage({ type: 'ready' });`;
    const other = path.join(newDir(), 'vault.db');
    const sink2 = new StagingSink(other, key, { startEncryptWorker: observedStart(failing, () => new Worker(refuses, { eval: true })) });
    await feed(sink2, image, () => failing[0]!.ready);
    assertStagedFile(other, key, image, rows, await sink2.end());
    expect(failing[0]!.exited).toBe(true);
  }, 60_000);

  it('abort, part-way or before the first page, leaves no file and no thread', async () => {
    const dir = newDir();
    const file = path.join(dir, 'vault.db');
    const started: Observed[] = [];
    const sink = new StagingSink(file, randomBytes(32), { startEncryptWorker: observedStart(started) });
    await sink.begin(image.length);
    await started[0]!.ready;
    await sink.write(Buffer.from(image.subarray(0, 3 * 1024 * 1024 + 5000)));
    expect(existsSync(file)).toBe(true);
    await sink.abort();
    expect(existsSync(file)).toBe(false);
    expect(started[0]!.exited).toBe(true);

    // Aborted while the thread is still loading, before any page came.
    const early: Observed[] = [];
    const unused = new StagingSink(file, randomBytes(32), { startEncryptWorker: observedStart(early) });
    await unused.begin(image.length);
    await unused.abort();
    expect(early[0]!.exited).toBe(true);
    expect(existsSync(file)).toBe(false);

    // Aborted before the entry began (a wrong passphrase): no thread was ever started.
    const never: Observed[] = [];
    await new StagingSink(file, randomBytes(32), { startEncryptWorker: observedStart(never) }).abort();
    expect(never).toHaveLength(0);
  }, 60_000);

  it('an image without room for the reserved bytes takes the fallback route, and the unused thread ends', async () => {
    const plain = new Database(':memory:');
    plain.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    const plainImage = plain.serialize();
    plain.close();
    const file = path.join(newDir(), 'vault.db');
    const started: Observed[] = [];
    const sink = new StagingSink(file, randomBytes(32), { startEncryptWorker: observedStart(started) });
    await feed(sink, plainImage);
    const result = await sink.end();
    expect(result.route).toBe('image');
    expect(result.route === 'image' && result.image.equals(plainImage)).toBe(true);
    expect(started[0]!.exited).toBe(true);
    expect(existsSync(file)).toBe(false);
  }, 60_000);

  it('a file already in the way: the same message, the file is left alone, and the thread ends', async () => {
    const file = path.join(newDir(), 'vault.db');
    writeFileSync(file, 'someone else');
    const started: Observed[] = [];
    const sink = new StagingSink(file, randomBytes(32), { startEncryptWorker: observedStart(started) });
    const failure = await feed(sink, image).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toBe('A file is already where the restored copy was to be written. Nothing was changed.');
    await sink.abort();
    expect(readFileSync(file, 'utf8')).toBe('someone else');
    expect(started[0]!.exited).toBe(true);
  }, 60_000);

  it('a drive too full for the staged file: the same message, no file and no thread left', async (ctx) => {
    const mounting = probeMounting();
    if (!mounting.allowed) ctx.skip(mounting.reason);
    const disk = SmallDisk.mount(3 * 1024 * 1024);
    const file = path.join(disk.dir, 'vault.db');
    const started: Observed[] = [];
    const sink = new StagingSink(file, randomBytes(32), { startEncryptWorker: observedStart(started) });
    const failure = await feed(sink, image, () => started[0]!.ready)
      .then(() => sink.end())
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toMatch(/^There is not enough free space on the vault's drive for the restored copy/);
    expect(started[0]!.encrypted).toBeGreaterThan(0);
    await sink.abort();
    expect(existsSync(file)).toBe(false);
    expect(started[0]!.exited).toBe(true);
    disk.unmount();
  }, 60_000);
});
