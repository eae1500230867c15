import { prng } from './support/prng';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyActivityLog } from '../../electron/services/activity/activity-log';
import { ClientsService } from '../../electron/services/clients/clients.service';
import type { VaultSchema } from '../../electron/services/database/schema';
import { writeSettings } from '../../electron/services/database/settings.repository';
import { MeasuresService } from '../../electron/services/measures/measures.service';
import { NotesService } from '../../electron/services/notes/notes.service';
import { AppError } from '../../shared/errors';
import type { MeasureResult } from '../../shared/measure-records';
import { richTextToPlain } from '../../shared/rich-text';
import type { ClientState, MeasureState, NoteState, WriteLine } from './support/crash-writer-child';
import { bundleChild } from './support/bundle-child';
import { newVaultService, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';

/**
 * Proof 3, crash safety: a child process makes random real writes and is SIGKILLed at random moments,
 * most of them in the middle of a transaction. After every kill the vault must open (replaying the WAL
 * the child left), pass integrity_check, and hold every write the service had confirmed. The vault
 * carries over from one kill to the next, so each round starts from what the previous recovery left.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const KILLS = 50;
/** Every this many kills, and after the last, every record ever confirmed is checked, not just this round's. */
const FULL_SWEEP_EVERY = 10;
/** Fixed, so a failure names a seed that replays the same kill delays and child seeds. */
const SEED = Number(process.env.CRASH_SAFETY_SEED ?? 20260615);
const KILL_WINDOW_MS = { min: 50, max: 600 };

type RecordState = ClientState | Partial<NoteState> | MeasureState;

let dir: string;
let bundleDir: string;
let childBundle: string;

beforeAll(async () => {
  dir = tempDir('alliance-crash-safety-');
  // Bundled once: the child starts 50 times (see bundle-child.ts).
  ({ file: childBundle, dir: bundleDir } = await bundleChild(path.join(here, 'support/crash-writer-child.ts')));
  const vault = newVaultService(dir);
  await vault.create(PASSPHRASE);
  // Signing and addenda need a practitioner name.
  await writeSettings(vault.database(), { practitionerName: 'Dr. Synthetic Example', credentials: 'PsyD' });
  vault.lock('user');
});
afterAll(async () => {
  await removeDir(dir);
  await removeDir(bundleDir);
});

/**
 * What the vault must hold: per record, the merged state of its confirmed writes, and the state it would
 * have if the write in flight at the kill (an intent with no `done`) committed after all.
 */
class Ledger {
  private readonly confirmed = new Map<string, { kind: WriteLine['kind']; id: string; state: RecordState }>();
  private readonly inFlight = new Map<string, RecordState>();
  private readonly touched = new Set<string>();
  confirmedWrites = 0;

  record(line: WriteLine): void {
    const key = `${line.kind}:${line.id}`;
    this.touched.add(key);
    const before = this.confirmed.get(key)?.state;
    const after = line.state === null || before === null || before === undefined ? line.state : { ...before, ...line.state };
    if (line.step === 'intent') {
      this.inFlight.set(key, after && withoutFields(after, line.unknown ?? []));
      return;
    }
    this.confirmed.set(key, { kind: line.kind, id: line.id, state: after });
    this.inFlight.delete(key);
    this.confirmedWrites += 1;
  }

  hasWriteInFlight(): boolean {
    return [...this.inFlight.keys()].some((key) => this.confirmed.has(key));
  }

  /**
   * Compares the confirmed records written since the last check (or all of them) with the vault and
   * returns one line per mismatch. Afterwards the state found is what later rounds expect: a write in
   * flight either committed or it did not, and that outcome is now settled.
   */
  async check(read: StateReader, scope: 'since-last-check' | 'all'): Promise<{ mismatches: string[]; inFlightCommitted: boolean }> {
    const mismatches: string[] = [];
    let inFlightCommitted = false;
    const keys = scope === 'all' ? [...this.confirmed.keys()] : [...this.touched];
    for (const key of keys) {
      const entry = this.confirmed.get(key);
      if (!entry) continue; // only ever in flight: it may or may not exist
      const actual = await read(entry.kind, entry.id);
      const inFlight = this.inFlight.get(key);
      if (matches(actual, entry.state)) continue;
      if (inFlight !== undefined && matches(actual, inFlight)) {
        entry.state = inFlight;
        inFlightCommitted = true;
        continue;
      }
      mismatches.push(`${key}: confirmed ${JSON.stringify(entry.state)}, in flight ${JSON.stringify(inFlight)}, found ${JSON.stringify(actual)}`);
    }
    this.inFlight.clear();
    this.touched.clear();
    return { mismatches, inFlightCommitted };
  }
}

function withoutFields(state: Exclude<RecordState, null>, fields: readonly string[]): RecordState {
  return Object.fromEntries(Object.entries(state).filter(([field]) => !fields.includes(field))) as RecordState;
}

/** Every field the confirmed writes set must read back equal; null means the record must be absent. */
function matches(actual: RecordState, expected: RecordState): boolean {
  if (expected === null || actual === null) return expected === actual;
  const found = actual as Record<string, unknown>;
  return Object.entries(expected).every(([field, value]) => isDeepStrictEqual(found[field], value));
}

type StateReader = (kind: WriteLine['kind'], id: string) => Promise<RecordState>;

/** Reads records back through the same services the app uses. */
function stateReader(db: () => Kysely<VaultSchema>): StateReader {
  const clients = new ClientsService({ db });
  const notes = new NotesService({ db });
  const measures = new MeasuresService({ db });
  const resultsByClient = new Map<string, Promise<MeasureResult[]>>();
  const resultsOf = (clientId: string) => {
    let results = resultsByClient.get(clientId);
    if (!results) resultsByClient.set(clientId, (results = measures.listResults(clientId).then((list) => list.results)));
    return results;
  };
  return async (kind, id) => {
    if (kind === 'client') {
      const client = await orNullIfMissing(clients.get(id));
      return client && { legalName: client.legalName, preferredName: client.preferredName, privateRemarks: client.privateRemarks };
    }
    if (kind === 'note') {
      const note = await orNullIfMissing(notes.getNote(id));
      return (
        note && {
          status: note.status,
          revision: note.revision,
          goals: richTextToPlain(note.content.sections.goals),
          durationMinutes: note.session.durationMinutes,
          contentHash: note.contentHash,
          addenda: note.addenda.length,
        }
      );
    }
    const row = await db().selectFrom('measure_results').select('client_id').where('id', '=', id).executeTakeFirst();
    const result = row && (await resultsOf(row.client_id)).find((candidate) => candidate.id === id);
    return result ? { clientId: result.clientId, measureId: result.measureId, total: result.total, responses: result.responses } : null;
  };
}

async function orNullIfMissing<T>(pending: Promise<T>): Promise<T | null> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** Runs the writer child, SIGKILLs it `killAfterMs` after its first confirmed write, and returns every complete line it printed. */
function runUntilKilled(childSeed: number, killAfterMs: number): Promise<WriteLine[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childBundle, dir, String(childSeed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: WriteLine[] = [];
    let partial = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      // A line cut off by the kill has no newline: it is not a confirmation.
      partial = parts.pop() ?? '';
      for (const text of parts) {
        const line = JSON.parse(text) as WriteLine;
        lines.push(line);
        if (line.step === 'done') killTimer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    // 'close' rather than 'exit': by then every line the child wrote before dying has been read.
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL' || killTimer === undefined) {
        reject(new Error(`writer child ended on its own (signal ${signal}) or never confirmed a write: ${stderr.slice(0, 2000)}`));
      } else resolve(lines);
    });
  });
}


describe('crash safety', () => {
  it(`keeps every confirmed client, note and measure write across ${KILLS} kill -9s at random moments`, async () => {
    const random = prng(SEED);
    const ledger = new Ledger();
    let killsMidWrite = 0;
    let inFlightCommits = 0;
    for (let round = 0; round < KILLS; round++) {
      const killAfterMs = KILL_WINDOW_MS.min + Math.floor(random() * (KILL_WINDOW_MS.max - KILL_WINDOW_MS.min));
      const lines = await runUntilKilled(Math.floor(random() * 2 ** 31), killAfterMs);
      for (const line of lines) ledger.record(line);
      if (ledger.hasWriteInFlight()) killsMidWrite += 1;
      const where = `round ${round} (seed ${SEED}, killed ${killAfterMs} ms after the first write)`;

      const vault = newVaultService(dir);
      await vault.unlock(PASSPHRASE); // runs quick_check on the way in
      try {
        const db = vault.database();
        const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
        expect(integrity.rows, where).toEqual([{ integrity_check: 'ok' }]);
        const orphans = await sql`PRAGMA foreign_key_check`.execute(db);
        expect(orphans.rows, where).toEqual([]);
        await expect(sql`INSERT INTO search_index(search_index) VALUES ('integrity-check')`.execute(db), where).resolves.toBeDefined();
        expect((await verifyActivityLog(db)).intact, where).toBe(true);
        const scope = (round + 1) % FULL_SWEEP_EVERY === 0 || round === KILLS - 1 ? 'all' : 'since-last-check';
        const { mismatches, inFlightCommitted } = await ledger.check(stateReader(() => db), scope);
        expect(mismatches, where).toEqual([]);
        if (inFlightCommitted) inFlightCommits += 1;
      } finally {
        vault.lock('user');
      }
    }
    // The proof only means something if kills really landed inside writes.
    expect(killsMidWrite).toBeGreaterThan(KILLS / 4);
    console.info(`crash safety: ${ledger.confirmedWrites} confirmed writes, ${killsMidWrite} kills mid-write, ${inFlightCommits} of those writes had committed`);
  }, 300_000);
});
