import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGAGEMENT_SETTINGS } from '../../shared/engagement';
import { engagementEvent, engagementReasons, type AttendanceEntry, type EngagementFacts, type EngagementNote } from '../../shared/engagement-flag';
import { appointmentDates, appointmentProblems, contactProblems, daysOverdue, followUpPlanProblems, frequencyDays, missedProblems } from '../../shared/engagement-rules';

const TODAY = '2026-06-15';
const attended = (date: string, sessionId = `s-${date}`): AttendanceEntry => ({ date, startTime: '10:00', kind: 'attended', sessionId, noteId: `n-${date}` });
const noShow = (date: string): AttendanceEntry => ({ date, startTime: '10:00', kind: 'no_show', sessionId: null, noteId: null });
const lateCancel = (date: string): AttendanceEntry => ({ date, startTime: null, kind: 'late_cancellation', sessionId: null, noteId: null });
const note = (date: string, over: Partial<EngagementNote> = {}): EngagementNote => ({ sessionId: `s-${date}`, noteId: `n-${date}`, date, homeworkDone: [], ruptureNoted: false, repaired: false, ...over });
const facts = (over: Partial<EngagementFacts> = {}): EngagementFacts => ({ attendance: [], plan: null, notes: [], openAllianceAlerts: [], ...over });
const kinds = (f: EngagementFacts, today = TODAY, settings = DEFAULT_ENGAGEMENT_SETTINGS) => engagementReasons(f, settings, today).map((reason) => reason.kind);

describe('agreed frequency and overdue', () => {
  it('allows 7, 14 and 31 days, N days for every N days, and never makes "as needed" overdue', () => {
    expect([frequencyDays('weekly', null), frequencyDays('fortnightly', null), frequencyDays('monthly', null), frequencyDays('every_n_days', 10), frequencyDays('as_needed', null)]).toEqual([7, 14, 31, 10, null]);
  });

  it('is overdue only after the frequency plus grace have passed since the last attended session', () => {
    const weekly = { frequency: 'weekly' as const, everyDays: null, agreedOn: '2026-01-01' };
    // Last seen 1 June: 7 days + 7 grace = due by 15 June; 15 June is not yet overdue, 16 June is by one day.
    expect(daysOverdue(weekly, '2026-06-01', 7, '2026-06-15')).toBeNull();
    expect(daysOverdue(weekly, '2026-06-01', 7, '2026-06-16')).toBe(1);
    expect(daysOverdue(weekly, '2026-06-01', 0, '2026-06-16')).toBe(8);
    expect(daysOverdue({ ...weekly, frequency: 'as_needed' }, '2020-01-01', 0, TODAY)).toBeNull();
  });

  it('counts from a new agreement when it is later than the last session, and from the agreement when never seen', () => {
    const fortnightly = { frequency: 'fortnightly' as const, everyDays: null, agreedOn: '2026-06-10' };
    expect(daysOverdue(fortnightly, '2026-05-01', 0, '2026-06-24')).toBeNull();
    expect(daysOverdue(fortnightly, '2026-05-01', 0, '2026-06-25')).toBe(1);
    expect(daysOverdue(fortnightly, null, 0, '2026-06-25')).toBe(1);
  });
});

describe('the engagement flag', () => {
  it('is raised by two missed sessions in a row and not by one, and an attended session ends the run', () => {
    expect(kinds(facts({ attendance: [attended('2026-06-01'), noShow('2026-06-08')] }))).toEqual([]);
    const two = facts({ attendance: [attended('2026-06-01'), noShow('2026-06-08'), lateCancel('2026-06-12')] });
    expect(kinds(two)).toEqual(['missed-run']);
    expect(engagementReasons(two, DEFAULT_ENGAGEMENT_SETTINGS, TODAY)[0]?.text).toBe(
      '2 missed sessions in a row: a no-show on 8 June 2026 and a late cancellation on 12 June 2026.',
    );
    expect(kinds(facts({ attendance: [noShow('2026-06-01'), noShow('2026-06-08'), attended('2026-06-12')] }))).toEqual([]);
    expect(kinds(two, TODAY, { ...DEFAULT_ENGAGEMENT_SETTINGS, missedInARow: 3 })).toEqual([]);
  });

  it('names the gap beyond the agreed frequency with the last session and the grace', () => {
    const f = facts({ attendance: [attended('2026-05-20')], plan: { frequency: 'weekly', everyDays: null, agreedOn: '2026-01-05' } });
    // 20 May + 7 + 7 = 3 June, the last day in time; 4 June is the first day overdue, and stays the wording.
    expect(engagementReasons(f, DEFAULT_ENGAGEMENT_SETTINGS, TODAY)).toEqual([
      { kind: 'overdue', text: 'Overdue since 4 June 2026: last seen 20 May 2026, with weekly sessions agreed and 7 days’ grace.', date: '2026-06-04' },
    ]);
    expect(kinds(f, '2026-06-03')).toEqual([]);
    expect(kinds(f, '2026-06-04')).toEqual(['overdue']);
  });

  it('counts homework reviewed as not done only when the latest two notes both reviewed it and none was done', () => {
    const notDone = note('2026-06-01', { homeworkDone: [false, false] });
    const alsoNotDone = note('2026-06-08', { homeworkDone: [false] });
    expect(kinds(facts({ notes: [notDone, alsoNotDone] }))).toEqual(['homework']);
    expect(kinds(facts({ notes: [notDone, note('2026-06-08', { homeworkDone: [false, true] })] }))).toEqual([]);
    // A session with no homework to review breaks the run.
    expect(kinds(facts({ notes: [notDone, alsoNotDone, note('2026-06-12')] }))).toEqual([]);
    expect(kinds(facts({ notes: [alsoNotDone] }))).toEqual([]);
  });

  it('counts any open alliance alert', () => {
    const f = facts({ openAllianceAlerts: [{ measureName: 'SAC (client)', date: '2026-06-01' }, { measureName: 'Session note', date: '2026-06-08' }] });
    expect(engagementReasons(f, DEFAULT_ENGAGEMENT_SETTINGS, TODAY)[0]?.text).toBe('2 alliance alerts are still open: the latest, Session note, from 8 June 2026.');
  });

  it('counts a rupture in the last three notes until a repair is noted in that note or a later one', () => {
    const rupture = note('2026-06-01', { ruptureNoted: true });
    expect(kinds(facts({ notes: [rupture, note('2026-06-08')] }))).toEqual(['rupture']);
    expect(kinds(facts({ notes: [rupture, note('2026-06-08', { repaired: true })] }))).toEqual([]);
    expect(kinds(facts({ notes: [note('2026-05-20', { ruptureNoted: true, repaired: true })] }))).toEqual([]);
    // Three later notes push it out of the window.
    expect(kinds(facts({ notes: [rupture, note('2026-06-02'), note('2026-06-03'), note('2026-06-04')] }))).toEqual([]);
  });

  it('is one event explaining every reason, keyed by the last attended session and the kinds of reason', () => {
    const f = facts({
      attendance: [attended('2026-05-20', 'a1'), noShow('2026-06-03'), noShow('2026-06-10')],
      plan: { frequency: 'weekly', everyDays: null, agreedOn: '2026-01-05' },
    });
    const event = engagementEvent(f, DEFAULT_ENGAGEMENT_SETTINGS, TODAY);
    expect(event).toMatchObject({ key: 'engagement|engagement|a1|missed-run,overdue', kind: 'engagement', severity: 'warning', measureName: 'Engagement' });
    expect(event?.reason.split('\n')).toHaveLength(2);
    expect(engagementEvent(facts(), DEFAULT_ENGAGEMENT_SETTINGS, TODAY)).toBeNull();
  });
});

describe('what the forms may save', () => {
  it('asks for days apart only with "every N days", within 1 to 365, and no agreement in the future', () => {
    const base = { clientId: 'c', agreedOn: TODAY };
    expect(followUpPlanProblems({ ...base, frequency: 'every_n_days', everyDays: null }, TODAY)).toEqual({ everyDays: 'Enter how many days apart sessions are.' });
    expect(followUpPlanProblems({ ...base, frequency: 'every_n_days', everyDays: 366 }, TODAY).everyDays).toMatch(/at most 365/);
    expect(followUpPlanProblems({ ...base, frequency: 'weekly', everyDays: 5 }, TODAY).everyDays).toMatch(/only for "every N days"/);
    expect(followUpPlanProblems({ ...base, frequency: 'weekly', everyDays: null, agreedOn: '2026-06-16' }, TODAY)).toEqual({ agreedOn: 'The day it was agreed cannot be in the future.' });
  });

  it('books a repeating series on its dates and refuses one that runs past two years ahead', () => {
    const booking = { clientId: 'c', date: '2026-06-15', startTime: '10:00', durationMinutes: 50, place: 'video' as const, repeat: { every: 'fortnightly' as const, count: 3 } };
    expect(appointmentDates(booking)).toEqual(['2026-06-15', '2026-06-29', '2026-07-13']);
    expect(appointmentProblems({ ...booking, date: '2028-06-01', repeat: { every: 'weekly', count: 10 } }, TODAY, null)['repeat.count']).toMatch(/more than 2 years ahead/);
    expect(appointmentProblems(booking, TODAY, '2026-07-01')).toEqual({ date: 'An appointment cannot be before the date of birth.' });
  });

  it('keeps missed sessions and contacts in the past and asks for the professional only when one is involved', () => {
    expect(missedProblems({ date: '2026-06-16' }, TODAY, null).date).toMatch(/cannot be in the future/);
    const contact = { clientId: 'c', date: TODAY, startTime: null, kind: 'phone' as const, direction: 'with_professional' as const, professional: '', note: '' };
    expect(contactProblems(contact, TODAY, null)).toEqual({ professional: 'Name the professional or service.' });
    expect(contactProblems({ ...contact, direction: 'to_client', professional: 'GP' }, TODAY, null).professional).toMatch(/only for a contact with one/);
  });
});
