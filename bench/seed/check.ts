import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { APP_VERSION } from '../../shared/app-info';
import { listClientsInputSchema } from '../../shared/clients';
import { localIsoDate } from '../../shared/dates';
import { COMPANION_MEASURES, dateRangeFor, measureBands, measureDomain, measureSeries, stackedTrendCharts } from '../../shared/measures';
import { searchInputSchema } from '../../shared/notes';
import { verifyActivityLog } from '../../electron/services/activity/activity-log';
import { ClientsService } from '../../electron/services/clients/clients.service';
import { MeasuresService } from '../../electron/services/measures/measures.service';
import { addendumHash, noteHash } from '../../electron/services/notes/note-hash';
import { NotesService } from '../../electron/services/notes/notes.service';
import { VaultService } from '../../electron/services/vault/vault.service';
import { tableDigests } from './digest';
import type { SeedLandmarks } from './generate';
import { SEEDED_NOW } from './write-alerts';

/**
 * Opens a seeded vault the way the app does (unlock: Argon2id, quick_check, migrations) and checks it
 * is whole and usable: SQLite's integrity and foreign-key checks, FTS5's own integrity check, the
 * activity log's hash chain, the content hash of every signed note and addendum, and the screens'
 * service calls (client list, client record, timeline, note, search, dashboard, chart series, alerts,
 * notes needing signing). Returns what went wrong (nothing, for a good vault) and how long each call
 * took on this vault.
 */
export interface CheckReport {
  problems: string[];
  timingsMs: Record<string, number>;
  signedNotesVerified: number;
  activityLog: string;
  digests?: Record<string, { rows: number; sha256: string }>;
}

export async function checkPracticeVault(options: { dir: string; passphrase: string; landmarks: SeedLandmarks; clients: number; sessions: number; digests?: boolean }): Promise<CheckReport> {
  const problems: string[] = [];
  const timingsMs: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timingsMs[name] = Math.round((performance.now() - started) * 10) / 10;
    }
  };
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };

  const vault = new VaultService({ dir: options.dir, appVersion: APP_VERSION });
  await timed('unlock', () => vault.unlock(options.passphrase));
  try {
    const db = () => vault.database();
    const sqlite = vault.connection();
    const integrity = await timed('integrity_check', () => sqlite.pragma('integrity_check') as { integrity_check: string }[]);
    expect(integrity.length === 1 && integrity[0]?.integrity_check === 'ok', `integrity_check: ${JSON.stringify(integrity.slice(0, 5))}`);
    const foreignKeys = await timed('foreign_key_check', () => sqlite.pragma('foreign_key_check') as unknown[]);
    expect(foreignKeys.length === 0, `foreign_key_check: ${foreignKeys.length} violations, first ${JSON.stringify(foreignKeys[0])}`);
    try {
      await timed('fts integrity-check', () => sql`INSERT INTO search_index(search_index) VALUES ('integrity-check')`.execute(db()));
    } catch (error) {
      problems.push(`FTS5 integrity-check: ${(error as Error).message}`);
    }
    const verdict = await timed('verifyActivityLog', () => verifyActivityLog(db()));
    expect(verdict.intact, `activity log: ${verdict.message}`);

    // Every signature and addendum hash, recomputed from the rows exactly as the service reads them.
    const notes = new NotesService({ db });
    const signed = await db().selectFrom('notes').select('id').where('status', '=', 'signed').execute();
    let verified = 0;
    await timed('verify note hashes', async () => {
      for (const { id } of signed) {
        const note = await notes.getNote(id);
        const hash = noteHash({
          noteId: note.id,
          clientId: note.clientId,
          session: { date: note.session.date, startTime: note.session.startTime, durationMinutes: note.session.durationMinutes, modality: note.session.modality, type: note.session.type, attendance: note.session.attendance, serviceCode: note.session.serviceCode },
          template: { id: note.template.id, version: note.template.version },
          content: note.content,
          signedAt: note.signedAt!,
          signer: note.signedBy!,
        });
        if (hash !== note.contentHash) problems.push(`note ${id}: content hash does not match`);
        for (const a of note.addenda) {
          const expected = addendumHash({ addendumId: a.id, noteId: note.id, noteHash: note.contentHash!, text: a.text, signedAt: a.signedAt, signer: a.signedBy });
          if (expected !== a.hash) problems.push(`addendum ${a.id}: hash does not match`);
        }
        verified += 1;
      }
    });

    const clients = new ClientsService({ db });
    const list = await timed('clients.list (all)', () => clients.list(listClientsInputSchema.parse({ status: 'all' })));
    expect(list.clients.length === options.clients && list.counts.all === options.clients, `client list has ${list.clients.length} clients, expected ${options.clients}`);
    await timed('clients.list (current)', () => clients.list(listClientsInputSchema.parse({})));
    for (const { legalName } of options.landmarks.names) {
      const found = await clients.list(listClientsInputSchema.parse({ query: legalName, status: 'all' }));
      expect(found.clients.some((client) => client.legalName === legalName), `client search does not find ${legalName}`);
    }
    const busy = await timed('clients.get (busy)', () => clients.get(options.landmarks.busyClient.id));
    expect(busy.goals.length > 0, 'the busy client has no goals');

    const timeline = await timed('notes.listSessions (busy)', () => notes.listSessions(options.landmarks.busyClient.id));
    expect(timeline.length === options.landmarks.busyClient.sessions, `timeline has ${timeline.length} sessions, expected ${options.landmarks.busyClient.sessions}`);
    const draft = await timed('notes.getNote (draft)', () => notes.getNote(options.landmarks.draftNoteId));
    expect(draft.status === 'draft' && draft.template.id === 'alliance', 'the draft landmark is not an alliance draft');
    // The draft can be saved and signed, as the practitioner would.
    const saved = await timed('notes.saveDraft', () => notes.saveDraft({ noteId: draft.id, baseRevision: draft.revision, content: draft.content, processNote: draft.processNote }));
    expect(saved.revision === draft.revision + 1, 'saving the draft did not bump its revision');

    for (const query of ['sleep', 'anxiety', 'homework diary', 'rupture', options.landmarks.names[0]?.legalName ?? 'a']) {
      const results = await timed(`notes.search "${query}"`, () => notes.search(searchInputSchema.parse({ query })));
      expect(results.length > 0, `search for "${query}" finds nothing`);
    }
    const total = (await db().selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(Number(total) === options.sessions, `the vault has ${total} sessions, expected ${options.sessions}`);
    await timed('notes.listUnsigned', () => notes.listUnsigned());

    // With the clock at the seeded history's end, the engagement flags are current and nothing is rewritten.
    const measures = new MeasuresService({ db, now: () => SEEDED_NOW });
    const overview = await timed('measures.practiceOverview', () => measures.practiceOverview());
    expect(overview.length === options.landmarks.statuses.active, `the practice overview lists ${overview.length} clients, expected ${options.landmarks.statuses.active} active`);
    expect(overview.some((client) => client.alliance !== null), 'no client on the dashboard has an alliance score');
    const charts = await timed('chart series (busy)', async () => {
      const { results, definitions } = await measures.listResults(options.landmarks.busyClient.id);
      const byId = new Map(definitions.map((definition) => [definition.id, definition]));
      const alliance = byId.get('sac-client');
      if (!alliance) return 0;
      const companion = byId.get(COMPANION_MEASURES[alliance.id] ?? '');
      const outcome = byId.get('phq-9') ?? byId.get('gad-7') ?? alliance;
      const { from, to } = dateRangeFor('all', localIsoDate(), results[0]?.takenOn ?? null);
      stackedTrendCharts({
        width: 900,
        margin: { top: 14, right: 16, bottom: 26, left: 36 },
        from,
        to,
        gap: 28,
        alliance: { height: 260, yDomain: measureDomain(alliance), series: measureSeries(alliance, results, companion ? { definition: companion, results } : undefined), cutoff: alliance.cutoff?.value ?? null, bands: measureBands(alliance) },
        outcome: { height: 200, yDomain: measureDomain(outcome), series: measureSeries(outcome, results), cutoff: outcome.cutoff?.value ?? null, bands: measureBands(outcome) },
      });
      return results.filter((result) => result.measureId === 'sac-client').length;
    });
    expect(charts === options.landmarks.busyClient.measuredSessions, `the busy client's chart has ${charts} alliance results, expected ${options.landmarks.busyClient.measuredSessions}`);
    await timed('measures.listAlerts (busy)', () => measures.listAlerts(options.landmarks.busyClient.id));

    // Undo the check's own save, so the vault's rows stay those the seed wrote.
    await db().updateTable('notes').set({ revision: draft.revision, saved_at: draft.savedAt }).where('id', '=', draft.id).execute();
    return {
      problems,
      timingsMs,
      signedNotesVerified: verified,
      activityLog: verdict.message,
      ...(options.digests ? { digests: tableDigests(sqlite) } : {}),
    };
  } finally {
    vault.lock('user');
  }
}
