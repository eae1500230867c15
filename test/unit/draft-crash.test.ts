import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotesService } from '../../electron/services/notes/notes.service';
import { noteSearchParts } from '../../electron/services/notes/note-index';
import { slotOfRowid } from '../../electron/services/notes/note-search-parts';
import { clientFields } from './support/client-vault';
import { draftForRevision } from './support/draft-crash-content';
import { sessionFields } from './support/notes-vault';
import { ClientsService } from '../../electron/services/clients/clients.service';
import { bundleChild, type BundledChild } from './support/bundle-child';
import { newVaultService, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = 20;

let dir: string;
let noteId: string;
let child: BundledChild;

beforeAll(async () => {
  dir = tempDir('alliance-crash-');
  // Bundled once: the child starts 20 times (see bundle-child.ts).
  child = await bundleChild(path.join(here, 'support/draft-crash-child.ts'));
  const vault = newVaultService(dir);
  await vault.create(PASSPHRASE);
  const db = () => vault.database();
  const client = await new ClientsService({ db }).create(clientFields({ legalName: 'Crash Test' }));
  noteId = (await new NotesService({ db }).createSession({ clientId: client.id, session: sessionFields(), templateId: 'alliance' })).id;
  vault.lock('user');
});
afterAll(async () => {
  await removeDir(dir);
  await removeDir(child.dir);
});

/** Starts the child, kills it with SIGKILL `afterMs` after its first save, and returns the last revision it reported saved. */
function runAndKill(afterMs: number): Promise<{ lastReported: number; saves: number }> {
  return new Promise((resolve, reject) => {
    const started = spawn(process.execPath, [child.file, dir, noteId], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastReported = -1;
    let saves = 0;
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    started.stdout.setEncoding('utf8');
    started.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^saved (\d+)$/.exec(line);
        if (!match) continue;
        lastReported = Number(match[1]);
        saves += 1;
        timer ??= setTimeout(() => started.kill('SIGKILL'), afterMs);
      }
    });
    started.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const guard = setTimeout(() => started.kill('SIGKILL'), 20_000);
    started.on('error', reject);
    started.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL' || saves === 0) reject(new Error(`child ended without being killed mid-save (signal ${signal}): ${stderr.slice(0, 2000)}`));
      else resolve({ lastReported, saves });
    });
  });
}

describe('drafts survive kill -9', () => {
  it(`keeps every draft the service reported saved, across ${ROUNDS} SIGKILLs at random moments`, async () => {
    let previous = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { lastReported, saves } = await runAndKill(Math.floor(Math.random() * 120));
      expect(saves).toBeGreaterThan(0);

      const vault = newVaultService(dir);
      await vault.unlock(PASSPHRASE); // runs quick_check on the way in
      try {
        const db = vault.database();
        const note = await new NotesService({ db: () => db }).getNote(noteId);
        expect(note.revision, `round ${round}`).toBeGreaterThanOrEqual(lastReported);
        expect(note.revision).toBeGreaterThan(previous);
        expect(note.content).toEqual(draftForRevision(note.revision));
        // One row per part of the note, each holding that part's text as of the last committed save.
        const indexed = await sql<{ rowid: number; body: string }>`SELECT rowid, body FROM search_index WHERE kind = 'note' AND record_id = ${noteId}`.execute(db);
        expect(new Map(indexed.rows.map((row) => [slotOfRowid(row.rowid), row.body]))).toEqual(noteSearchParts(note.template, note.content, [], 'draft'));
        const hits = await sql<{ n: number }>`SELECT count(*) AS n FROM search_index WHERE search_index MATCH ${`marker${note.revision}`}`.execute(db);
        expect(hits.rows[0]?.n).toBe(1);
        const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
        expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);
        const ftsIntegrity = sql`INSERT INTO search_index(search_index) VALUES ('integrity-check')`.execute(db);
        await expect(ftsIntegrity).resolves.toBeDefined();
        previous = note.revision;
      } finally {
        // Closing as the app does would checkpoint the WAL; the next child then starts from a clean file.
        vault.lock('user');
      }
    }
  }, 90_000);
});
