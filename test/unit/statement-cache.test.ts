import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Sqlite } from '../../electron/services/database/open-database';
import { withStatementCache } from '../../electron/services/database/statement-cache';
import { PASSPHRASE } from './support/temp-vault';
import { allianceContent, doc, newClient, openNotesVault, sessionFields, type NotesVault } from './support/notes-vault';

/** Counts what is compiled on `sqlite` while `call` runs. */
async function preparedDuring(sqlite: Sqlite, call: () => Promise<unknown>): Promise<string[]> {
  const prepare = sqlite.prepare;
  const seen: string[] = [];
  sqlite.prepare = ((source: string) => {
    seen.push(source);
    return prepare.call(sqlite, source);
  }) as typeof sqlite.prepare;
  try {
    await call();
  } finally {
    sqlite.prepare = prepare;
  }
  return seen;
}

describe('the vault keeps its prepared statements', () => {
  let nv: NotesVault;
  let clientId: string;
  let noteId: string;

  beforeAll(async () => {
    nv = await openNotesVault();
    clientId = await newClient(nv);
    noteId = (await nv.notes.createSession({ clientId, session: sessionFields(), templateId: 'alliance' })).id;
  });
  afterAll(async () => {
    await nv?.close();
  });

  it('an autosave compiles nothing the previous autosave already compiled, and still saves each time', async () => {
    let revision = (await nv.notes.getNote(noteId)).revision;
    const save = async (text: string) => {
      revision = (await nv.notes.saveDraft({ noteId, baseRevision: revision, content: allianceContent({ goals: doc(text) }), processNote: null })).revision;
    };
    // The first save of an empty draft adds index rows; from the second on, a save replaces them.
    await save('First synthetic sentence.');
    await save('Second synthetic sentence.');
    const third = await preparedDuring(nv.vault.connection(), () => save('Third synthetic sentence.'));
    expect(third).toEqual([]);
    const note = await nv.notes.getNote(noteId);
    expect(note.revision).toBe(revision);
    expect(JSON.stringify(note.content.sections)).toContain('Third synthetic sentence.');
  });

  it('a lock and unlock starts with a new connection and a new set of statements', async () => {
    await nv.notes.listSessions(clientId);
    nv.vault.lock('user');
    await nv.vault.unlock(PASSPHRASE);
    const afterUnlock = await preparedDuring(nv.vault.connection(), () => nv.notes.listSessions(clientId));
    expect(afterUnlock.length).toBeGreaterThan(0);
    expect((await nv.notes.listSessions(clientId)).length).toBe(1);
  });
});

describe('withStatementCache', () => {
  it('lets the least recently used statement go past its limit, and prepares it again when asked', async () => {
    const connection = new Database(':memory:');
    const db = new Kysely<{ t: { n: number } }>({ dialect: new SqliteDialect({ database: withStatementCache(connection, 2) }) });
    await sql`CREATE TABLE t (n INTEGER)`.execute(db);
    await db.insertInto('t').values({ n: 1 }).execute();
    const counts = async () => {
      const one = await db.selectFrom('t').select('n').where('n', '=', 1).execute();
      const two = await db.selectFrom('t').select('n').where('n', '>', 0).execute();
      return [one.length, two.length];
    };
    await counts();
    // Both are kept: running them again compiles nothing.
    expect(await preparedDuring(connection, counts)).toEqual([]);
    // A third statement pushes out the least recently used (n = ?), which is compiled again when run.
    await db.selectFrom('t').select('n').where('n', '<', 5).execute();
    const again = await preparedDuring(connection, counts);
    expect(again).toEqual(['select "n" from "t" where "n" = ?', 'select "n" from "t" where "n" > ?']);
    expect(await counts()).toEqual([1, 1]);
    await db.destroy();
    expect(connection.open).toBe(false);
  });
});
