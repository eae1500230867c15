import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listActivity } from '../../electron/services/activity/activity-log';
import { noteHash } from '../../electron/services/notes/note-hash';
import type { Note } from '../../shared/notes';
import { testNow } from './support/client-vault';
import { allianceContent, doc, newClient, openNotesVault, sessionFields, setPractitioner, withTasks, type NotesVault } from './support/notes-vault';

let nv: NotesVault;
let clientId: string;

beforeEach(async () => {
  nv = await openNotesVault();
  clientId = await newClient(nv, 'Ada Lovelace');
  await setPractitioner(nv, 'Dr. A. Example', 'PhD');
});
afterEach(async () => {
  await nv.close();
});

const newNote = (date = '2026-06-15', templateId = 'alliance') => nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId });

const sessionFieldsOnly = ({ id: _id, clientId: _clientId, ...fields }: Note['session']) => fields;

/** Recomputes a signed note's hash from what getNote returns, as a reader of an export could. */
const rederivedHash = (note: Note): string =>
  noteHash({
    noteId: note.id,
    clientId: note.clientId,
    session: sessionFieldsOnly(note.session),
    template: { id: note.template.id, version: note.template.version },
    content: note.content,
    signedAt: note.signedAt ?? '',
    signer: note.signedBy ?? { name: '', credentials: '' },
  });

describe('sessions and drafts', () => {
  it('starts a draft with every section of its template empty, and logs the session', async () => {
    const note = await newNote();
    expect(note).toMatchObject({ status: 'draft', revision: 0, clientId, template: { id: 'alliance', version: 1 }, signedAt: null, contentHash: null });
    expect(Object.keys(note.content.sections)).toEqual(['goals', 'tasks', 'bond', 'risk', 'plan']);
    expect(note.session).toMatchObject({ date: '2026-06-15', startTime: '10:00', modality: 'in_person', attendance: 'attended' });
    const { entries } = await listActivity(nv.db(), { clientId, limit: 5 });
    expect(entries[0]).toMatchObject({ action: 'create', recordType: 'session', recordId: note.session.id });
  });

  it('refuses an unknown client or template', async () => {
    await expect(nv.notes.createSession({ clientId: crypto.randomUUID(), session: sessionFields(), templateId: 'alliance' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(newNote('2026-06-15', 'nope')).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { templateId: expect.any(String) } });
  });

  it('autosaves a draft and reads it back after reopening the vault, revision by revision', async () => {
    const note = await newNote();
    const content = allianceContent({ bond: doc('Warm, engaged; laughed twice.') }, { rupture: { noted: true, description: 'Went quiet about work' } });
    expect(await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content, processNote: doc('My own reflection') })).toMatchObject({ revision: 1 });
    const second = { ...content, sections: { ...content.sections, plan: doc('Next week, same time.') } };
    expect((await nv.notes.saveDraft({ noteId: note.id, baseRevision: 1, content: second, processNote: null })).revision).toBe(2);
    nv.vault.lock('user');
    await nv.vault.unlock('maple orbit lantern quietly 47');
    const read = await nv.notes.getNote(note.id);
    expect(read.revision).toBe(2);
    expect(read.content).toEqual(second);
    expect(read.processNote).toBeNull();
    // Autosave is not an audited event: only the session's creation is in the log.
    const { entries } = await listActivity(nv.db(), { clientId, limit: 10 });
    expect(entries.filter((e) => e.recordType !== 'client').map((e) => e.action)).toEqual(['create']);
  });

  it('refuses a save that did not start from the stored revision (CONFLICT) and keeps the newer text', async () => {
    const note = await newNote();
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: allianceContent({ plan: doc('newer') }), processNote: null });
    await expect(nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: allianceContent({ plan: doc('older') }), processNote: null })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await nv.notes.getNote(note.id)).content.sections.plan).toEqual(doc('newer'));
  });

  it('refuses sections the template does not have and goals of another client', async () => {
    const note = await newNote();
    const other = await newClient(nv, 'Other Person');
    const otherGoal = (await nv.plans.addGoal({ clientId: other, text: 'Not yours', objective: '', dateSet: '2026-06-01', targetDate: null })).goals[0]!;
    await expect(
      nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: { ...allianceContent({}), sections: { subjective: doc('x') } }, processNote: null }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { 'sections.subjective': expect.any(String) } });
    await expect(
      nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: allianceContent({}, { goalProgress: [{ goalId: otherGoal.id, progress: 'achieved' }] }), processNote: null }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { goalProgress: expect.any(String) } });
    expect((await nv.notes.getNote(note.id)).revision).toBe(0);
  });

  it('corrects session details of a draft only', async () => {
    const note = await newNote();
    const updated = await nv.notes.updateSession({ noteId: note.id, session: sessionFields({ attendance: 'no_show', modality: 'video' }) });
    expect(updated.session).toMatchObject({ attendance: 'no_show', modality: 'video' });
    await nv.notes.sign({ noteId: note.id, baseRevision: 0 });
    await expect(nv.notes.updateSession({ noteId: note.id, session: sessionFields() })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(sql`UPDATE sessions SET service_code = 'X' WHERE id = ${note.session.id}`.execute(nv.db())).rejects.toThrow(/signed/);
  });

  it('lists the client timeline newest first with status, rupture and risk', async () => {
    const older = await newNote('2026-05-01');
    const newer = await newNote('2026-06-01');
    await nv.notes.saveDraft({
      noteId: newer.id,
      baseRevision: 0,
      content: allianceContent({}, { rupture: { noted: true, description: 'x' }, risk: { level: 'low', action: '' } }),
      processNote: null,
    });
    await nv.notes.sign({ noteId: older.id, baseRevision: 0 });
    const sessions = await nv.notes.listSessions(clientId);
    expect(sessions.map((s) => [s.noteId, s.status, s.ruptureNoted, s.riskLevel])).toEqual([
      [newer.id, 'draft', true, 'low'],
      [older.id, 'signed', false, null],
    ]);
    expect(sessions[0]!.templateName).toBe('Working alliance (goals, tasks, bond)');
  });
});

describe('signing', () => {
  it('makes the note read-only: the service answers CONFLICT and the database refuses a raw UPDATE', async () => {
    const note = await newNote();
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: allianceContent({ plan: doc('Plan A') }), processNote: null });
    const signed = await nv.notes.sign({ noteId: note.id, baseRevision: 1 });
    expect(signed).toMatchObject({ status: 'signed', signedBy: { name: 'Dr. A. Example', credentials: 'PhD' }, signedAt: testNow().toISOString() });
    expect(signed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(nv.notes.saveDraft({ noteId: note.id, baseRevision: 1, content: allianceContent({ plan: doc('Plan B') }), processNote: null })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This note is signed; add an addendum instead.',
    });
    await expect(sql`UPDATE notes SET content = '{}' WHERE id = ${note.id}`.execute(nv.db())).rejects.toThrow(/signed note cannot be changed/);
    await expect(nv.notes.sign({ noteId: note.id, baseRevision: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await nv.notes.getNote(note.id)).content.sections.plan).toEqual(doc('Plan A'));
    const { entries } = await listActivity(nv.db(), { clientId, limit: 1 });
    expect(entries[0]).toMatchObject({ action: 'sign', recordType: 'note', recordId: note.id });
  });

  it('needs the practitioner name from Settings', async () => {
    await setPractitioner(nv, '   ');
    const note = await newNote();
    await expect(nv.notes.sign({ noteId: note.id, baseRevision: 0 })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { practitionerName: 'Add your name in Settings before signing.' },
    });
    expect((await nv.notes.getNote(note.id)).status).toBe('draft');
  });

  it('refuses a high risk level without the action taken, and signs once the action is written', async () => {
    const note = await newNote();
    const risky = allianceContent({ risk: doc('Passive ideation, no plan.') }, { risk: { level: 'high', action: '  ' } });
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: risky, processNote: null });
    await expect(nv.notes.sign({ noteId: note.id, baseRevision: 1 })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { 'risk.action': 'A high risk level needs the action taken before the note can be signed.' },
    });
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 1, content: { ...risky, risk: { level: 'high', action: 'Safety plan made; crisis line given.' } }, processNote: null });
    expect((await nv.notes.sign({ noteId: note.id, baseRevision: 2 })).status).toBe('signed');
  });

  it('refuses to sign a revision other than the saved one', async () => {
    const note = await newNote();
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: allianceContent({ plan: doc('x') }), processNote: null });
    await expect(nv.notes.sign({ noteId: note.id, baseRevision: 0 })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('stores a hash that can be re-derived, is the same for the same content and differs for any change', async () => {
    const content = allianceContent({ bond: doc('Steady.'), plan: doc('Review in two weeks.') });
    const sign = async (c = content, session = sessionFields()) => {
      const note = await nv.notes.createSession({ clientId, session, templateId: 'alliance' });
      await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: c, processNote: doc('private, not hashed') });
      return nv.notes.sign({ noteId: note.id, baseRevision: 1 });
    };
    const a = await sign();
    expect(rederivedHash(a)).toBe(a.contentHash);
    // Same content, same note identity → same hash, whatever the key order of the JSON sent.
    const reordered = JSON.parse(JSON.stringify({ risk: content.risk, rupture: content.rupture, homeworkReview: [], goalProgress: [], sections: content.sections }));
    expect(rederivedHash({ ...a, content: reordered })).toBe(a.contentHash);
    expect(rederivedHash({ ...a, content: allianceContent({ bond: doc('Steady!'), plan: doc('Review in two weeks.') }) })).not.toBe(a.contentHash);
    expect(rederivedHash({ ...a, session: { ...a.session, date: '2026-06-14' } })).not.toBe(a.contentHash);
    expect(rederivedHash({ ...a, signedBy: { name: 'Someone Else', credentials: 'PhD' } })).not.toBe(a.contentHash);
    const b = await sign();
    expect(b.contentHash).not.toBe(a.contentHash); // another note (its own id) with the same words
    expect(rederivedHash({ ...b, id: a.id, session: { ...b.session } })).not.toBe(b.contentHash);
  });
});

describe('addenda', () => {
  it('appends a dated, signed addendum and never changes the original or its hash', async () => {
    const note = await newNote();
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: allianceContent({ plan: doc('Original plan') }), processNote: null });
    const signed = await nv.notes.sign({ noteId: note.id, baseRevision: 1 });
    nv.setNow(new Date(2026, 5, 16, 9, 0, 0));
    const amended = await nv.notes.addAddendum({ noteId: note.id, text: doc('Correction: the next session is on Thursday.') });
    expect(amended.addenda).toHaveLength(1);
    expect(amended.addenda[0]).toMatchObject({ signedBy: { name: 'Dr. A. Example', credentials: 'PhD' }, signedAt: new Date(2026, 5, 16, 9, 0, 0).toISOString() });
    expect(amended.addenda[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(amended.contentHash).toBe(signed.contentHash);
    expect(amended.content).toEqual(signed.content);
    expect(rederivedHash(amended)).toBe(signed.contentHash);
    const twice = await nv.notes.addAddendum({ noteId: note.id, text: doc('Second correction.') });
    expect(twice.addenda.map((a) => a.text)).toEqual([doc('Correction: the next session is on Thursday.'), doc('Second correction.')]);
    const { entries } = await listActivity(nv.db(), { clientId, limit: 1 });
    expect(entries[0]).toMatchObject({ action: 'create', recordType: 'addendum', recordId: twice.addenda[1]!.id });
  });

  it('is only for signed notes and needs text', async () => {
    const note = await newNote();
    await expect(nv.notes.addAddendum({ noteId: note.id, text: doc('x') })).rejects.toMatchObject({ code: 'CONFLICT' });
    await nv.notes.sign({ noteId: note.id, baseRevision: 0 });
    await expect(nv.notes.addAddendum({ noteId: note.id, text: doc('   ') })).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { text: expect.any(String) } });
  });
});

describe('templates', () => {
  it('lists the built-ins and refuses to change them', async () => {
    const { id } = (await nv.notes.listTemplates())[0]!;
    expect((await nv.notes.listTemplates()).map((t) => t.id)).toEqual(['alliance', 'soap', 'dap', 'birp', 'free', 'medication']);
    await expect(nv.notes.saveTemplate({ id, name: 'Mine', sections: [{ key: 'a', label: 'A', prompt: '', kind: 'richText' }] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Built-in templates cannot be changed; make a copy.',
    });
  });

  it('keeps the template version a note was written with after the template is edited', async () => {
    const soap = (await nv.notes.listTemplates()).find((t) => t.id === 'soap')!;
    const copy = await nv.notes.saveTemplate({ id: null, name: 'My SOAP', sections: soap.sections });
    expect(copy).toMatchObject({ version: 1, builtIn: false });
    const written = await nv.notes.createSession({ clientId, session: sessionFields(), templateId: copy.id });
    const edited = await nv.notes.saveTemplate({ id: copy.id, name: 'My SOAP', sections: [...soap.sections, { key: 'risk', label: 'Risk', prompt: 'Screening', kind: 'risk' }] });
    expect(edited.version).toBe(2);
    expect((await nv.notes.listTemplates()).filter((t) => t.id === copy.id)).toEqual([edited]);

    const old = await nv.notes.getNote(written.id);
    expect(old.template).toEqual(copy);
    expect(Object.keys(old.content.sections)).toEqual(['subjective', 'objective', 'assessment', 'plan']);
    await expect(
      nv.notes.saveDraft({ noteId: old.id, baseRevision: 0, content: { ...old.content, sections: { ...old.content.sections, risk: doc('x') } }, processNote: null }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    const fresh = await nv.notes.createSession({ clientId, session: sessionFields({ date: '2026-06-16' }), templateId: copy.id });
    expect(fresh.template.version).toBe(2);
    expect(Object.keys(fresh.content.sections)).toContain('risk');
  });
});

describe('homework carry-forward', () => {
  it("pre-fills the review with the previous session's task items, unticked", async () => {
    const first = await newNote('2026-06-01');
    await nv.notes.saveDraft({
      noteId: first.id,
      baseRevision: 0,
      content: allianceContent({ tasks: withTasks('Practised breathing.', ['Breathing 5 min daily', 'Mood diary']) }),
      processNote: null,
    });
    const later = await newNote('2026-06-08');
    expect(later.content.homeworkReview).toEqual([
      { text: 'Breathing 5 min daily', done: false },
      { text: 'Mood diary', done: false },
    ]);
    // A session back-dated before the first one has no previous homework.
    expect((await newNote('2026-05-20')).content.homeworkReview).toEqual([]);
  });
});

describe('goals referred to by notes', () => {
  it('cannot be deleted but can be discontinued', async () => {
    const goal = (await nv.plans.addGoal({ clientId, text: 'Sleep through the night', objective: '', dateSet: '2026-06-01', targetDate: null })).goals[0]!;
    expect(goal.deletable).toBe(true);
    const note = await newNote();
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: allianceContent({}, { goalProgress: [{ goalId: goal.id, progress: 'some_progress' }] }), processNote: null });
    expect((await nv.clients.get(clientId)).goals[0]!.deletable).toBe(false);
    await expect(nv.plans.deleteGoal(goal.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const client = await nv.plans.changeGoalStatus({ goalId: goal.id, status: 'discontinued', date: '2026-06-15' });
    expect(client.goals[0]!.status).toBe('discontinued');
  });
});

describe('needs signing', () => {
  it('lists drafts more than three days old, oldest first, with the client code', async () => {
    const code = (await nv.clients.get(clientId)).code;
    const old = await newNote('2026-06-01');
    const older = await newNote('2026-05-20');
    await newNote('2026-06-12'); // exactly three days: not yet
    const signedOld = await newNote('2026-05-01');
    await nv.notes.sign({ noteId: signedOld.id, baseRevision: 0 });
    expect(await nv.notes.listUnsigned()).toEqual([
      { noteId: older.id, clientId, clientCode: code, sessionDate: '2026-05-20', daysOld: 26 },
      { noteId: old.id, clientId, clientCode: code, sessionDate: '2026-06-01', daysOld: 14 },
    ]);
  });
});
