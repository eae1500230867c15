import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngagementService } from '../../electron/services/engagement/engagement.service';
import { MeasuresService } from '../../electron/services/measures/measures.service';
import { writeSettings } from '../../electron/services/database/settings.repository';
import { DEFAULT_ENGAGEMENT_SETTINGS } from '../../shared/engagement';
import type { NoteContent } from '../../shared/notes';
import type { Dialogs } from '../../electron/services/dialogs';
import { everyClient } from './support/client-vault';
import { newClient, openNotesVault, sessionFields, type NotesVault } from './support/notes-vault';

/** The engagement flag, last seen and follow-up against a real vault, through the services the app uses. */

const noDialogs: Dialogs = {
  chooseSavePath: async () => null,
  chooseFolder: async () => null,
  chooseOpenPath: async () => null,
  showInFolder: async () => undefined,
};

let nv: NotesVault;
let now: Date;
let engagement: EngagementService;
let measures: MeasuresService;
let clientId: string;

const at = (isoDay: string) => {
  now = new Date(`${isoDay}T12:00:00`);
  nv.setNow(now);
};
const flag = async () => (await measures.listAlerts(clientId)).find((alert) => alert.kind === 'engagement') ?? null;
const attend = (date: string) => nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId: 'alliance' });

beforeEach(async () => {
  nv = await openNotesVault();
  now = new Date('2026-06-15T12:00:00');
  const clock = () => now;
  engagement = new EngagementService({ db: nv.db, now: clock, dialogs: noDialogs });
  measures = new MeasuresService({ db: nv.db, now: clock });
  clientId = await newClient(nv, 'Engagement Example');
  at('2026-06-15');
});

afterEach(async () => {
  await nv.close();
});

describe('missed sessions', () => {
  it('are recorded without a note, so nothing waits for a signature, and two in a row raise the flag', async () => {
    at('2026-06-01');
    await attend('2026-06-01');
    at('2026-06-15');
    await engagement.recordMissed({ clientId, date: '2026-06-08', startTime: '10:00', kind: 'no_show', remark: '', appointmentId: null });
    expect(await flag()).toBeNull();
    await engagement.recordMissed({ clientId, date: '2026-06-12', startTime: null, kind: 'late_cancellation', remark: 'Unwell', appointmentId: null });

    expect((await nv.notes.listSessions(clientId)).map((s) => s.session.date)).toEqual(['2026-06-01']);
    at('2026-06-30');
    expect((await nv.notes.listUnsigned()).map((n) => n.sessionDate)).toEqual(['2026-06-01']);
    const raised = await flag();
    expect(raised?.reason).toContain('2 missed sessions in a row: a no-show on 8 June 2026 and a late cancellation on 12 June 2026.');
    expect(raised?.acknowledged).toBeNull();
  });

  it('stays acknowledged while the same reasons hold, and is raised again by a new kind of reason', async () => {
    await attend('2026-06-01');
    await engagement.setPlan({ clientId, frequency: 'weekly', everyDays: null, agreedOn: '2026-06-01' });
    await engagement.recordMissed({ clientId, date: '2026-06-05', startTime: null, kind: 'no_show', remark: '', appointmentId: null });
    await engagement.recordMissed({ clientId, date: '2026-06-08', startTime: null, kind: 'no_show', remark: '', appointmentId: null });
    // 1 June + 7 + 7 days' grace = 15 June: not yet overdue.
    const first = await flag();
    expect(first?.reason.split('\n')).toHaveLength(1);
    await measures.acknowledgeAlert({ clientId, alertKey: first!.key, note: 'Called; will come next week.' });
    await engagement.recordMissed({ clientId, date: '2026-06-12', startTime: null, kind: 'no_show', remark: '', appointmentId: null });
    expect((await flag())?.acknowledged?.note).toBe('Called; will come next week.');
    expect((await flag())?.reason).toMatch(/^3 missed sessions in a row/);

    // The next day, with no write at all, the client is overdue too: a new kind of reason opens it again.
    at('2026-06-16');
    const again = await flag();
    expect(again?.acknowledged).toBeNull();
    expect(again?.reason.split('\n')).toEqual([
      '3 missed sessions in a row: a no-show on 5 June 2026, a no-show on 8 June 2026 and a no-show on 12 June 2026.',
      'Overdue since 16 June 2026: last seen 1 June 2026, with weekly sessions agreed and 7 days’ grace.',
    ]);
  });

  it('lowers the flag when the client attends again, and follows the thresholds in Settings', async () => {
    await engagement.recordMissed({ clientId, date: '2026-06-05', startTime: null, kind: 'no_show', remark: '', appointmentId: null });
    expect(await flag()).toBeNull();
    await writeSettings(nv.db(), { engagement: { ...DEFAULT_ENGAGEMENT_SETTINGS, missedInARow: 1 } });
    expect((await flag())?.reason).toMatch(/^1 missed sessions in a row/);
    await attend('2026-06-12');
    expect(await flag()).toBeNull();
  });
});

describe('what the notes say', () => {
  it('flags homework reviewed as not done twice running and an unrepaired rupture, and lowers each when the notes change', async () => {
    const write = async (date: string, change: (content: NoteContent) => NoteContent) => {
      const note = await attend(date);
      return nv.notes.saveDraft({ noteId: note.id, baseRevision: note.revision, content: change(note.content), processNote: null }).then(() => note.id);
    };
    await write('2026-06-01', (c) => ({ ...c, homeworkReview: [{ text: 'Sleep diary', done: false }] }));
    const second = await write('2026-06-08', (c) => ({ ...c, homeworkReview: [{ text: 'Sleep diary', done: false }], rupture: { noted: true, description: 'Went quiet' } }));
    const raised = await flag();
    expect(raised?.reason.split('\n')).toEqual([
      'Homework reviewed as not done at the last 2 sessions (1 June 2026 and 8 June 2026).',
      'An alliance alert is still open: the latest, Session note, from 8 June 2026.',
      'A rupture was flagged on 8 June 2026 and no repair has been noted since.',
    ]);
    const note = await nv.notes.getNote(second);
    await nv.notes.saveDraft({
      noteId: second,
      baseRevision: note.revision,
      content: { ...note.content, homeworkReview: [{ text: 'Sleep diary', done: true }], rupture: { noted: true, description: 'Went quiet', repaired: true } },
      processNote: null,
    });
    expect((await flag())?.reason).toBe('An alliance alert is still open: the latest, Session note, from 8 June 2026.');
  });
});

describe('last seen', () => {
  it('is the last attended session, on the client, in the list and on the dashboard', async () => {
    await attend('2026-06-01');
    await nv.notes.createSession({ clientId, session: sessionFields({ date: '2026-06-10', attendance: 'no_show' }), templateId: 'alliance' });
    expect((await nv.clients.get(clientId)).lastSessionDate).toBe('2026-06-01');
    expect((await nv.clients.list(everyClient)).clients[0]?.lastSessionDate).toBe('2026-06-01');
    expect((await measures.practiceOverview())[0]?.lastSessionDate).toBe('2026-06-01');
    // The no-show's draft does not wait for a signature either.
    at('2026-06-30');
    expect((await nv.notes.listUnsigned()).map((n) => n.sessionDate)).toEqual(['2026-06-01']);
  });
});

describe('follow-up', () => {
  it('lists clients past their frequency plus grace, longest first, and never "as needed" ones', async () => {
    const other = await newClient(nv, 'Second Example');
    await attend('2026-05-20');
    await engagement.setPlan({ clientId, frequency: 'fortnightly', everyDays: null, agreedOn: '2026-05-01' });
    await engagement.setPlan({ clientId: other, frequency: 'as_needed', everyDays: null, agreedOn: '2026-01-01' });
    // 20 May + 14 + 7 = 10 June.
    expect(await engagement.overdue()).toEqual([expect.objectContaining({ clientId, frequency: 'fortnightly', lastSeen: '2026-05-20', daysOverdue: 5 })]);
    await writeSettings(nv.db(), { engagement: { ...DEFAULT_ENGAGEMENT_SETTINGS, graceDays: 12 } });
    expect(await engagement.overdue()).toEqual([]);
  });

  it('refuses a plan, an appointment or a contact with a field message and saves nothing', async () => {
    await expect(engagement.setPlan({ clientId, frequency: 'every_n_days', everyDays: null, agreedOn: '2026-06-01' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { everyDays: 'Enter how many days apart sessions are.' },
    });
    expect(await engagement.plan(clientId)).toBeNull();
    await expect(engagement.addContact({ clientId, date: '2026-06-16', startTime: null, kind: 'phone', direction: 'to_client', professional: '', note: '' })).rejects.toMatchObject({
      fieldErrors: { date: 'A contact cannot be in the future.' },
    });
    expect(await engagement.contacts(clientId)).toEqual([]);
  });

  it('starts a session from an appointment once, and the agenda shows it held', async () => {
    const [appointment] = await engagement.addAppointments({ clientId, date: '2026-06-15', startTime: '14:30', durationMinutes: 50, place: 'video', repeat: { every: 'weekly', count: 3 } });
    const note = await nv.notes.createSession({ clientId, session: sessionFields({ date: '2026-06-15', startTime: '14:30', modality: 'video' }), templateId: 'alliance', appointmentId: appointment!.id });
    const agenda = await engagement.agenda({ from: '2026-06-15', to: '2026-06-29' });
    expect(agenda.map((item) => [item.date, item.sessionId !== null, item.clientCode !== ''])).toEqual([
      ['2026-06-15', true, true],
      ['2026-06-22', false, true],
      ['2026-06-29', false, true],
    ]);
    expect(agenda[0]?.sessionId).toBe(note.session.id);
    await expect(engagement.recordMissed({ clientId, date: '2026-06-15', startTime: null, kind: 'no_show', remark: '', appointmentId: appointment!.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Removing "this and later" from the second leaves the held first one.
    expect(await engagement.removeAppointment({ id: agenda[1]!.id, andLaterInSeries: true })).toEqual({ removed: 2 });
    expect((await engagement.appointments(clientId)).map((a) => a.date)).toEqual(['2026-06-15']);
  });
});

describe('the flag and the calendar', () => {
  it('a new day refreshes only the clients who crossed into overdue, and pausing a client lowers their flag', async () => {
    const other = await newClient(nv, 'Paused Example');
    await attend('2026-06-01');
    await nv.notes.createSession({ clientId: other, session: sessionFields({ date: '2026-06-01' }), templateId: 'alliance' });
    await engagement.setPlan({ clientId, frequency: 'weekly', everyDays: null, agreedOn: '2026-06-01' });
    await engagement.setPlan({ clientId: other, frequency: 'weekly', everyDays: null, agreedOn: '2026-06-01' });
    expect(await flag()).toBeNull();
    at('2026-06-16');
    expect((await flag())?.reason).toBe('Overdue since 16 June 2026: last seen 1 June 2026, with weekly sessions agreed and 7 days’ grace.');
    const overview = async () => (await measures.practiceOverview()).map((row) => [row.clientId, row.alerts.map((alert) => alert.measureName)]);
    expect(await overview()).toEqual(expect.arrayContaining([[other, ['Engagement']]]));
    // The wording holds from day to day: nothing to rewrite while the client stays overdue.
    at('2026-06-20');
    expect((await flag())?.reason).toMatch(/^Overdue since 16 June 2026/);
    await nv.clients.setStatus(other, 'paused', null, '');
    expect((await measures.listAlerts(other)).filter((alert) => alert.kind === 'engagement')).toEqual([]);
  });
});
