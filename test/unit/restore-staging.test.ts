import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { writeEncryptedCopy } from '../../electron/services/backup/restore-staging';
import { countRecords, openSnapshot, takeSnapshot } from '../../electron/services/backup/snapshot';
import { latestSchemaVersion, migrateToLatest } from '../../electron/services/database/migrate';
import { assertQuickCheck, closeDatabase, openEncryptedDatabase, type Sqlite } from '../../electron/services/database/open-database';
import type { VaultSchema } from '../../electron/services/database/schema';
import { NotesService } from '../../electron/services/notes/notes.service';
import { searchInputSchema } from '../../shared/notes';
import { clientFields } from './support/client-vault';
import { allianceContent, doc, newClient, openNotesVault, sessionFields, setPractitioner, type NotesVault } from './support/notes-vault';
import { decryptDatabase, pageKeys } from './support/sqlcipher-pages';
import { removeDir, tempDir } from './support/temp-vault';

/** Synthetic text that must never appear on disk in the clear; each word is also a search term. */
const CANARY = {
  client: 'Quillfeather',
  signed: 'zanthoxylum',
  draft: 'marrowgate',
  process: 'vellichor',
  folded: 'Ødegård',
};
const CANARY_BYTES = ['Quillfeather', 'zanthoxylum', 'marrowgate', 'vellichor', 'Ødegård'];

let dir: string;
const open: Sqlite[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) if (db.open) db.close();
  if (dir) await removeDir(dir);
});

const track = <T extends Sqlite>(db: T): T => {
  open.push(db);
  return db;
};

/** Table → row count and SHA-256 of every row (with its rowid where the table has one), for every stored table. */
function dump(db: Sqlite): Record<string, { rows: number; sha256: string }> {
  const tables = db.prepare(`SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main' AND type <> 'virtual' AND name <> 'sqlite_schema' ORDER BY name`).all() as {
    name: string;
    wr: number;
  }[];
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const { name, wr } of tables) {
    const query = wr ? `SELECT * FROM "${name}"` : `SELECT rowid AS "(rowid)", * FROM "${name}" ORDER BY rowid`;
    const rows = db.prepare(query).all() as Record<string, unknown>[];
    const text = JSON.stringify(rows, (_key, value: unknown) => (value instanceof Uint8Array ? `blob:${Buffer.from(value).toString('hex')}` : value));
    out[name] = { rows: rows.length, sha256: createHash('sha256').update(text).digest('hex') };
  }
  return out;
}

const ftsRowids = (db: Sqlite, query: string): number[] =>
  db.prepare(`SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid`).pluck().all(query) as number[];

const kysely = (db: Sqlite) => new Kysely<VaultSchema>({ dialect: new SqliteDialect({ database: db }) });

describe('writeEncryptedCopy: a current vault', () => {
  let nv: NotesVault;
  let snapshot: Buffer;
  let noteIds: { signed: string; draft: string };

  beforeAll(async () => {
    nv = await openNotesVault();
    await setPractitioner(nv, 'Dr. A. Example', 'PhD');
    const clientId = await newClient(nv, `Ada ${CANARY.client}`);
    const code = (await nv.clients.get(clientId)).code;
    const setTags = (tags: string[]) => nv.clients.update(clientId, clientFields({ legalName: `Ada ${CANARY.client}`, code, tags }));
    // Replacing tags deletes and reinserts rows; with another client's row kept in between, client_tags
    // (no INTEGER PRIMARY KEY) is left with rowids that do not start at 1, which a renumbering copy would lose.
    await setTags(['alpha', 'beta']);
    const erased = (await nv.clients.create(clientFields({ legalName: 'Bea Erased', tags: ['delta'] }))).id;
    await setTags(['gamma']);
    await nv.plans.addGoal({ clientId, text: `Walk with ${CANARY.folded}`, objective: 'Three times a week', dateSet: '2026-06-01', targetDate: null });

    const signed = await nv.notes.createSession({ clientId, session: sessionFields({ date: '2026-06-08' }), templateId: 'alliance' });
    await nv.notes.saveDraft({ noteId: signed.id, baseRevision: 0, content: allianceContent({ bond: doc(`Talked about ${CANARY.signed} and the lighthouse`) }), processNote: doc(`Felt ${CANARY.process}`) });
    await nv.notes.sign({ noteId: signed.id, baseRevision: 1 });
    const draft = await nv.notes.createSession({ clientId, session: sessionFields({ date: '2026-06-15' }), templateId: 'alliance' });
    await nv.notes.saveDraft({ noteId: draft.id, baseRevision: 0, content: allianceContent({ plan: doc(`Ring the ${CANARY.draft} office`) }), processNote: null });
    await nv.notes.saveDraft({ noteId: draft.id, baseRevision: 1, content: allianceContent({ plan: doc(`Ring the ${CANARY.draft} office`), tasks: doc('Sleep diary') }), processNote: null });
    // An erased client leaves deleted rows and segments behind, as a used vault has.
    await nv.clients.erase(erased, 'Bea Erased');
    noteIds = { signed: signed.id, draft: draft.id };
    snapshot = takeSnapshot(nv.vault.connection());
  });
  afterAll(async () => {
    snapshot?.fill(0);
    await nv?.close();
  });

  it('writes a SQLCipher 4 file with every row, rowid and search segment of the image, and no plain text', async () => {
    const source = track(openSnapshot(snapshot));
    const before = dump(source);
    expect(readFileSync(path.join(nv.dir, 'vault.db')).length).toBeGreaterThan(0);
    // The precondition that makes the rowid comparison meaningful.
    expect(source.prepare('SELECT min(rowid) FROM client_tags').pluck().get()).toBeGreaterThan(1);

    dir = tempDir('alliance-staging-');
    const file = path.join(dir, 'vault.db');
    const key = randomBytes(32);
    const started = performance.now();
    const counts = writeEncryptedCopy(snapshot, file, key);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(10_000);

    expect(counts).toEqual(countRecords(source));
    expect(counts).toMatchObject({ clients: 1, notes: 2, sessions: 2 });
    expect(readdirSync(dir)).toEqual(['vault.db']);

    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('SQLite format 3', 'latin1'))).toBe(false);
    for (const canary of CANARY_BYTES) expect(bytes.includes(Buffer.from(canary, 'utf8')), canary).toBe(false);
    // Decrypting by the SQLCipher 4 layout (4096-byte pages, 80 reserved, HMAC-SHA512) must pass every
    // page and find the text: the file is SQLCipher 4 under this key, and the canary check was not vacuous.
    const plain = decryptDatabase(bytes, pageKeys(key, bytes.subarray(0, 16)));
    for (const canary of CANARY_BYTES) expect(plain.includes(Buffer.from(canary, 'utf8')), canary).toBe(true);

    const copy = track(openEncryptedDatabase(file, key, { create: false }));
    assertQuickCheck(copy);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(dump(copy)).toEqual(before);
    expect(countRecords(copy)).toEqual(counts);
    for (const pragma of ['user_version', 'application_id', 'page_size']) {
      expect(copy.pragma(pragma, { simple: true }), pragma).toBe(source.pragma(pragma, { simple: true }));
    }
    const objects = (db: Sqlite) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all();
    expect(objects(copy)).toEqual(objects(source));

    for (const query of [CANARY.client, CANARY.signed, CANARY.draft, 'odegard', 'lighthouse', 'sleep diary', CANARY.process]) {
      expect(ftsRowids(copy, query), query).toEqual(ftsRowids(source, query));
    }
    expect(ftsRowids(copy, CANARY.signed)).toHaveLength(1);
    expect(ftsRowids(copy, CANARY.process)).toEqual([]);
    copy.exec(`INSERT INTO search_index(search_index) VALUES ('integrity-check')`);

    const db = kysely(copy);
    expect(await migrateToLatest(db)).toEqual([]);
    // The app's own search over the copy, and a new draft indexed by the copied triggers and segments.
    const notes = new NotesService({ db: () => db });
    const search = async (query: string) => (await notes.search(searchInputSchema.parse({ query }))).map((r) => r.noteId ?? r.kind);
    expect(await search(CANARY.signed)).toEqual([noteIds.signed]);
    expect(await search(CANARY.draft)).toEqual([noteIds.draft]);
    const clientId = source.prepare('SELECT id FROM clients').pluck().get() as string;
    const added = await notes.createSession({ clientId, session: sessionFields({ date: '2026-06-16' }), templateId: 'alliance' });
    await notes.saveDraft({ noteId: added.id, baseRevision: 0, content: allianceContent({ plan: doc('Bring the tidewater chart') }), processNote: null });
    expect(await search('tidewater')).toEqual([added.id]);
    copy.exec(`INSERT INTO search_index(search_index) VALUES ('integrity-check')`);
    // The signed note is still guarded by its copied trigger.
    expect(() => copy.prepare(`UPDATE notes SET content = '{}' WHERE id = ?`).run(noteIds.signed)).toThrow();
    closeDatabase(copy);
  });

  it('cannot be read without the key or with another key', () => {
    dir = tempDir('alliance-staging-');
    const file = path.join(dir, 'vault.db');
    const key = randomBytes(32);
    writeEncryptedCopy(snapshot, file, key);
    expect(() => openEncryptedDatabase(file, randomBytes(32), { create: false })).toThrow(expect.objectContaining({ code: 'VAULT_DAMAGED' }));
    const plain = track(new Database(file, { fileMustExist: true }));
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/not a database/);
    plain.close();
    // A raw key goes through no KDF: the same 32 bytes given as a passphrase must not open it either.
    const asPassphrase = track(new Database(file, { fileMustExist: true }));
    asPassphrase.pragma(`cipher='sqlcipher'`);
    asPassphrase.pragma('legacy=4');
    asPassphrase.pragma(`key='${key.toString('hex')}'`);
    expect(() => asPassphrase.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/not a database/);
    asPassphrase.close();
    const right = track(openEncryptedDatabase(file, key, { create: false }));
    expect(right.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(Number(right.pragma('legacy', { simple: true }))).toBe(4);
    closeDatabase(right);
  });

  it('refuses a destination that already exists, or has a journal beside it, and leaves it unchanged', () => {
    dir = tempDir('alliance-staging-');
    const file = path.join(dir, 'vault.db');
    writeFileSync(file, 'existing bytes');
    expect(() => writeEncryptedCopy(snapshot, file, randomBytes(32))).toThrow(expect.objectContaining({ code: 'IO_ERROR' }));
    expect(readFileSync(file, 'utf8')).toBe('existing bytes');
    expect(readdirSync(dir)).toEqual(['vault.db']);

    const other = path.join(dir, 'other.db');
    writeFileSync(`${other}-journal`, 'stale journal');
    expect(() => writeEncryptedCopy(snapshot, other, randomBytes(32))).toThrow(expect.objectContaining({ code: 'IO_ERROR' }));
    expect(readdirSync(dir).sort()).toEqual(['other.db-journal', 'vault.db']);
    expect(readFileSync(`${other}-journal`, 'utf8')).toBe('stale journal');
  });

  it('leaves nothing behind when the image turns out damaged part-way through the copy', () => {
    const damaged = Buffer.from(snapshot);
    // Zero the page holding the notes table's b-tree: the image still opens, reading the notes fails.
    const source = track(openSnapshot(snapshot));
    const root = source.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'notes'`).pluck().get() as number;
    const pageSize = source.pragma('page_size', { simple: true }) as number;
    damaged.fill(0, (root - 1) * pageSize, root * pageSize);
    dir = tempDir('alliance-staging-');
    const file = path.join(dir, 'vault.db');
    // SQLite's own error from reading the page, after the file was created and partly written.
    expect(() => writeEncryptedCopy(damaged, file, randomBytes(32))).toThrow(expect.objectContaining({ code: expect.stringMatching(/^SQLITE_CORRUPT/) }));
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(`${file}-journal`)).toBe(false);
  });

  it('refuses what is not a SQLite image without creating a file', () => {
    dir = tempDir('alliance-staging-');
    const file = path.join(dir, 'vault.db');
    expect(() => writeEncryptedCopy(Buffer.from('not a database at all, just some text'.repeat(10)), file, randomBytes(32))).toThrow(
      expect.objectContaining({ code: 'BACKUP_CORRUPT' }),
    );
    expect(readdirSync(dir)).toEqual([]);
    expect(() => writeEncryptedCopy(snapshot, file, randomBytes(16))).toThrow(/32 bytes/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not change the snapshot it was given', () => {
    const copyOfSnapshot = Buffer.from(snapshot);
    dir = tempDir('alliance-staging-');
    writeEncryptedCopy(snapshot, path.join(dir, 'vault.db'), randomBytes(32));
    expect(snapshot.equals(copyOfSnapshot)).toBe(true);
  });
});

describe('writeEncryptedCopy: a vault from an older release', () => {
  it('copies a schema-0003 image (plain FTS5 index with its content table) that then migrates to the latest with its data', async () => {
    dir = tempDir('alliance-staging-');
    const oldKey = randomBytes(32);
    const old = track(openEncryptedDatabase(path.join(dir, 'old.db'), oldKey, { create: true }));
    const oldDb = kysely(old);
    await migrateToLatest(oldDb, migrations.slice(0, 3));
    await sql`INSERT INTO clients (id, code, legal_name, status) VALUES ('c1', 'C-1', ${`Ola ${CANARY.folded}`}, 'active')`.execute(oldDb);
    await sql`INSERT INTO search_index (rowid, kind, record_id, client_id, title, body) VALUES (7, 'client', 'c1', 'c1', ${`Ola ${CANARY.folded} C-1`}, '')`.execute(oldDb);
    await sql`INSERT INTO search_index_client_rows (fts_rowid, client_id) VALUES (7, 'c1')`.execute(oldDb);
    const image = takeSnapshot(old);
    closeDatabase(old);
    const source = track(openSnapshot(image));
    expect(source.prepare(`SELECT count(*) FROM pragma_table_list WHERE name = 'search_index_content'`).pluck().get()).toBe(1);

    const file = path.join(dir, 'vault.db');
    const key = randomBytes(32);
    expect(writeEncryptedCopy(image, file, key)).toEqual(countRecords(source));
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(CANARY.folded, 'utf8'))).toBe(false);

    const copy = track(openEncryptedDatabase(file, key, { create: false }));
    expect(dump(copy)).toEqual(dump(source));
    expect(ftsRowids(copy, 'Ola')).toEqual([7]);
    const db = kysely(copy);
    expect(await migrateToLatest(db)).toEqual(migrations.slice(3).map((step) => step.name));
    expect(await migrateToLatest(db)).toEqual([]);
    const applied = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(db);
    expect(applied.rows.at(-1)?.name).toBe(latestSchemaVersion());
    expect((await sql<{ legal_name: string }>`SELECT legal_name FROM clients`.execute(db)).rows).toEqual([{ legal_name: `Ola ${CANARY.folded}` }]);
    // Migration 0004 moved the client's search row to the new index at its old rowid, folded.
    const notes = new NotesService({ db: () => db });
    const found = await notes.search(searchInputSchema.parse({ query: 'odegard' }));
    expect(found.map((r) => r.kind)).toEqual(['client']);
    assertQuickCheck(copy);
    closeDatabase(copy);
  });
});
