import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { ClientsService } from '../../electron/services/clients/clients.service';
import { MeasuresService } from '../../electron/services/measures/measures.service';
import { NotesService } from '../../electron/services/notes/notes.service';
import { listClientsInputSchema } from '../../shared/clients';
import type { CustomMeasureInput } from '../../shared/measures';
import type { Sqlite } from '../../electron/services/database/open-database';
import { clientFields, testNow } from './support/client-vault';
import { allianceContent, doc, openNotesVault, sessionFields, setPractitioner, type NotesVault } from './support/notes-vault';

/**
 * No N+1 queries: the statements one service call runs must not grow with the vault. Each screen's call
 * is counted on a vault of 30 clients, then again after the vault has grown to 90 clients and three
 * times the sessions, notes and measure results (the client whose timeline and charts are read, too);
 * the counts must be equal, and within a fixed bound.
 *
 * Statements are counted twice, independently: by a Kysely plugin (every query Kysely executes, raw
 * `sql` included, reports its result to the plugin once) and below Kysely, by wrapping the executions of
 * the vault's better-sqlite3 statements (every statement SQLite runs for this connection passes there, so
 * a service that used the connection directly would be counted too). The two must agree.
 * The plugin counts in transformResult rather than transformQuery: transformQuery also runs when a query
 * built from the same Kysely instance is nested into another as a subquery (latestSessions does this), so
 * it counts query builders, not statements.
 */
class StatementCounter implements KyselyPlugin {
  executed = 0;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.executed += 1;
    return result;
  }
}

/** The most statements each call may run; adding a query to one of these calls is a decision, made here. */
const MAX_STATEMENTS = {
  clientList: 2, // the clients with their last session date; all tags
  timeline: 3, // the client exists; sessions with their notes' status and addenda count; voided notes
  practiceOverview: 5, // is the engagement flag current today; active clients with counts; recent results; custom definitions; open alert events
  chartSeries: 3, // the client exists; results with notes; custom definitions
  clientAlerts: 4, // the client exists; is the engagement flag current today; acknowledgements; stored alert events
} as const;
type CallName = keyof typeof MAX_STATEMENTS;

const SMALL = { clients: 30, focusSessions: 4 };
const GROWTH = 3;

let nv: NotesVault;
let measures: MeasuresService;
let customMeasureId: string;
let focusClientId: string;
const counter = new StatementCounter();
let prepared: string[] = [];
let counted: { clients: ClientsService; notes: NotesService; measures: MeasuresService };

const sleepCheck: CustomMeasureInput = {
  name: 'Weekly sleep check',
  shortName: 'Sleep',
  rater: 'client',
  kind: 'outcome',
  instructions: '',
  scoreOnly: false,
  source: '',
  items: [{ key: 'hours', text: 'Nights slept well', min: 0, max: 7, step: 1, anchors: { min: 'None', max: 'Every night' }, reverse: true }],
  subscales: [],
  total: { method: 'sum', maxMissing: 0 },
  cutoff: null,
  bands: [],
  reliableChange: null,
  flagItems: [],
};

const isoDay = (dayOfYear: number) => new Date(Date.UTC(2026, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

/**
 * `count` sessions for a client, a week apart from `first`: notes with goal progress, every other one
 * signed (some with an addendum), a rupture now and then, alliance scores on every session, PHQ-9 on
 * every other one, and the weekly sleep check (a custom measure) on every third.
 */
async function addSessions(clientId: string, goalIds: readonly string[], first: number, count: number): Promise<void> {
  for (let k = 0; k < count; k++) {
    const date = isoDay(first + 7 * k);
    const note = await nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId: 'alliance' });
    const content = allianceContent(
      { goals: doc(`Session on ${date}: worked on the sleep goal.`), plan: doc('Keep the diary.') },
      { goalProgress: goalIds.map((goalId) => ({ goalId, progress: 'some_progress' as const })), rupture: { noted: k % 3 === 1, description: k % 3 === 1 ? 'Went quiet' : '' } },
    );
    const saved = await nv.notes.saveDraft({ noteId: note.id, baseRevision: note.revision, content, processNote: null });
    const sessionId = note.session.id;
    await measures.recordMeasure({ clientId, sessionId, measureId: 'sac-client', takenOn: date, responses: { goals: 8 - (k % 3), tasks: 8, bond: k % 3 === 2 ? 5 : 9 } });
    if (k % 2 === 1) {
      const responses = Object.fromEntries(Array.from({ length: 9 }, (_, item) => [`item${item + 1}`, item === 8 ? 0 : (k + item) % 4]));
      await measures.recordMeasure({ clientId, sessionId, measureId: 'phq-9', takenOn: date, responses });
    }
    if (k % 3 === 0) await measures.recordMeasure({ clientId, sessionId, measureId: customMeasureId, takenOn: date, responses: { hours: k % 8 } });
    // Signed after its measures: a signed session takes results only as late entries.
    if (k % 2 === 0) {
      await nv.notes.sign({ noteId: note.id, baseRevision: saved.revision });
      if (k % 4 === 0) await nv.notes.addAddendum({ noteId: note.id, text: doc('Correction: the homework was the breathing exercise.') });
    }
  }
}

/** Clients `from` to `to` - 1: tagged, two goals each, some paused or discharged, two sessions each, an alert acknowledged now and then. */
async function addClients(from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    const status = i % 5 === 4 ? 'discharged' : i % 7 === 3 ? 'paused' : 'active';
    const client = await nv.clients.create(
      clientFields({
        legalName: `Client Number ${i}`,
        preferredName: i % 3 === 0 ? `Nick ${i}` : '',
        status,
        dischargeDate: status === 'discharged' ? '2026-06-01' : null,
        tags: [['CBT', 'Grief', 'Evening'][i % 3]!, ...(i % 2 === 0 ? ['Sliding scale'] : [])],
        reviewDate: i % 4 === 0 ? null : isoDay(100 + i),
      }),
    );
    await nv.plans.addGoal({ clientId: client.id, text: 'Sleep through the night', objective: '', dateSet: '2026-01-01', targetDate: null });
    const plan = await nv.plans.addGoal({ clientId: client.id, text: 'Return to work', objective: '', dateSet: '2026-01-01', targetDate: null });
    await addSessions(client.id, plan.goals.map((goal) => goal.id), i % 30, 2);
    if (i % 6 === 0) {
      const alert = (await measures.listAlerts(client.id)).find((candidate) => candidate.acknowledged === null);
      if (alert) await measures.acknowledgeAlert({ clientId: client.id, alertKey: alert.key, note: 'Discussed' });
    }
  }
}

/** Runs one call and returns the statements it ran, checking that both counters saw the same number. */
async function statementsOf(call: () => Promise<unknown>): Promise<{ count: number; statements: string[] }> {
  counter.executed = 0;
  prepared = [];
  await call();
  expect(prepared.length, `statements prepared on the connection but not run through Kysely:\n${prepared.join('\n')}`).toBe(counter.executed);
  return { count: counter.executed, statements: prepared };
}

const CALLS: Record<CallName, () => Promise<unknown>> = {
  // The client list as it opens: the contract's default filter.
  clientList: () => counted.clients.list(listClientsInputSchema.parse({})),
  timeline: () => counted.notes.listSessions(focusClientId),
  practiceOverview: () => counted.measures.practiceOverview(),
  // What the client page's Measures tab reads for its charts.
  chartSeries: () => counted.measures.listResults(focusClientId),
  clientAlerts: () => counted.measures.listAlerts(focusClientId),
};

async function countEveryCall(): Promise<Record<CallName, { count: number; statements: string[] }>> {
  const out = {} as Record<CallName, { count: number; statements: string[] }>;
  for (const name of Object.keys(CALLS) as CallName[]) out[name] = await statementsOf(CALLS[name]);
  return out;
}

let small: Record<CallName, { count: number; statements: string[] }>;
let large: Record<CallName, { count: number; statements: string[] }>;
const sizes = { small: { sessions: 0, results: 0 }, large: { sessions: 0, results: 0 } };

async function vaultSize(): Promise<{ sessions: number; results: number }> {
  const db = nv.db();
  const sessions = await db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const results = await db.selectFrom('measure_results').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { sessions: Number(sessions.n), results: Number(results.n) };
}

beforeAll(async () => {
  nv = await openNotesVault();
  measures = new MeasuresService({ db: nv.db, now: testNow });
  await setPractitioner(nv, 'Dr. Synthetic Example', 'PsyD');
  customMeasureId = (await measures.saveCustomMeasure({ id: null, measure: sleepCheck })).id;

  // The services under test share one counted Kysely over the vault's only connection.
  const db = nv.vault.database().withPlugin(counter);
  counted = {
    clients: new ClientsService({ db: () => db, now: testNow }),
    notes: new NotesService({ db: () => db, now: testNow }),
    measures: new MeasuresService({ db: () => db, now: testNow }),
  };
  countExecutionsOn(nv.vault.connection());

  const focus = await nv.clients.create(clientFields({ legalName: 'Focus Client', tags: ['CBT'] }));
  focusClientId = focus.id;
  const focusPlan = await nv.plans.addGoal({ clientId: focusClientId, text: 'Sleep through the night', objective: '', dateSet: '2026-01-01', targetDate: null });
  const focusGoals = focusPlan.goals.map((goal) => goal.id);
  await addSessions(focusClientId, focusGoals, 0, SMALL.focusSessions);
  await addClients(1, SMALL.clients);
  sizes.small = await vaultSize();
  small = await countEveryCall();

  await addSessions(focusClientId, focusGoals, 7 * SMALL.focusSessions, SMALL.focusSessions * (GROWTH - 1));
  await addClients(SMALL.clients, SMALL.clients * GROWTH);
  sizes.large = await vaultSize();
  large = await countEveryCall();
}, 600_000);

afterAll(async () => {
  uncountExecutions();
  await nv?.close();
});

/**
 * Counts below Kysely: every execution of a statement of `sqlite`, wherever it was prepared. The
 * vault keeps its statements between calls (statement-cache.ts), so counting at prepare would miss
 * a query run again; every run, get, all and iterate goes through the statements' prototype.
 */
let uncountExecutions = () => {};
function countExecutionsOn(sqlite: Sqlite): void {
  const prototype = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<'run' | 'get' | 'all' | 'iterate', (...args: unknown[]) => unknown>;
  const originals = { run: prototype.run, get: prototype.get, all: prototype.all, iterate: prototype.iterate };
  for (const method of Object.keys(originals) as (keyof typeof originals)[]) {
    const original = originals[method];
    prototype[method] = function (this: { database: unknown; source: string }, ...args: unknown[]) {
      if (this.database === sqlite) prepared.push(this.source);
      return original.apply(this, args);
    };
  }
  uncountExecutions = () => Object.assign(prototype, originals);
}

describe('statements per service call', () => {
  it('counts query-builder and raw sql statements alike, once each', async () => {
    const db = nv.vault.database().withPlugin(counter);
    const { count: builder } = await statementsOf(() => db.selectFrom('clients').select('id').limit(1).execute());
    const { count: raw } = await statementsOf(() => sql`SELECT count(*) AS n FROM sessions`.execute(db));
    const { count: nested } = await statementsOf(() =>
      db.selectFrom(db.selectFrom('sessions').select('client_id').groupBy('client_id').as('m')).select('m.client_id').execute(),
    );
    expect([builder, raw, nested]).toEqual([1, 1, 1]);
  });

  it('notices a statement run on the connection directly, past Kysely', async () => {
    const direct = statementsOf(async () => nv.vault.connection().prepare('SELECT 1').get());
    await expect(direct).rejects.toThrow(/not run through Kysely/);
  });

  it('the vault really grew threefold between the two counts', () => {
    expect(sizes.large.sessions).toBeGreaterThanOrEqual(GROWTH * sizes.small.sessions - 2);
    expect(sizes.large.results).toBeGreaterThanOrEqual(GROWTH * sizes.small.results - 2);
  });

  for (const name of Object.keys(MAX_STATEMENTS) as CallName[]) {
    it(`${name}: the same small number of statements at 30 and at 90 clients`, () => {
      const context = `\n30 clients:\n${small[name].statements.join('\n')}\n90 clients:\n${large[name].statements.join('\n')}`;
      expect(large[name].count, `grew with the vault${context}`).toBe(small[name].count);
      expect(large[name].count, `more statements than allowed${context}`).toBeLessThanOrEqual(MAX_STATEMENTS[name]);
      expect(large[name].count).toBeGreaterThan(0);
    });
  }
});
