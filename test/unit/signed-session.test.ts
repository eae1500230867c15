import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listActivity, verifyActivityLog } from '../../electron/services/activity/activity-log';
import { gatherExportData } from '../../electron/services/export/export-data';
import { MeasuresService } from '../../electron/services/measures/measures.service';
import { dataExportSchema } from '../../shared/data-export';
import { addendumHash } from '../../electron/services/notes/note-hash';
import { allianceContent, doc, newClient, openNotesVault, sessionFields, setPractitioner, type NotesVault } from './support/notes-vault';

/**
 * A signed session is fixed as a whole: its details, measure results and goal-progress marks are
 * refused by the service (CONFLICT, pointing to an addendum) and by the database's own triggers, and
 * the honest ways out (late entries, strike-outs, deleting a draft, voiding a signed note) keep a trace.
 */
let nv: NotesVault;
let measures: MeasuresService;
let clientId: string;
let goalId: string;

beforeEach(async () => {
  nv = await openNotesVault();
  measures = new MeasuresService({ db: nv.db, now: () => new Date('2026-06-20T12:00:00Z') });
  await setPractitioner(nv, 'Dr. A. Example', 'PhD');
  clientId = await newClient(nv, 'Synthetic Client');
  goalId = (await nv.plans.addGoal({ clientId, text: 'Sleep through the night', objective: '', dateSet: '2026-01-05', targetDate: null })).goals.at(-1)!.id;
});
afterEach(() => nv.close());

const sac = (goals: number, tasks: number, bond: number) => ({ goals, tasks, bond });

/** A session with a result recorded while its note was a draft, then signed. */
async function signedSession(date = '2026-06-15') {
  const note = await nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId: 'alliance' });
  const content = allianceContent({ bond: doc('Warm and engaged.') }, { goalProgress: [{ goalId, progress: 'some_progress' }] });
  const { revision } = await nv.notes.saveDraft({ noteId: note.id, baseRevision: note.revision, content, processNote: null });
  const result = await measures.recordMeasure({ clientId, sessionId: note.session.id, measureId: 'sac-client', takenOn: date, responses: sac(8, 7, 9) });
  const signed = await nv.notes.sign({ noteId: note.id, baseRevision: revision });
  return { note: signed, result };
}

const raw = (text: string) => sql.raw(text).execute(nv.db());

describe('a signed session is fixed as a whole', () => {
  it('refuses a new result, removing a result and changing the session, pointing to an addendum', async () => {
    const { note, result } = await signedSession();
    await expect(measures.recordMeasure({ clientId, sessionId: note.session.id, measureId: 'sac-clinician', takenOn: '2026-06-15', responses: sac(7, 7, 7) })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('late entry with an addendum'),
    });
    await expect(measures.deleteMeasureResult(result.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Strike it out with an addendum') });
    await expect(nv.notes.updateSession({ noteId: note.id, session: sessionFields({ attendance: 'no_show' }) })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await measures.listResults(clientId)).results.map((r) => r.id)).toEqual([result.id]);
  });

  it('is read-only in the database itself: results, goal marks, the session and the note cannot be changed or deleted', async () => {
    const { note, result } = await signedSession();
    const attempts = [
      `DELETE FROM measure_results WHERE id = '${result.id}'`,
      `UPDATE measure_results SET total = 1 WHERE id = '${result.id}'`,
      `INSERT INTO measure_results (id, client_id, session_id, measure_id, measure_version, taken_on, responses, total, subscales, flags, created_at)
        VALUES ('${crypto.randomUUID()}', '${clientId}', '${note.session.id}', 'sac-client', 1, '2026-06-15', '{}', 3, '{}', '[]', '2026-06-20')`,
      `DELETE FROM note_goal_progress WHERE note_id = '${note.id}'`,
      `UPDATE note_goal_progress SET progress = 'worse' WHERE note_id = '${note.id}'`,
      `INSERT INTO note_goal_progress (note_id, goal_id, progress) VALUES ('${note.id}', '${(await nv.plans.addGoal({ clientId, text: 'Another', objective: '', dateSet: '2026-01-05', targetDate: null })).goals.at(-1)!.id}', 'achieved')`,
      `UPDATE sessions SET attendance = 'no_show' WHERE id = '${note.session.id}'`,
      `DELETE FROM sessions WHERE id = '${note.session.id}'`,
      `DELETE FROM notes WHERE id = '${note.id}'`,
    ];
    for (const attempt of attempts) await expect(raw(attempt), attempt).rejects.toThrow(/signed|changed|deleted|addendum/);
    const withAddendum = await nv.notes.addAddendum({ noteId: note.id, text: doc('Clarification.') });
    await expect(raw(`DELETE FROM note_addenda WHERE id = '${withAddendum.addenda[0]!.id}'`)).rejects.toThrow(/addendum cannot be deleted/);
    expect((await nv.notes.getNote(note.id)).contentHash).toBe(note.contentHash);
  });

  it('still lets a result recorded in error on a draft be removed', async () => {
    const note = await nv.notes.createSession({ clientId, session: sessionFields(), templateId: 'alliance' });
    const result = await measures.recordMeasure({ clientId, sessionId: note.session.id, measureId: 'sac-client', takenOn: '2026-06-15', responses: sac(8, 7, 9) });
    await measures.deleteMeasureResult(result.id);
    expect((await measures.listResults(clientId)).results).toEqual([]);
  });
});

describe('late entries', () => {
  it('enters a result for a signed session only with a signed addendum that names it, dated when entered', async () => {
    const { note } = await signedSession();
    const late = await measures.recordLateEntry({ noteId: note.id, measureId: 'sac-clinician', takenOn: '2026-06-15', responses: sac(6, 5, 4), addendumText: 'Rated on paper in session.' });
    expect(late).toMatchObject({ lateEntry: true, sessionId: note.session.id, noteId: note.id, total: 15, createdAt: '2026-06-20T12:00:00.000Z', struckOut: null });
    const after = await nv.notes.getNote(note.id);
    expect(after.contentHash).toBe(note.contentHash);
    const addendum = after.addenda.at(-1)!;
    expect(addendum.kind).toBe('correction');
    expect(JSON.stringify(addendum.text)).toContain('Late entry: SAC clinician taken on 15 June 2026');
    // The addendum's signature covers the late result's answers: recomputing with them gives its hash.
    expect(
      addendumHash({
        addendumId: addendum.id,
        noteId: note.id,
        noteHash: note.contentHash!,
        text: addendum.text,
        signedAt: addendum.signedAt,
        signer: addendum.signedBy,
        lateEntries: [{ resultId: late.id, measureId: 'sac-clinician', measureVersion: 1, takenOn: '2026-06-15', responses: sac(6, 5, 4) }],
      }),
    ).toBe(addendum.hash);
  });

  it('is refused for a draft (record it as usual) and without a reason', async () => {
    const draft = await nv.notes.createSession({ clientId, session: sessionFields(), templateId: 'alliance' });
    await expect(measures.recordLateEntry({ noteId: draft.id, measureId: 'sac-client', takenOn: '2026-06-15', responses: sac(6, 5, 4), addendumText: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('striking out a result recorded in error', () => {
  it('keeps the result, marks it with the reason, and leaves it out of alerts and the overview', async () => {
    const first = await signedSession('2026-06-01');
    const second = await nv.notes.createSession({ clientId, session: sessionFields({ date: '2026-06-15' }), templateId: 'alliance' });
    const drop = await measures.recordMeasure({ clientId, sessionId: second.session.id, measureId: 'sac-client', takenOn: '2026-06-15', responses: sac(3, 2, 2) });
    await nv.notes.sign({ noteId: second.id, baseRevision: second.revision });
    expect((await measures.listAlerts(clientId)).some((alert) => alert.measureId === 'sac-client')).toBe(true);

    await measures.strikeOutResult({ resultId: drop.id, reason: "Entered another client's form." });
    const results = (await measures.listResults(clientId)).results;
    expect(results.map((r) => [r.id, r.struckOut])).toEqual([
      [first.result.id, null],
      [drop.id, { reason: "Entered another client's form." }],
    ]);
    expect((await measures.listAlerts(clientId)).filter((alert) => alert.measureId === 'sac-client')).toEqual([]);
    const overview = (await measures.practiceOverview()).find((client) => client.clientId === clientId)!;
    expect(overview.alliance?.trend).toEqual([first.result.total]);

    const addendum = (await nv.notes.getNote(second.id)).addenda.at(-1)!;
    expect(JSON.stringify(addendum.text)).toContain('Reason: Entered another');
    await expect(measures.strikeOutResult({ resultId: drop.id, reason: 'Again.' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(raw(`UPDATE measure_results SET struck_reason = 'changed' WHERE id = '${drop.id}'`)).rejects.toThrow(/strike it out/);
  });

  it('is refused for a draft result, which is removed instead', async () => {
    const draft = await nv.notes.createSession({ clientId, session: sessionFields(), templateId: 'alliance' });
    const result = await measures.recordMeasure({ clientId, sessionId: draft.session.id, measureId: 'sac-client', takenOn: '2026-06-15', responses: sac(8, 7, 9) });
    await expect(measures.strikeOutResult({ resultId: result.id, reason: 'Oops.' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('the record after corrections', () => {
  it('verifies intact, and the log names each change by kind, measure and session date (never values)', async () => {
    const { note, result } = await signedSession();
    const late = await measures.recordLateEntry({ noteId: note.id, measureId: 'sac-clinician', takenOn: '2026-06-15', responses: sac(6, 5, 4), addendumText: 'Late.' });
    await measures.strikeOutResult({ resultId: result.id, reason: 'Wrong form.' });
    await nv.notes.voidNote({ noteId: note.id, reason: 'Wrong client.' });
    const verdict = await verifyActivityLog(nv.db());
    expect(verdict).toMatchObject({ intact: true, mismatches: [] });
    const { entries } = await listActivity(nv.db(), { clientId, limit: 10 });
    const measureEntries = entries.filter((entry) => entry.recordType === 'measure').map((entry) => [entry.action, entry.detail]);
    expect(measureEntries).toEqual([
      ['strike', { measure: 'SAC client', sessionDate: '2026-06-15' }],
      ['create', { measure: 'SAC clinician', sessionDate: '2026-06-15' }],
      ['create', { measure: 'SAC client', sessionDate: '2026-06-15' }],
    ]);
    expect(JSON.stringify(entries)).not.toContain('Wrong form');

    // A late entry's answers are covered by its addendum's signature: changed below the app, it is named.
    await raw(`DROP TRIGGER measure_results_strike_only`);
    await raw(`UPDATE measure_results SET responses = '{"goals":9,"tasks":9,"bond":9}' WHERE id = '${late.id}'`);
    const tampered = await verifyActivityLog(nv.db());
    expect(tampered.intact).toBe(false);
    expect(tampered.mismatches).toEqual([expect.objectContaining({ kind: 'addendum', sessionDate: '2026-06-15' })]);
  });
});

describe('open-format export of a corrected record', () => {
  it('keeps voided notes, late entries and struck-out results, each marked, and validates against its schema', async () => {
    const { note, result } = await signedSession();
    const late = await measures.recordLateEntry({ noteId: note.id, measureId: 'sac-clinician', takenOn: '2026-06-15', responses: sac(6, 5, 4), addendumText: 'Late.' });
    await measures.strikeOutResult({ resultId: result.id, reason: 'Wrong form.' });
    await nv.notes.voidNote({ noteId: note.id, reason: 'Wrong client.' });
    const data = dataExportSchema.parse(await gatherExportData(nv.db(), { clientId: null, includeProcessNotes: false, exportedAt: new Date(), appVersion: 'test' }));
    expect(data.notes[0]?.voided).toMatchObject({ reason: 'Wrong client.' });
    expect(data.addenda.map((a) => a.kind).sort()).toEqual(['correction', 'correction', 'void']);
    const addendumSaying = (text: string) => data.addenda.find((a) => a.textMarkdown.includes(text))?.id;
    const byId = new Map(data.measureResults.map((r) => [r.id, r]));
    expect(byId.get(late.id)?.lateEntryAddendumId).toBe(addendumSaying('Late entry'));
    expect(byId.get(result.id)?.struckOut).toEqual({ addendumId: addendumSaying('Struck out'), reason: 'Wrong form.' });
  });
});

describe('undoing a session created by mistake', () => {
  it('deletes a draft with its results and search rows, and logs it', async () => {
    const draft = await nv.notes.createSession({ clientId, session: sessionFields(), templateId: 'alliance' });
    await nv.notes.saveDraft({ noteId: draft.id, baseRevision: 0, content: allianceContent({ plan: doc('Zanzibarian plan.') }), processNote: null });
    await measures.recordMeasure({ clientId, sessionId: draft.session.id, measureId: 'sac-client', takenOn: '2026-06-15', responses: sac(8, 7, 9) });
    await nv.notes.deleteDraftSession({ noteId: draft.id });
    expect(await nv.notes.listSessions(clientId)).toEqual([]);
    expect((await measures.listResults(clientId)).results).toEqual([]);
    expect(await nv.notes.search({ query: 'Zanzibarian', clientId: null, from: null, to: null, templateId: null, status: null, ruptureOnly: false, limit: 30 })).toEqual([]);
    const { entries } = await listActivity(nv.db(), { clientId, limit: 5 });
    expect(entries[0]).toMatchObject({ action: 'delete', recordType: 'session', recordId: draft.session.id });
  });

  it('refuses to delete a signed note, which is voided with a reason instead', async () => {
    const { note, result } = await signedSession();
    await expect(nv.notes.deleteDraftSession({ noteId: note.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Void the note') });
    const voided = await nv.notes.voidNote({ noteId: note.id, reason: 'Opened for the wrong client.' });
    expect(voided.voided).toEqual({ at: expect.any(String), reason: 'Opened for the wrong client.' });
    expect(voided.contentHash).toBe(note.contentHash);
    expect(voided.addenda.at(-1)).toMatchObject({ kind: 'void' });
    const [summary] = await nv.notes.listSessions(clientId);
    expect(summary?.voided?.reason).toBe('Opened for the wrong client.');
    const stored = (await measures.listResults(clientId)).results.find((r) => r.id === result.id);
    expect(stored?.sessionVoided).toBe(true);
    const overview = (await measures.practiceOverview()).find((client) => client.clientId === clientId)!;
    expect(overview).toMatchObject({ sessionCount: 0, lastSessionDate: null, alliance: null });
    expect((await nv.clients.get(clientId)).lastSessionDate).toBeNull();
    await expect(nv.notes.addAddendum({ noteId: note.id, text: doc('More.') })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('voided') });
    await expect(nv.notes.voidNote({ noteId: note.id, reason: 'Twice.' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const { entries } = await listActivity(nv.db(), { clientId, limit: 1 });
    expect(entries[0]).toMatchObject({ action: 'void', recordType: 'addendum' });
  });

  it('still lets the whole client be erased, signed sessions, addenda, late entries and struck-out results included', async () => {
    const { note, result } = await signedSession();
    await measures.recordLateEntry({ noteId: note.id, measureId: 'sac-clinician', takenOn: '2026-06-15', responses: sac(6, 5, 4), addendumText: 'Late.' });
    await measures.strikeOutResult({ resultId: result.id, reason: 'Wrong form.' });
    const other = await signedSession('2026-06-16');
    await nv.notes.voidNote({ noteId: other.note.id, reason: 'Duplicate.' });
    await nv.clients.erase(clientId, 'Synthetic Client');
    for (const table of ['sessions', 'notes', 'note_addenda', 'measure_results', 'note_goal_progress']) {
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(nv.db());
      expect(rows[0]?.n, table).toBe(0);
    }
  });
});
