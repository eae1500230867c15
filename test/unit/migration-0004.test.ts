import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { migrateToLatest } from '../../electron/services/database/migrate';
import { closeDatabase, openEncryptedDatabase, type Sqlite } from '../../electron/services/database/open-database';
import type { VaultSchema } from '../../electron/services/database/schema';
import { NotesService } from '../../electron/services/notes/notes.service';
import { BUILT_IN_TEMPLATES } from '../../shared/note-templates';
import { searchInputSchema } from '../../shared/notes';
import { allianceContent, doc } from './support/notes-vault';
import { removeDir, tempDir } from './support/temp-vault';

let dir: string;
let sqlite: Sqlite;

afterEach(async () => {
  closeDatabase(sqlite);
  await removeDir(dir);
});

/** A vault as release 0003 left it: one client, one signed note with an addendum, indexed as one row each. */
async function vaultAt0003(db: Kysely<VaultSchema>): Promise<{ noteId: string; clientRowid: number }> {
  await migrateToLatest(db, migrations.slice(0, 3));
  await sql`INSERT INTO clients (id, code, legal_name, status) VALUES ('c1', 'C-1', 'Ola Ødegård', 'active')`.execute(db);
  await sql`INSERT INTO search_index (rowid, kind, record_id, client_id, title, body) VALUES (7, 'client', 'c1', 'c1', 'Ola Ødegård C-1', '')`.execute(db);
  await sql`INSERT INTO search_index_client_rows (fts_rowid, client_id) VALUES (7, 'c1')`.execute(db);
  await sql`INSERT INTO sessions (id, client_id, session_date, created_at) VALUES ('s1', 'c1', '2026-01-05', '2026-01-05')`.execute(db);
  const template = BUILT_IN_TEMPLATES.find((t) => t.id === 'alliance')!;
  const content = allianceContent({ goals: doc('Walks with Coach Łukasz'), bond: doc('Spoke about the lighthouse') }, { rupture: { noted: true, description: 'withdrew' } });
  // 0003 kept the whole note in one row at the note's search_rowid.
  await sql`INSERT INTO search_index (rowid, kind, record_id, client_id, title, body)
    VALUES (9, 'note', 'n1', 'c1', '', 'Walks with Coach Łukasz\nSpoke about the lighthouse\nwithdrew\nAddendum: quartermaster')`.execute(db);
  await sql`INSERT INTO notes (id, session_id, client_id, template_id, template_version, template_json, status, content, revision, saved_at, signed_at,
      signer_name, signer_credentials, content_hash, search_rowid, created_at)
    VALUES ('n1', 's1', 'c1', 'alliance', ${template.version}, ${JSON.stringify(template)}, 'signed', ${JSON.stringify(content)}, 1, '2026-01-05',
      '2026-01-05', 'Dr. A', '', ${'f'.repeat(64)}, 9, '2026-01-05')`.execute(db);
  await sql`INSERT INTO note_addenda (id, note_id, text, signed_at, signer_name, signer_credentials, hash)
    VALUES ('a1', 'n1', ${JSON.stringify(doc('Addendum: quartermaster'))}, '2026-01-06', 'Dr. A', '', ${'e'.repeat(64)})`.execute(db);
  // And a draft, which moves to one row per part.
  await sql`INSERT INTO sessions (id, client_id, session_date, created_at) VALUES ('s2', 'c1', '2026-01-12', '2026-01-12')`.execute(db);
  const draft = allianceContent({ tasks: doc('Ring the harbourmaster'), plan: doc('Sleep diary') });
  await sql`INSERT INTO search_index (rowid, kind, record_id, client_id, title, body) VALUES (10, 'note', 'n2', 'c1', '', 'Ring the harbourmaster\nSleep diary')`.execute(db);
  await sql`INSERT INTO notes (id, session_id, client_id, template_id, template_version, template_json, status, content, revision, saved_at, search_rowid, created_at)
    VALUES ('n2', 's2', 'c1', 'alliance', ${template.version}, ${JSON.stringify(template)}, 'draft', ${JSON.stringify(draft)}, 1, '2026-01-12', 10, '2026-01-12')`.execute(db);
  return { noteId: 'n1', clientRowid: 7 };
}

describe('migration 0004 (drafts indexed in parts, folded letters)', () => {
  it('moves the rows of an existing vault into the new layout, searchable as before and with folded letters', async () => {
    dir = tempDir();
    sqlite = openEncryptedDatabase(path.join(dir, 'vault.db'), randomBytes(32), { create: true });
    const db = new Kysely<VaultSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
    const { noteId, clientRowid } = await vaultAt0003(db);

    expect((await migrateToLatest(db))[0]).toBe('0004_index_notes_by_part');

    const rows = await sql<{ id: number; kind: string; body: string }>`SELECT id, kind, body FROM search_content ORDER BY id`.execute(db);
    // The draft (key 10): tasks (slot 1) and plan (slot 4). The signed note (key 9): its whole text in
    // slot 15, as 0003 had it. The client keeps its rowid.
    expect(rows.rows).toEqual([
      { id: -(10 * 16 + 4), kind: 'note', body: 'Sleep diary' },
      { id: -(10 * 16 + 1), kind: 'note', body: 'Ring the harbourmaster' },
      { id: -(9 * 16 + 15), kind: 'note', body: 'Walks with Coach Łukasz\nSpoke about the lighthouse\nwithdrew\nAddendum: quartermaster' },
      { id: clientRowid, kind: 'client', body: '' },
    ]);
    const old = await sql`SELECT name FROM sqlite_schema WHERE name LIKE 'search_index_0003%'`.execute(db);
    expect(old.rows).toEqual([]);

    const notes = new NotesService({ db: () => db });
    const search = async (query: string) => (await notes.search(searchInputSchema.parse({ query }))).map((r) => r.noteId ?? r.kind);
    expect(await search('lighthouse')).toEqual([noteId]);
    expect(await search('quartermaster')).toEqual([noteId]);
    expect(await search('lukasz')).toEqual([noteId]);
    expect(await search('walks lighthouse')).toEqual([noteId]);
    expect(await search('odegard')).toEqual(['client']);
    expect(await search('harbourmaster')).toEqual(['n2']);
    // Words in two parts of the draft still find it.
    expect(await search('harbourmaster diary')).toEqual(['n2']);
    await expect(sql`INSERT INTO search_index(search_index) VALUES ('integrity-check')`.execute(db)).resolves.toBeDefined();
  });
});
