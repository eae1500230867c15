import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../shared/app-info';
import { phoneProblem } from '../../shared/clients';
import { dateOfBirthProblem, intakeDateProblem, reviewDateProblem, sessionDateProblem } from '../../shared/date-rules';
import { MAX_SESSION_MINUTES } from '../../shared/notes';
import { HISTORY_END } from '../../bench/seed/calendar';
import { VaultService } from '../../electron/services/vault/vault.service';
import { parseSeedArgs } from '../../bench/seed/args';
import { checkPracticeVault } from '../../bench/seed/check';
import { tableDigests } from '../../bench/seed/digest';
import { seedPracticeVault, type SeedResult } from '../../bench/seed/generate';
import { PASSPHRASE, removeDir, TEST_KDF_COST, tempDir } from './support/temp-vault';
import { eventsOfClient } from '../../electron/services/measures/alert-events.repository';
import { recomputedEvents } from '../../electron/services/measures/client-alerts';
import { wantedEngagementEvent } from '../../electron/services/engagement/engagement-events';
import { byUrgency } from '../../shared/measures';
import { medicationsInScope } from '../../electron/services/medications/medication-list';
import { medicationEventProblems } from '../../shared/medication-rules';
import { noteContentSchema } from '../../shared/notes';

/**
 * The practice seed (`npm run seed`, bench/seed/) at a small size: the vault it makes passes SQLite's,
 * FTS5's and the activity log's own checks, every signed note's hash verifies, the services behind the
 * screens read it, and the same seed gives the same rows while another seed gives other rows.
 */
const SIZE = { clients: 12, sessions: 300 };

async function withVault<T>(dir: string, work: (vault: VaultService) => T | Promise<T>): Promise<T> {
  const vault = new VaultService({ dir, appVersion: APP_VERSION });
  await vault.unlock(PASSPHRASE);
  try {
    return await work(vault);
  } finally {
    vault.lock('user');
  }
}

describe('practice seed', () => {
  const dirs = { a: tempDir('alliance-seed-a-'), b: tempDir('alliance-seed-b-'), other: tempDir('alliance-seed-c-') };
  let seeded: SeedResult;

  beforeAll(async () => {
    seeded = await seedPracticeVault({ dir: dirs.a, passphrase: PASSPHRASE, ...SIZE, seed: 42, kdfCost: TEST_KDF_COST });
    await seedPracticeVault({ dir: dirs.b, passphrase: PASSPHRASE, ...SIZE, seed: 42, kdfCost: TEST_KDF_COST });
    await seedPracticeVault({ dir: dirs.other, passphrase: PASSPHRASE, ...SIZE, seed: 7, kdfCost: TEST_KDF_COST });
  });

  afterAll(async () => {
    for (const dir of Object.values(dirs)) await removeDir(dir);
  });

  it('writes the requested numbers of clients, sessions and notes, with ~2 KB of text per note', () => {
    const { totals, landmarks } = seeded;
    expect(totals.clients).toBe(SIZE.clients);
    expect(totals.sessions).toBe(SIZE.sessions);
    expect(totals.notes).toBe(SIZE.sessions);
    expect(totals.signed + totals.drafts).toBe(SIZE.sessions);
    expect(totals.noteTextChars / totals.notes).toBeGreaterThan(1500);
    expect(totals.noteTextChars / totals.notes).toBeLessThan(2600);
    expect(totals.measureResults).toBeGreaterThan(totals.attended / 2);
    expect(landmarks.statuses.active + landmarks.statuses.paused + landmarks.statuses.discharged).toBe(SIZE.clients);
    expect(landmarks.busyClient.sessions).toBeGreaterThanOrEqual(landmarks.pdfClient.sessions);
  });

  it('makes a vault the app can open, check and use', async () => {
    const report = await checkPracticeVault({ dir: dirs.a, passphrase: PASSPHRASE, landmarks: seeded.landmarks, ...SIZE });
    expect(report.problems).toEqual([]);
    expect(report.signedNotesVerified).toBe(seeded.totals.signed);
    expect(report.activityLog).toMatch(/match their chain/);
  });

  it('keeps dates, statuses and notes consistent with each other', async () => {
    await withVault(dirs.a, (vault) => {
      const sqlite = vault.connection();
      const one = (sql: string) => sqlite.prepare(sql).pluck().get();
      expect(one(`SELECT max(session_date) FROM sessions`)).toBe('2026-06-30');
      // The intake date is the first session, and no session comes after a discharge.
      expect(one(`SELECT count(*) FROM clients c WHERE intake_date <> (SELECT min(session_date) FROM sessions WHERE client_id = c.id)`)).toBe(0);
      expect(one(`SELECT count(*) FROM clients c WHERE status = 'discharged' AND discharge_date < (SELECT max(session_date) FROM sessions WHERE client_id = c.id)`)).toBe(0);
      expect(one(`SELECT count(*) FROM notes WHERE (status = 'signed') <> (content_hash IS NOT NULL AND signed_at IS NOT NULL)`)).toBe(0);
      expect(one(`SELECT count(*) FROM notes WHERE signed_at < created_at OR saved_at < created_at`)).toBe(0);
      // The alliance template is used most, apart from Medication management: in a practice this small
      // the busy client's signed visits (always on medication prescribed here) can outnumber it.
      const templates = sqlite.prepare(`SELECT template_id, count(*) AS n FROM notes WHERE template_id <> 'medication' GROUP BY template_id ORDER BY n DESC`).all() as { template_id: string; n: number }[];
      expect(templates[0]?.template_id).toBe('alliance');
      expect(one(`SELECT count(*) FROM notes WHERE template_id = 'medication'`)).toBeGreaterThan(0);
      expect(one(`SELECT count(*) FROM notes WHERE json_extract(content, '$.rupture.noted') = 1`)).toBeGreaterThan(0);
      expect(one(`SELECT count(DISTINCT measure_id) FROM measure_results`)).toBeGreaterThanOrEqual(3);
    });
  });

  it('stores, for every client, exactly the alert events the rules recompute from their history', async () => {
    await withVault(dirs.a, async (vault) => {
      const db = vault.database();
      const clientIds = (await db.selectFrom('clients').select('id').execute()).map((row) => row.id);
      let total = 0;
      for (const clientId of clientIds) {
        const stored = (await eventsOfClient(db, clientId)).sort(byUrgency).map(({ id: _id, clientId: _client, raisedAt: _raised, ...event }) => event);
        // The engagement flag as of the history's last day, the seed's "today"; the others from the history alone.
        expect(stored.filter((event) => event.kind !== 'engagement'), clientId).toEqual(await recomputedEvents(db, clientId));
        const flag = await wantedEngagementEvent(db, clientId, HISTORY_END);
        expect(stored.filter((event) => event.kind === 'engagement'), clientId).toEqual(flag ? [flag] : []);
        total += stored.length;
      }
      // A seeded history with ruptures and drops raises alerts, of more than one kind.
      expect(total).toBeGreaterThan(0);
      expect(new Set((await db.selectFrom('alert_events').select('kind').execute()).map((row) => row.kind)).size).toBeGreaterThan(1);
    });
  });

  it('holds only input the app itself would accept: plausible dates, real phone numbers, session lengths', async () => {
    await withVault(dirs.a, (vault) => {
      const sqlite = vault.connection();
      const problems: string[] = [];
      const note = (problem: string | null, what: string) => problem && problems.push(`${what}: ${problem}`);
      const clients = sqlite.prepare(`SELECT id, date_of_birth, intake_date, review_date, phone, emergency_phone FROM clients`).all() as Record<string, string | null>[];
      const birth = new Map(clients.map((client) => [client.id, client.date_of_birth ?? null]));
      for (const client of clients) {
        note(dateOfBirthProblem(client.date_of_birth ?? null, HISTORY_END), 'date of birth');
        note(intakeDateProblem(client.intake_date ?? null, HISTORY_END), 'intake');
        note(reviewDateProblem(client.review_date ?? null, HISTORY_END), 'review');
        note(phoneProblem(client.phone ?? ''), 'phone');
        note(phoneProblem(client.emergency_phone ?? ''), 'emergency phone');
      }
      const sessions = sqlite.prepare(`SELECT client_id, session_date, duration_minutes FROM sessions`).all() as { client_id: string; session_date: string; duration_minutes: number | null }[];
      for (const session of sessions) {
        note(sessionDateProblem(session.session_date, HISTORY_END, birth.get(session.client_id) ?? null), 'session date');
        if (session.duration_minutes !== null && (session.duration_minutes > MAX_SESSION_MINUTES || !Number.isInteger(session.duration_minutes))) problems.push('session length');
      }
      expect(problems).toEqual([]);
      expect(sessions.length).toBe(SIZE.sessions);
    });
  });

  it('gives identical rows for the same seed and different rows for another', async () => {
    const [a, b, other] = await Promise.all([dirs.a, dirs.b, dirs.other].map((dir) => withVault(dir, (vault) => tableDigests(vault.connection()))));
    // The check above saved the busy client's draft once and put its revision back: rows are as seeded.
    expect(a).toEqual(b);
    for (const table of ['clients', 'notes', 'sessions', 'measure_results', 'activity_log']) expect(other![table]!.sha256).not.toBe(a![table]!.sha256);
  });

  it('gives every active client an agreed frequency and many their next appointments; its missed sessions and contacts are ones the app would accept', async () => {
    await withVault(dirs.a, async (vault) => {
      const sqlite = vault.connection();
      const all = <T,>(query: string) => sqlite.prepare(query).all() as T[];
      const active = all<{ id: string }>(`SELECT id FROM clients WHERE status = 'active'`).map((row) => row.id);
      const planned = all<{ client_id: string; frequency: string }>(`SELECT client_id, frequency FROM follow_up_plans`);
      expect(planned.map((plan) => plan.client_id).sort()).toEqual([...active].sort());
      const appointments = all<{ client_id: string; appointment_date: string }>(`SELECT client_id, appointment_date FROM appointments`);
      expect(new Set(appointments.map((a) => a.client_id)).size).toBeGreaterThan(active.length / 3);
      const fortnight = new Date(Date.parse(`${HISTORY_END}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
      expect(appointments.every((a) => a.appointment_date >= HISTORY_END && a.appointment_date <= fortnight)).toBe(true);
      // Missed sessions and contacts come after the client's last session and by "today", as the forms require.
      const late = all(`SELECT r.id FROM attendance_records r WHERE r.record_date > '${HISTORY_END}' OR r.record_date <= (SELECT max(session_date) FROM sessions WHERE client_id = r.client_id)`);
      expect(late).toEqual([]);
      expect(all(`SELECT id FROM contacts WHERE contact_date > '${HISTORY_END}' OR (direction = 'with_professional') <> (professional <> '')`)).toEqual([]);
      // Contact notes and missed-session remarks are in the search index, as the service puts them there.
      const texts = all<{ id: string }>(`SELECT id FROM contacts WHERE note <> '' UNION ALL SELECT id FROM attendance_records WHERE remark <> ''`).map((row) => row.id).sort();
      expect(all<{ record_id: string }>(`SELECT record_id FROM search_content WHERE kind IN ('contact', 'missed')`).map((row) => row.record_id).sort()).toEqual(texts);
      const kinds = all<{ discharge_kind: string | null }>(`SELECT discharge_kind FROM clients WHERE status = 'discharged'`).map((row) => row.discharge_kind);
      expect(kinds.every((kind) => kind === null || kind === 'planned' || kind === 'unplanned')).toBe(true);
      expect(all(`SELECT discharge_kind FROM clients WHERE status <> 'discharged' AND discharge_kind IS NOT NULL`)).toEqual([]);
    });
  });

  it('puts some clients on medication, with a history the app would accept, reviews in signed medication visits, and allergies', async () => {
    await withVault(dirs.a, async (vault) => {
      const db = vault.database();
      const sqlite = vault.connection();
      expect(JSON.parse(sqlite.prepare(`SELECT value FROM settings WHERE key = 'prescriber'`).pluck().get() as string)).toBe(true);
      const medications = await medicationsInScope(db, null);
      expect(new Set(medications.map((m) => m.clientId)).size).toBeGreaterThan(1);
      const problems: string[] = [];
      for (const medication of medications) {
        medication.history.forEach((event, i) => {
          const found = medicationEventProblems(medication.history.slice(0, i), event, HISTORY_END);
          if (Object.keys(found).length > 0) problems.push(`${medication.name} ${event.date}: ${JSON.stringify(found)}`);
        });
      }
      expect(problems).toEqual([]);
      const kinds = new Set(medications.flatMap((m) => m.history.map((event) => event.kind)));
      for (const kind of ['start', 'dose_change', 'stop'] as const) expect(kinds).toContain(kind);

      // Medication visits: signed notes whose review covers what was being taken, with varied adherence.
      const notes = sqlite.prepare(`SELECT id, status, content FROM notes WHERE template_id = 'medication'`).all() as { id: string; status: string; content: string }[];
      expect(notes.filter((note) => note.status === 'signed').length).toBeGreaterThan(5);
      const reviews = notes.map((note) => ({ ...note, review: noteContentSchema.parse(JSON.parse(note.content)).medicationReview! }));
      const adherence = new Set(reviews.flatMap((note) => note.review.items.map((item) => item.adherence)));
      for (const report of ['as_prescribed', 'sometimes_misses', 'often_misses'] as const) expect(adherence).toContain(report);
      expect(reviews.some((note) => note.review.items.some((item) => item.sideEffects.some((entry) => entry.severity === 'severe')))).toBe(true);
      expect(reviews.some((note) => note.review.items.some((item) => item.decision !== ''))).toBe(true);
      // Every change decided in a visit is on the list, applied by that (signed) note, and the other way round.
      const decided = medications.flatMap((m) => m.history.filter((event) => event.noteId !== null).map((event) => `${event.noteId}/${event.kind}/${event.regimen.dose}`)).sort();
      const inNotes = reviews.flatMap((note) => note.review.changes.map((change) => `${note.id}/${change.kind}/${change.regimen.dose}`)).sort();
      expect(decided.length).toBeGreaterThan(0);
      expect(inNotes).toEqual(decided);
      expect(reviews.filter((note) => note.review.changes.length > 0).every((note) => note.status === 'signed')).toBe(true);

      expect(sqlite.prepare('SELECT count(*) FROM allergies').pluck().get()).toBeGreaterThan(0);
      // The log says which kind of change and when, never what was taken.
      const details = sqlite.prepare(`SELECT detail FROM activity_log WHERE record_type = 'medication'`).pluck().all() as string[];
      expect(details.length).toBe(medications.reduce((sum, m) => sum + m.history.length, 0));
      for (const detail of details) expect(Object.keys(JSON.parse(detail) as object).sort()).toEqual(['change', 'date']);
    });
  });

  it('refuses arguments the seed cannot use, saying why', () => {
    const base = ['--vault', dirs.a, '--passphrase', PASSPHRASE, '--clients', '10', '--sessions', '100'];
    const message = (argv: string[]) => {
      const parsed = parseSeedArgs(argv);
      return parsed.ok ? 'ok' : parsed.message;
    };
    expect(message(base)).toMatch(/is not empty/);
    const fresh = ['--vault', `${dirs.a}-absent`, '--passphrase', PASSPHRASE];
    expect(message([...fresh, '--clients', '10', '--sessions', '100'])).toBe('ok');
    expect(message([...fresh.slice(0, 3), 'password123', '--clients', '10', '--sessions', '100'])).toMatch(/passphrase policy/);
    expect(message([...fresh, '--clients', '10', '--sessions', '15'])).toMatch(/--sessions must be between 20/);
    expect(message([...fresh, '--clients', '10'])).toMatch(/--sessions is required/);
    expect(message([...fresh, '--clients', '10', '--sessions', '100', '--seed', 'x'])).toMatch(/--seed needs a whole number/);
    expect(message([...fresh, '--clients', '10', '--sessions', '100', '--colour', 'blue'])).toMatch(/Unknown option --colour/);
  });
});
