import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MeasuresService } from '../../electron/services/measures/measures.service';
import { AppError } from '../../shared/errors';
import type { CustomMeasureInput } from '../../shared/measures';
import { newClient, openNotesVault, sessionFields, setPractitioner, type NotesVault } from './support/notes-vault';
import { PASSPHRASE } from './support/temp-vault';

/**
 * Recording measures against the real encrypted vault: scores stored with the definition version,
 * clear refusals, alerts that name the drop, acknowledgements kept, and the practice overview.
 */
let nv: NotesVault;
let measures: MeasuresService;

beforeEach(async () => {
  nv = await openNotesVault();
  measures = new MeasuresService({ db: nv.db, now: () => new Date('2026-06-20T12:00:00Z') });
});
afterEach(() => nv.close());

const sac = (goals: number, tasks: number, bond: number) => ({ goals, tasks, bond });

async function sessionOn(clientId: string, date: string, rupture = false): Promise<{ sessionId: string; noteId: string }> {
  const note = await nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId: 'alliance' });
  if (rupture) {
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: note.revision, content: { ...note.content, rupture: { noted: true, description: 'Went quiet' } }, processNote: null });
  }
  return { sessionId: note.session.id, noteId: note.id };
}

describe("a chart's rupture marks", () => {
  it('follow the session note as it is edited and signed, for every measure taken in that session', async () => {
    await setPractitioner(nv, 'Dr. Synthetic Example');
    const clientId = await newClient(nv);
    const { sessionId, noteId } = await sessionOn(clientId, '2026-06-01');
    await measures.recordMeasure({ clientId, sessionId, measureId: 'sac-client', takenOn: '2026-06-01', responses: sac(8, 7, 9) });
    await measures.recordMeasure({ clientId, sessionId, measureId: 'sac-clinician', takenOn: '2026-06-01', responses: sac(7, 7, 8) });
    const marks = async () => (await measures.listResults(clientId)).results.map((result) => [result.measureId, result.noteId, result.ruptureNoted]);
    expect(await marks()).toEqual([['sac-client', noteId, false], ['sac-clinician', noteId, false]]);

    let note = await nv.notes.getNote(noteId);
    await nv.notes.saveDraft({ noteId, baseRevision: note.revision, content: { ...note.content, rupture: { noted: true, description: 'Went quiet' } }, processNote: null });
    expect(await marks()).toEqual([['sac-client', noteId, true], ['sac-clinician', noteId, true]]);

    note = await nv.notes.getNote(noteId);
    await nv.notes.saveDraft({ noteId, baseRevision: note.revision, content: { ...note.content, rupture: { noted: false, description: '' } }, processNote: null });
    expect(await marks()).toEqual([['sac-client', noteId, false], ['sac-clinician', noteId, false]]);

    note = await nv.notes.getNote(noteId);
    await nv.notes.saveDraft({ noteId, baseRevision: note.revision, content: { ...note.content, rupture: { noted: true, description: 'Repaired by the end' } }, processNote: null });
    await nv.notes.sign({ noteId, baseRevision: note.revision + 1 });
    nv.vault.lock('user');
    await nv.vault.unlock(PASSPHRASE);
    expect(await marks()).toEqual([['sac-client', noteId, true], ['sac-clinician', noteId, true]]);
  });
});

describe('recording a measure', () => {
  it('stores the scores with the version it was scored with, linked to the session note', async () => {
    const clientId = await newClient(nv);
    const { sessionId, noteId } = await sessionOn(clientId, '2026-06-01');
    const result = await measures.recordMeasure({ clientId, sessionId, measureId: 'sac-client', takenOn: '2026-06-01', responses: sac(8, 7, 9) });
    expect(result).toMatchObject({ total: 24, subscales: { goals: 8, tasks: 7, bond: 9 }, measureVersion: 1, noteId, sessionId });
    const { results, definitions } = await measures.listResults(clientId);
    expect(results.map((stored) => stored.total)).toEqual([24]);
    expect(definitions.map((definition) => definition.id)).toEqual(['sac-client']);
  });

  it('refuses an out-of-range answer and a result too incomplete to score, saving nothing', async () => {
    const clientId = await newClient(nv);
    const outOfRange = measures.recordMeasure({ clientId, sessionId: null, measureId: 'sac-client', takenOn: '2026-06-01', responses: sac(8, 11, 9) });
    await expect(outOfRange).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { 'responses.tasks': expect.stringContaining('10') } });
    const blank = measures.recordMeasure({ clientId, sessionId: null, measureId: 'sac-client', takenOn: '2026-06-01', responses: { goals: 8, tasks: null, bond: 9 } });
    await expect(blank).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { responses: expect.stringContaining('Answer at least 3 of the 3 items') } });
    expect((await measures.listResults(clientId)).results).toEqual([]);
  });

  it("refuses another client's session", async () => {
    const clientId = await newClient(nv, 'First Client');
    const otherId = await newClient(nv, 'Other Client');
    const { sessionId } = await sessionOn(otherId, '2026-06-01');
    await expect(measures.recordMeasure({ clientId, sessionId, measureId: 'phq-9', takenOn: '2026-06-01', responses: {} })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { sessionId: expect.any(String) },
    });
  });

  it('keeps PHQ-9 results scored under a custom measure version apart from later versions', async () => {
    const clientId = await newClient(nv);
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
    const custom = await measures.saveCustomMeasure({ id: null, measure: sleepCheck });
    const first = await measures.recordMeasure({ clientId, sessionId: null, measureId: custom.id, takenOn: '2026-06-01', responses: { hours: 2 } });
    // Reverse-scored: 0 + 7 − 2.
    expect(first.total).toBe(5);
    const second = await measures.saveCustomMeasure({ id: custom.id, measure: { ...sleepCheck, items: [{ ...sleepCheck.items[0]!, reverse: false }] } });
    expect(second.version).toBe(2);
    const later = await measures.recordMeasure({ clientId, sessionId: null, measureId: custom.id, takenOn: '2026-06-08', responses: { hours: 2 } });
    expect(later).toMatchObject({ total: 2, measureVersion: 2 });
    expect((await measures.listResults(clientId)).definitions.map((definition) => definition.version).sort()).toEqual([1, 2]);
    await expect(measures.saveCustomMeasure({ id: 'phq-9', measure: sleepCheck })).rejects.toBeInstanceOf(AppError);
  });
});

describe('alerts', () => {
  it('names a bond drop and a total drop, links the sessions, and keeps an acknowledgement', async () => {
    const clientId = await newClient(nv);
    const scores = [sac(8, 8, 9), sac(8, 8, 9), sac(8, 7, 9), sac(8, 8, 9), sac(7, 7, 6)];
    const dates = ['2026-05-04', '2026-05-11', '2026-05-18', '2026-05-25', '2026-06-01'];
    const sessions = [];
    for (const [i, date] of dates.entries()) {
      const session = await sessionOn(clientId, date);
      sessions.push(session);
      await measures.recordMeasure({ clientId, sessionId: session.sessionId, measureId: 'sac-client', takenOn: date, responses: scores[i]! });
    }
    const alerts = await measures.listAlerts(clientId);
    const reasons = alerts.map((alert) => alert.reason);
    expect(reasons).toContain('Bond, client-rated Session Alliance Check, fell from 9 to 6 on 1 June 2026.');
    expect(reasons.some((reason) => reason.includes('Total, client-rated Session Alliance Check, fell from 25 to 20'))).toBe(true);
    expect(reasons.some((reason) => reason.includes('below the cutoff of 24'))).toBe(true);
    const bond = alerts.find((alert) => alert.reason.startsWith('Bond'))!;
    expect(bond.sessions.map((session) => session.noteId)).toEqual([sessions[3]!.noteId, sessions[4]!.noteId]);

    const acknowledged = await measures.acknowledgeAlert({ clientId, alertKey: bond.key, note: 'Talked it through next session' });
    expect(acknowledged.acknowledged?.note).toBe('Talked it through next session');
    expect((await measures.listAlerts(clientId)).find((alert) => alert.key === bond.key)?.acknowledged?.note).toBe('Talked it through next session');
    await expect(measures.acknowledgeAlert({ clientId, alertKey: bond.key, note: 'again' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(measures.acknowledgeAlert({ clientId, alertKey: 'sac-client|cutoff|nope|', note: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('raises a rupture noted in a session even without a measure', async () => {
    const clientId = await newClient(nv);
    await sessionOn(clientId, '2026-06-01', true);
    const alerts = (await measures.listAlerts(clientId)).filter((alert) => alert.kind !== 'engagement');
    expect(alerts.map((alert) => alert.reason)).toEqual(['You noted a rupture in the session on 1 June 2026.']);
  });
});

describe('practice overview', () => {
  it('lists active clients most urgent first with their alliance trend and sessions since the last measure', async () => {
    const calm = await newClient(nv, 'Calm Client');
    const strained = await newClient(nv, 'Strained Client');
    const unmeasured = await newClient(nv, 'Unmeasured Client');
    for (const [clientId, totals] of [
      [calm, [sac(9, 9, 9), sac(9, 9, 9)]],
      [strained, [sac(9, 9, 9), sac(6, 6, 6)]],
    ] as const) {
      for (const [i, responses] of totals.entries()) {
        const date = `2026-06-0${i + 1}`;
        const { sessionId } = await sessionOn(clientId, date);
        await measures.recordMeasure({ clientId, sessionId, measureId: 'sac-client', takenOn: date, responses });
      }
    }
    await sessionOn(calm, '2026-06-10');
    await sessionOn(calm, '2026-06-12');
    await sessionOn(unmeasured, '2026-06-05');

    const overview = await measures.practiceOverview();
    // Alerts first; then a client never measured before one measured two sessions ago.
    expect(overview.map((row) => row.clientId)).toEqual([strained, unmeasured, calm]);
    const [first, third, second] = overview;
    expect(first?.alerts.length).toBeGreaterThan(0);
    expect(first?.alliance).toMatchObject({ measureId: 'sac-client', shortName: 'SAC client', rater: 'client', total: 18, takenOn: '2026-06-02', range: { max: 30 }, trend: [27, 18] });
    expect(first?.alerts.find((alert) => alert.measureName !== 'Engagement')).toMatchObject({ measureName: 'SAC client', rater: 'client', reason: expect.stringContaining('client-rated Session Alliance Check') });
    // An open alliance alert is a reason of the engagement flag, listed beside it.
    expect(first?.alerts.map((alert) => alert.measureName)).toContain('Engagement');
    expect(second).toMatchObject({ sessionsSinceMeasure: 2, lastSessionDate: '2026-06-12', sessionCount: 4, alerts: [] });
    expect(third).toMatchObject({ sessionsSinceMeasure: null, alliance: null });
    // Codes only: the overview carries no names.
    expect(JSON.stringify(overview)).not.toMatch(/Client/);
  });
});

describe('erasing a client', () => {
  it('takes their results, alert events and acknowledgements with them', async () => {
    const clientId = await newClient(nv, 'Erased Client');
    const { sessionId } = await sessionOn(clientId, '2026-06-01', true);
    await measures.recordMeasure({ clientId, sessionId, measureId: 'phq-9', takenOn: '2026-06-01', responses: { item1: 1, item2: 1, item3: 1, item4: 1, item5: 1, item6: 1, item7: 1, item8: 1, item9: 1 } });
    const [alert] = await measures.listAlerts(clientId);
    await measures.acknowledgeAlert({ clientId, alertKey: alert!.key, note: 'Safety plan done' });
    await nv.clients.erase(clientId, 'Erased Client');
    const db = nv.db();
    expect(await db.selectFrom('measure_results').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('alert_acknowledgements').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('alert_events').selectAll().execute()).toEqual([]);
  });
});

describe('risk items', () => {
  it('refuses a PHQ-9 with item 9 blank even though the total could be prorated', async () => {
    const clientId = await newClient(nv);
    const answered = { item1: 1, item2: 1, item3: 1, item4: 1, item5: 1, item6: 1, item7: 1, item8: 1 };
    await expect(measures.recordMeasure({ clientId, sessionId: null, measureId: 'phq-9', takenOn: '2026-06-01', responses: { ...answered, item9: null } })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { 'responses.item9': expect.stringContaining('screens for risk') },
    });
    // Another item blank is prorated (one blank allowed).
    const prorated = await measures.recordMeasure({ clientId, sessionId: null, measureId: 'phq-9', takenOn: '2026-06-01', responses: { ...answered, item1: null, item9: 0 } });
    expect(prorated.total).toBe(7.88);
  });
});
