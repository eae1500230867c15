import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recomputedEvents } from '../../electron/services/measures/client-alerts';
import { MeasuresService } from '../../electron/services/measures/measures.service';
import type { ClientAlert } from '../../shared/measure-records';
import { newClient, openNotesVault, sessionFields, setPractitioner, type NotesVault } from './support/notes-vault';
import { PASSPHRASE } from './support/temp-vault';

/**
 * Alerts are events, through the path production takes: results recorded, removed and struck out,
 * notes saved, voided and deleted with the services, against the real encrypted vault; the alerts
 * read back are the stored events. Each rule is shown firing at its boundary and not just short of it.
 */
let nv: NotesVault;
let measures: MeasuresService;
let clientId: string;

beforeEach(async () => {
  nv = await openNotesVault();
  nv.setNow(new Date(2026, 11, 20, 12, 0, 0));
  measures = new MeasuresService({ db: nv.db, now: () => new Date('2026-12-20T12:00:00Z') });
  await setPractitioner(nv, 'Dr. Synthetic Example');
  clientId = await newClient(nv);
});
afterEach(() => nv.close());

const sac = (goals: number, tasks: number, bond: number) => ({ goals, tasks, bond });
const phq = (item9: number, others: number) => ({ ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`item${i + 1}`, others])), item9 });

async function session(date: string): Promise<{ sessionId: string; noteId: string }> {
  const note = await nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId: 'alliance' });
  return { sessionId: note.session.id, noteId: note.id };
}

/** Records one measure per session, a session per date (sessions reused when a date repeats). */
const sessions = new Map<string, { sessionId: string; noteId: string }>();
async function record(measureId: string, date: string, responses: Record<string, number>) {
  const own = sessions.get(`${clientId}|${date}`) ?? (await session(date));
  sessions.set(`${clientId}|${date}`, own);
  return { ...own, result: await measures.recordMeasure({ clientId, sessionId: own.sessionId, measureId, takenOn: date, responses }) };
}

// The alliance rules' own alerts: the engagement flag they feed has tests of its own (engagement.test.ts).
const alerts = async () => (await measures.listAlerts(clientId)).filter((alert) => alert.kind !== 'engagement');
const reasons = async (filter: (alert: ClientAlert) => boolean = () => true) => (await alerts()).filter(filter).map((alert) => alert.reason);
const ofKind = (kind: ClientAlert['kind']) => (alert: ClientAlert) => alert.kind === kind;

async function setRupture(noteId: string, noted: boolean) {
  const note = await nv.notes.getNote(noteId);
  await nv.notes.saveDraft({ noteId, baseRevision: note.revision, content: { ...note.content, rupture: { noted, description: noted ? 'Went quiet' : '' } }, processNote: null });
}

describe('alliance rules, each at its boundary', () => {
  it('cutoff: a total of 23 (below 24) raises it, 24 does not', async () => {
    await record('sac-client', '2026-11-02', sac(8, 8, 8));
    expect(await reasons()).toEqual([]);
    await record('sac-client', '2026-11-09', sac(8, 8, 7));
    expect(await reasons()).toEqual(['Total, client-rated Session Alliance Check, was 23 on 9 November 2026, below the cutoff of 24.']);
  });

  it('total drop: 3 (the reliable change) raises it, 2 does not', async () => {
    await record('sac-client', '2026-11-02', sac(10, 10, 10));
    await record('sac-client', '2026-11-09', sac(9, 10, 9));
    expect(await reasons(ofKind('total-drop'))).toEqual([]);
    await record('sac-client', '2026-11-16', sac(9, 9, 7));
    expect(await reasons(ofKind('total-drop'))).toEqual(['Total, client-rated Session Alliance Check, fell from 28 to 25 on 16 November 2026.']);
  });

  it('subscale drop: 2 raises it, 1 does not, each naming subscale, measure and rater', async () => {
    await record('sac-client', '2026-11-02', sac(10, 10, 10));
    await record('sac-client', '2026-11-09', sac(9, 10, 10));
    expect(await reasons(ofKind('subscale-drop'))).toEqual([]);
    await record('sac-client', '2026-11-16', sac(9, 10, 8));
    const [bond] = (await alerts()).filter(ofKind('subscale-drop'));
    expect(bond).toMatchObject({ reason: 'Bond, client-rated Session Alliance Check, fell from 10 to 8 on 16 November 2026.', measureId: 'sac-client', rater: 'client', severity: 'notice' });
    // The key keeps the format acknowledgements were made with: measure|kind|session of the result|subject.
    expect(bond!.key).toBe(`sac-client|subscale-drop|${sessions.get(`${clientId}|2026-11-16`)!.sessionId}|bond`);
    expect(bond!.sessions.map((s) => s.date)).toEqual(['2026-11-09', '2026-11-16']);
  });

  it("compares each rater's form only with itself: a clinician-form drop is the clinician's, never the client's", async () => {
    await record('sac-client', '2026-11-02', sac(9, 9, 9));
    await record('sac-clinician', '2026-11-02', sac(9, 9, 9));
    await record('sac-client', '2026-11-09', sac(9, 9, 9));
    await record('sac-clinician', '2026-11-09', sac(9, 9, 7));
    const found = await alerts();
    expect(found.map((alert) => [alert.measureId, alert.rater, alert.kind])).toEqual([['sac-clinician', 'clinician', 'subscale-drop']]);
    expect(found[0]!.reason).toBe('Bond, clinician-rated Session Alliance Check, fell from 9 to 7 on 9 November 2026.');
  });
});

describe('outcome rules', () => {
  it('a PHQ-9 rise of 6 (its reliable change) raises a worsening, 5 does not', async () => {
    await record('phq-9', '2026-11-02', phq(0, 1));
    await record('phq-9', '2026-11-09', phq(0, 1));
    await record('phq-9', '2026-11-16', phq(0, 1));
    expect(await reasons()).toEqual([]);
    const five = await record('phq-9', '2026-11-23', { ...phq(0, 1), item1: 3, item2: 3, item3: 2 });
    expect(five.result.total).toBe(13);
    expect(await reasons()).toEqual([]);
    await record('phq-9', '2026-11-30', { ...phq(0, 3), item9: 0 });
    expect(await reasons(ofKind('worsened'))).toEqual(['Total, client-rated Patient Health Questionnaire (PHQ-9), rose from 13 to 24 on 30 November 2026, a reliable worsening.']);
  });

  it('PHQ-9 item 9 above 0 is urgent, stays raised when the next answer is 0, and says so', async () => {
    await record('phq-9', '2026-11-23', phq(0, 1));
    expect(await reasons()).toEqual([]);
    await record('phq-9', '2026-11-30', phq(1, 1));
    await record('phq-9', '2026-12-07', phq(0, 1));
    const [flag, ...rest] = await alerts();
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ kind: 'flag', severity: 'urgent', date: '2026-11-30', acknowledged: null });
    expect(flag!.reason).toMatch(/^Item 9 .*review risk\. \(client-rated Patient Health Questionnaire \(PHQ-9\), 30 November 2026; not raised on 7 December 2026\)$/);
  });
});

describe('an alert, once raised', () => {
  it('stays open after the alliance recovers, with the later value, until acknowledged', async () => {
    await record('sac-client', '2026-11-23', sac(9, 8, 9));
    const rupture = await record('sac-client', '2026-11-30', sac(6, 4, 3));
    await record('sac-client', '2026-12-07', sac(7, 6, 6));
    const found = await alerts();
    expect(found.map((alert) => alert.reason)).toEqual([
      // Warnings first, newest first within a severity.
      'Total, client-rated Session Alliance Check, was 19 on 7 December 2026, below the cutoff of 24.',
      'Total, client-rated Session Alliance Check, was 13 on 30 November 2026, below the cutoff of 24; 19 on 7 December 2026.',
      'Total, client-rated Session Alliance Check, fell from 26 to 13 on 30 November 2026; 19 on 7 December 2026.',
      'Bond, client-rated Session Alliance Check, fell from 9 to 3 on 30 November 2026; 6 on 7 December 2026.',
      'Goals, client-rated Session Alliance Check, fell from 9 to 6 on 30 November 2026; 7 on 7 December 2026.',
      'Tasks, client-rated Session Alliance Check, fell from 8 to 4 on 30 November 2026; 6 on 7 December 2026.',
    ]);
    const bond = found.find((alert) => alert.key.endsWith('|bond'))!;
    expect(bond.sessions.map((s) => s.noteId)).toEqual([sessions.get(`${clientId}|2026-11-23`)!.noteId, rupture.noteId]);

    const open = async () => (await measures.practiceOverview()).find((row) => row.clientId === clientId)!.alerts.map((alert) => alert.key).filter((key) => !key.startsWith('engagement|'));
    expect(await open()).toContain(bond.key);
    await measures.acknowledgeAlert({ clientId, alertKey: bond.key, note: 'Talked it through' });
    expect(await open()).not.toContain(bond.key);
    expect(await open()).toHaveLength(5);
    // Still listed on the client's page, acknowledged, after the open ones.
    expect((await alerts()).at(-1)).toMatchObject({ key: bond.key, acknowledged: { note: 'Talked it through' } });
    // A later result rewrites the reason, never the key: the acknowledgement keeps matching.
    await record('sac-client', '2026-12-14', sac(9, 9, 9));
    expect((await alerts()).find((alert) => alert.key === bond.key)).toMatchObject({ acknowledged: { note: 'Talked it through' }, reason: expect.stringMatching(/; 9 on 14 December 2026\.$/) });
  });
});

describe('ruptures noted in session notes', () => {
  it('raise one event per flagged session, not only the latest, and go when the flag is cleared', async () => {
    const first = await session('2026-11-02');
    const second = await session('2026-11-09');
    await session('2026-11-16');
    await setRupture(first.noteId, true);
    await setRupture(second.noteId, true);
    expect(await reasons()).toEqual(['You noted a rupture in the session on 9 November 2026.', 'You noted a rupture in the session on 2 November 2026.']);
    expect((await alerts()).map((alert) => alert.key)).toEqual([`note|rupture|${second.sessionId}|`, `note|rupture|${first.sessionId}|`]);
    await setRupture(second.noteId, false);
    expect(await reasons()).toEqual(['You noted a rupture in the session on 2 November 2026.']);
  });

  it('follow the session when its date is corrected, and leave with a deleted draft session', async () => {
    const flagged = await session('2026-11-02');
    await setRupture(flagged.noteId, true);
    await nv.notes.updateSession({ noteId: flagged.noteId, session: sessionFields({ date: '2026-11-03' }) });
    expect(await reasons()).toEqual(['You noted a rupture in the session on 3 November 2026.']);
    await nv.notes.deleteDraftSession({ noteId: flagged.noteId });
    expect(await alerts()).toEqual([]);
  });
});

describe('rater divergence (Session Alliance Check, client and clinician forms)', () => {
  async function both(date: string, clinician: Record<string, number>, client: Record<string, number>) {
    await record('sac-clinician', date, clinician);
    await record('sac-client', date, client);
  }

  it('a clinician total 3 above the client’s (the reliable change) raises a notice explaining it; 2 above, or the client higher, does not', async () => {
    await both('2026-11-02', sac(9, 9, 9), sac(9, 9, 7));
    await both('2026-11-09', sac(8, 8, 8), sac(10, 10, 10));
    expect(await reasons(ofKind('divergence'))).toEqual([]);
    await both('2026-11-16', sac(9, 9, 9), sac(8, 8, 8));
    const [notice, ...rest] = (await alerts()).filter(ofKind('divergence'));
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({ kind: 'divergence', measureId: 'sac-clinician', rater: 'clinician', severity: 'notice', date: '2026-11-16' });
    expect(notice!.reason).toBe(
      'You rated the alliance 27/30 and the client 24/30 on 16 November 2026 (Session Alliance Check); practitioners often rate it higher than clients do, and a gap this size can be an early sign of a rupture.',
    );
  });

  it('a gap widening at each of three paired sessions raises a notice; a gap that stops widening does not', async () => {
    await both('2026-11-02', sac(9, 9, 9), sac(9, 9, 9));
    await both('2026-11-09', sac(9, 9, 9), sac(9, 9, 9));
    await both('2026-11-16', sac(9, 9, 9), sac(9, 9, 8));
    expect(await reasons(ofKind('divergence'))).toEqual([]);
    await both('2026-11-23', sac(9, 9, 9), sac(9, 8, 8));
    const [notice, ...rest] = (await alerts()).filter(ofKind('divergence'));
    expect(rest).toEqual([]);
    expect(notice!.reason).toBe(
      "Your and the client's Session Alliance Check totals moved apart over 3 sessions: you rated it 27, 27, 27 and the client 27, 26, 25 (9 November 2026 to 23 November 2026); practitioners often rate it higher than clients do, and a widening gap can be an early sign of a rupture.",
    );
  });
});

describe('an alert whose basis is gone is withdrawn', () => {
  it('when the result is struck out, its session voided, or a draft result removed', async () => {
    await record('sac-client', '2026-11-02', sac(9, 9, 9));
    const dropped = await record('sac-client', '2026-11-09', sac(5, 5, 5));
    const removable = await record('sac-client', '2026-11-16', sac(5, 5, 4));
    await measures.deleteMeasureResult(removable.result.id);
    expect((await alerts()).every((alert) => alert.date === '2026-11-09')).toBe(true);
    expect(await alerts()).not.toHaveLength(0);

    await nv.notes.sign({ noteId: dropped.noteId, baseRevision: (await nv.notes.getNote(dropped.noteId)).revision });
    await measures.strikeOutResult({ resultId: dropped.result.id, reason: 'Recorded for the wrong client.' });
    expect(await alerts()).toEqual([]);

    const later = await record('sac-client', '2026-11-23', sac(9, 9, 3));
    expect(await alerts()).not.toHaveLength(0);
    await nv.notes.sign({ noteId: later.noteId, baseRevision: (await nv.notes.getNote(later.noteId)).revision });
    await nv.notes.voidNote({ noteId: later.noteId, reason: 'Wrong client.' });
    expect(await alerts()).toEqual([]);
  });
});

describe('stored events', () => {
  it('are what the rules recompute from the history, and a vault from before 0010 gets them when it opens', async () => {
    await record('sac-client', '2026-11-02', sac(9, 9, 9));
    const flagged = await record('sac-client', '2026-11-09', sac(5, 9, 9));
    await setRupture(flagged.noteId, true);
    const stored = (await alerts()).map(({ acknowledged: _, ...event }) => event);
    const recomputed = (await recomputedEvents(nv.db(), clientId)).map(({ subject: _, ...event }) => event);
    expect(stored).toEqual(recomputed);
    expect(stored.map((event) => event.kind)).toEqual(['cutoff', 'total-drop', 'rupture', 'subscale-drop']);

    // As a vault made before alerts were stored: no table, migration 0010 not yet applied.
    await sql`DROP TABLE alert_events`.execute(nv.db());
    await sql`DELETE FROM schema_migrations WHERE name = '0010_create_alert_events'`.execute(nv.db());
    nv.vault.lock('user');
    await nv.vault.unlock(PASSPHRASE);
    expect((await alerts()).map(({ acknowledged: _, ...event }) => event)).toEqual(recomputed);
  });
});
