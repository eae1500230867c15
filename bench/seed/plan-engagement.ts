import type { DischargeKind } from '../../shared/clients';
import type { Appointment, Contact, ContactDirection, ContactKind, Frequency, MissedKind } from '../../shared/engagement';
import { addDays, daysBetween, HISTORY_END, instant, isoInstant, timeOfDay, workdayOnOrAfter, workdayOnOrBefore } from './calendar';
import { seededUuid } from './ids';
import type { PlannedClient } from './plan-types';
import type { Rng } from './prng';

/*
 * Follow-up for the practice, planned after the sessions from each client's own 'engagement' stream, so
 * the rest of the practice is the same as without it. HISTORY_END is "today": every active client has
 * an agreed frequency (mostly their rhythm, some as needed or every N days); many have their next
 * appointment booked in the coming two weeks (some today, weekly clients two in a series); a few missed
 * their latest session or two in a row since their last one (two raise the engagement flag), often
 * followed by a call; some have other contacts between sessions. Discharged clients' endings are marked
 * planned or unplanned (a few left unsaid), and some notes after a rupture record a repair worked on.
 * The busy and PDF clients get a plan and appointments only, so the rows measured on them stay as they were.
 */
const TODAY = HISTORY_END;
const AHEAD_DAYS = 14;

const REMARKS = [
  'Did not answer when phoned at the start of the session.',
  'Texted an hour before: unwell.',
  'Forgot; asked to keep the next one.',
  'Childcare fell through at the last minute.',
  'Work shift changed the same morning.',
];
const OUTREACH = [
  'Phoned after the missed session; left a voicemail offering the usual time next week.',
  'Reached by phone after the missed session; things are hard at home, agreed to come next week.',
  'Sent a short message after the missed session, no pressure, offering a new time.',
];
const CONTACT_NOTES: Record<ContactDirection, readonly string[]> = {
  to_client: ['Called to move next week\'s session; new time agreed.', 'Sent the worksheet we discussed.', 'Checked in after a difficult session; settled, no concerns.'],
  from_client: ['Asked whether the session could be by video this week.', 'Let me know the new job starts on Monday.', 'Wrote to say the breathing exercise helped.'],
  with_professional: ['Discussed medication review; GP to see the client next week.', 'Shared the risk plan with consent.', 'Referral letter acknowledged.'],
};
const PROFESSIONALS = ['Dr. Ovelle (GP)', 'Dr. Ferris Quade (GP)', 'Community mental health team', 'School counsellor, Tamford Academy'];

const timeAt = (rng: Rng, date: string, hours: readonly [number, number]): string => isoInstant(instant(date, timeOfDay(rng.int(hours[0], hours[1]), rng.int(0, 59))));

export function planEngagement(client: PlannedClient): void {
  const rng = client.sessions[0]!.rng.fork('engagement');
  planRepairs(rng, client);
  if (client.fields.status === 'discharged') {
    client.fields = { ...client.fields, dischargeKind: dischargeKindOf(rng, client.ending) };
    return;
  }
  if (client.fields.status !== 'active') return;
  const engagement = client.engagement;
  const last = client.sessions.at(-1)!;
  const agreedOn = client.sessions[0]!.fields.date;
  const frequency = rng.weighted<Frequency>([
    [client.rhythm.word, 85],
    ['as_needed', 6],
    ['every_n_days', 4],
    [client.rhythm.word === 'monthly' ? 'fortnightly' : 'monthly', 5],
  ]);
  engagement.plan = { clientId: client.id, frequency, everyDays: frequency === 'every_n_days' ? client.rhythm.days + 7 : null, agreedOn, updatedAt: timeAt(rng, agreedOn, [18, 19]) };

  let latest = last.fields.date;
  if (client.role === 'ordinary') {
    const roll = rng.next();
    const missed = roll < 0.04 ? missedDates(latest, 2) : roll < 0.12 ? missedDates(latest, 1) : [];
    for (const date of missed) {
      const kind = rng.weighted<MissedKind>([['no_show', 60], ['late_cancellation', 40]]);
      const startTime = last.fields.startTime;
      engagement.missed.push({ id: seededUuid(rng), clientId: client.id, date, startTime, kind, remark: rng.chance(0.5) ? rng.pick(REMARKS) : '', createdAt: timeAt(rng, date, [17, 19]) });
      if (rng.chance(0.7)) engagement.contacts.push(contact(rng, client, date, 'phone', 'to_client', '', rng.pick(OUTREACH)));
      latest = date;
    }
    if (rng.chance(0.15)) {
      const date = workdayOnOrBefore(addDays(TODAY, -rng.int(1, 60)));
      if (date > agreedOn) {
        const direction = rng.weighted<ContactDirection>([['to_client', 45], ['from_client', 35], ['with_professional', 20]]);
        const kind = rng.weighted<ContactKind>([['phone', 40], ['message', 25], ['email', 20], ['letter', 10], ['other', 5]]);
        engagement.contacts.push(contact(rng, client, date, kind, direction, direction === 'with_professional' ? rng.pick(PROFESSIONALS) : '', rng.pick(CONTACT_NOTES[direction])));
      }
    }
    engagement.contacts.sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
  }

  if (frequency === 'as_needed' || (client.role === 'ordinary' && !rng.chance(0.75))) return;
  const due = addDays(latest, client.rhythm.days);
  const first = workdayOnOrAfter(due < TODAY ? TODAY : due);
  if (daysBetween(TODAY, first) > AHEAD_DAYS) return;
  const dates = [first];
  if (client.rhythm.days === 7 && daysBetween(TODAY, addDays(first, 7)) <= AHEAD_DAYS) dates.push(addDays(first, 7));
  const seriesId = dates.length > 1 ? seededUuid(rng) : null;
  const createdAt = timeAt(rng, latest, [19, 20]);
  for (const date of dates) {
    engagement.appointments.push({
      id: seededUuid(rng),
      clientId: client.id,
      date,
      startTime: last.fields.startTime ?? '10:00',
      durationMinutes: last.fields.durationMinutes ?? 50,
      place: last.fields.modality,
      seriesId,
      sessionId: null,
      attendanceId: null,
      createdAt,
    } satisfies Appointment);
  }
}

/** `count` missed-session days after `after` and on or before today, on working days; fewer when there is no room. */
function missedDates(after: string, count: number): string[] {
  const gap = daysBetween(after, TODAY);
  const days = count === 2 ? [Math.max(1, Math.floor(gap / 2)), gap] : [gap];
  const dates: string[] = [];
  for (const day of days) {
    const date = workdayOnOrBefore(addDays(after, day));
    if (date > after && date <= TODAY && (dates.length === 0 || date > dates[dates.length - 1]!)) dates.push(date);
  }
  return dates;
}

function contact(rng: Rng, client: PlannedClient, after: string, kind: ContactKind, direction: ContactDirection, professional: string, note: string): Contact {
  const next = workdayOnOrAfter(addDays(after, rng.int(0, 1)));
  const date = next > TODAY ? after : next;
  return {
    id: seededUuid(rng),
    clientId: client.id,
    date,
    startTime: rng.chance(0.5) ? timeOfDay(rng.int(9, 17), rng.pick([0, 15, 30, 45])) : null,
    kind,
    direction,
    professional,
    note,
    createdAt: timeAt(rng, date, [18, 20]),
  };
}

function dischargeKindOf(rng: Rng, ending: PlannedClient['ending']): DischargeKind | null {
  if (ending === 'planned') return rng.chance(0.85) ? 'planned' : null;
  return rng.chance(0.8) ? 'unplanned' : null;
}

/** Some ruptures are repaired in the next attended session with a Bond section, a few in the same one. */
function planRepairs(rng: Rng, client: PlannedClient): void {
  const withBond = client.sessions.filter((session) => session.fields.attendance === 'attended' && session.template.sections.some((section) => section.kind === 'bond'));
  withBond.forEach((session, i) => {
    if (!session.rupture) return;
    if (rng.chance(0.15)) session.repaired = true;
    const next = withBond[i + 1];
    if (next && rng.chance(0.55)) next.repaired = true;
  });
}
