import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeasuresService } from '../../electron/services/measures/measures.service';
import type { Sqlite } from '../../electron/services/database/open-database';
import { searchInputSchema } from '../../shared/notes';
import { allianceContent, doc, newClient, openNotesVault, sessionFields, type NotesVault } from './support/notes-vault';

/**
 * A note's rupture flag is read out of its JSON content by several queries, and the expression index
 * notes_rupture_by_session (migration 0007) keeps the chart's read of it off the notes themselves. SQLite
 * uses an expression index only for the same expression with the JSON path written as a literal in the
 * SQL text; a path bound as a parameter would silently read every note's JSON instead. Each query that
 * reads the flag is caught as it runs, through the real services, and its plan is asked of SQLite.
 */
let nv: NotesVault;
let measures: MeasuresService;
let clientId: string;
let captured: { source: string; args: unknown[] }[] = [];
let restore = () => undefined as void;

function captureStatementsOn(sqlite: Sqlite): void {
  const prototype = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<'run' | 'get' | 'all' | 'iterate', (...args: unknown[]) => unknown>;
  const originals = { run: prototype.run, get: prototype.get, all: prototype.all, iterate: prototype.iterate };
  for (const method of Object.keys(originals) as (keyof typeof originals)[]) {
    const original = originals[method];
    prototype[method] = function (this: { database: unknown; source: string }, ...args: unknown[]) {
      if (this.database === sqlite) captured.push({ source: this.source, args });
      return original.apply(this, args);
    };
  }
  restore = () => void Object.assign(prototype, originals);
}

/** The plan of every statement `call` runs that reads the rupture flag, one string per statement. */
async function rupturePlansOf(call: () => Promise<unknown>): Promise<string[]> {
  captured = [];
  await call();
  const reads = captured.filter((statement) => statement.source.includes(`json_extract(`) && statement.source.includes(`'$.rupture.noted'`));
  const sqlite = nv.vault.connection();
  return reads.map(({ source, args }) =>
    (sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...args) as { detail: string }[]).map((row) => row.detail).join('\n'),
  );
}

beforeAll(async () => {
  nv = await openNotesVault();
  measures = new MeasuresService({ db: nv.db, now: () => new Date('2026-06-20T12:00:00Z') });
  clientId = await newClient(nv);
  for (const [date, noted] of [['2026-06-01', false], ['2026-06-08', true]] as const) {
    const note = await nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId: 'alliance' });
    const content = allianceContent({ goals: doc('Talked about sleep.') }, { rupture: { noted, description: noted ? 'Went quiet' : '' } });
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: note.revision, content, processNote: null });
    await measures.recordMeasure({ clientId, sessionId: note.session.id, measureId: 'sac-client', takenOn: date, responses: { goals: 8, tasks: 8, bond: 9 } });
  }
  captureStatementsOn(nv.vault.connection());
}, 120_000);

afterAll(async () => {
  restore();
  await nv?.close();
});

describe('queries reading the rupture flag', () => {
  it('the chart reads each note’s flag from the index alone, never from the note', async () => {
    const plans = await rupturePlansOf(() => measures.listResults(clientId));
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatch(/COVERING INDEX notes_rupture_by_session \(session_id=\?\)/);
  });

  it('the alerts, refreshed when a draft’s flag changes, find the flagged sessions by the indexed expression', async () => {
    const note = await nv.notes.createSession({ clientId, session: sessionFields({ date: '2026-06-15' }), templateId: 'alliance' });
    const content = allianceContent({}, { rupture: { noted: true, description: 'Went quiet again' } });
    const plans = await rupturePlansOf(() => nv.notes.saveDraft({ noteId: note.id, baseRevision: note.revision, content, processNote: null }));
    // The chart's results (recomputing the alerts) and the sessions that flag a rupture.
    expect(plans).toHaveLength(2);
    for (const plan of plans) expect(plan).toMatch(/COVERING INDEX notes_rupture_by_session/);
    expect(plans.some((plan) => /notes_rupture_by_session \(session_id=\? AND <expr>=\?\)/.test(plan))).toBe(true);
  });

  it('the timeline and a rupture-only search read the flag with the path written into the SQL', async () => {
    expect(await rupturePlansOf(() => nv.notes.listSessions(clientId))).toHaveLength(1);
    expect(await rupturePlansOf(() => nv.notes.search(searchInputSchema.parse({ query: 'sleep', ruptureOnly: true })))).toHaveLength(1);
  });
});
