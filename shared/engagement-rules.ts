import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { EARLIEST_PLAUSIBLE_DATE } from './date-rules';
import type { FieldProblems } from './clients';
import { MAX_EVERY_DAYS, type AddAppointmentsInput, type AddContactInput, type Frequency, type RecordMissedInput, type RepeatInterval, type SetFollowUpPlanInput } from './engagement';
import { FREQUENCY_WORDS } from './engagement-labels';
import { formatDay } from './measures/alerts';

/**
 * The rules of follow-up: how many days an agreed frequency allows, when a client is overdue, and what
 * each form may save. The forms, the service and the Dashboard use these, so they cannot disagree.
 */

/** Days between sessions an agreed frequency allows; null for "as needed" (never overdue). Monthly is 31, the longest month. */
export function frequencyDays(frequency: Frequency, everyDays: number | null): number | null {
  switch (frequency) {
    case 'weekly':
      return 7;
    case 'fortnightly':
      return 14;
    case 'monthly':
      return 31;
    case 'every_n_days':
      return everyDays;
    case 'as_needed':
      return null;
  }
}

// The words live with the other labels, which screens import without zod.
export { FREQUENCY_WORDS } from './engagement-labels';

/** "weekly", "every 10 days", "as needed". */
export function frequencyInWords(frequency: Frequency, everyDays: number | null): string {
  return frequency === 'every_n_days' ? `every ${everyDays ?? '?'} days` : FREQUENCY_WORDS[frequency];
}

/**
 * Days past the agreed frequency plus grace, counted from the later of the last attended session and
 * the day the frequency was agreed (a new agreement restarts the count); null when not overdue or when
 * sessions are "as needed".
 */
export function daysOverdue(plan: FollowUpCadence, lastSeen: string | null, graceDays: number, today: string): number | null {
  const since = overdueSince(plan, lastSeen, graceDays);
  if (since === null || today < since) return null;
  return differenceInCalendarDays(parseISO(today), parseISO(since)) + 1;
}

export type FollowUpCadence = { frequency: Frequency; everyDays: number | null; agreedOn: string };

/** The first day the client counts as overdue if nobody attends before it; null for "as needed". */
export function overdueSince(plan: FollowUpCadence, lastSeen: string | null, graceDays: number): string | null {
  const days = frequencyDays(plan.frequency, plan.everyDays);
  if (days === null) return null;
  const from = lastSeen !== null && lastSeen > plan.agreedOn ? lastSeen : plan.agreedOn;
  return format(addDays(parseISO(from), days + graceDays + 1), 'yyyy-MM-dd');
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

export function followUpPlanProblems(input: SetFollowUpPlanInput, today: string): FieldProblems {
  const problems: FieldProblems = {};
  if (input.frequency === 'every_n_days') {
    if (input.everyDays === null) problems.everyDays = 'Enter how many days apart sessions are.';
    else if (input.everyDays < 1) problems.everyDays = 'Sessions are at least 1 day apart.';
    else if (input.everyDays > MAX_EVERY_DAYS) problems.everyDays = `Enter at most ${MAX_EVERY_DAYS} days; longer is "as needed".`;
  } else if (input.everyDays !== null) problems.everyDays = 'Days apart are set only for "every N days".';
  if (input.agreedOn > today) problems.agreedOn = 'The day it was agreed cannot be in the future.';
  else if (input.agreedOn < EARLIEST_PLAUSIBLE_DATE) problems.agreedOn = 'Check the year: the day it was agreed cannot be before 1900.';
  return problems;
}

const REPEAT_DAYS: Record<RepeatInterval, number> = { weekly: 7, fortnightly: 14, four_weekly: 28 };

/** The dates of a booking: one, or `count` of them `every` apart, the first on `date`. */
export function appointmentDates(input: Pick<AddAppointmentsInput, 'date' | 'repeat'>): string[] {
  if (!input.repeat) return [input.date];
  const step = REPEAT_DAYS[input.repeat.every];
  return Array.from({ length: input.repeat.count }, (_, index) => iso(addDays(parseISO(input.date), index * step)));
}

/** How far ahead appointments can be booked: two years, so a typo in the year is caught. */
export const BOOKING_YEARS_AHEAD = 2;

export function appointmentProblems(input: AddAppointmentsInput, today: string, dateOfBirth: string | null): FieldProblems {
  const problems: FieldProblems = {};
  const dates = appointmentDates(input);
  const last = dates[dates.length - 1] ?? input.date;
  const limit = iso(addDays(parseISO(today), 366 * BOOKING_YEARS_AHEAD));
  if (input.date < EARLIEST_PLAUSIBLE_DATE) problems.date = 'Check the year: an appointment cannot be before 1900.';
  else if (dateOfBirth && input.date < dateOfBirth) problems.date = 'An appointment cannot be before the date of birth.';
  else if (input.date > limit) problems.date = `Appointments can be booked at most ${BOOKING_YEARS_AHEAD} years ahead.`;
  else if (last > limit) problems['repeat.count'] = `The last appointment would be on ${formatDay(last)}, more than ${BOOKING_YEARS_AHEAD} years ahead. Book fewer.`;
  return problems;
}

/** A missed session happened: not in the future, not before the client was born. */
export function missedProblems(input: Pick<RecordMissedInput, 'date'>, today: string, dateOfBirth: string | null): FieldProblems {
  if (input.date > today) return { date: 'A missed session cannot be in the future. Book an appointment instead.' };
  if (input.date < EARLIEST_PLAUSIBLE_DATE) return { date: 'Check the year: a missed session cannot be before 1900.' };
  if (dateOfBirth && input.date < dateOfBirth) return { date: 'A missed session cannot be before the date of birth.' };
  return {};
}

export function contactProblems(input: AddContactInput, today: string, dateOfBirth: string | null): FieldProblems {
  const problems: FieldProblems = {};
  if (input.date > today) problems.date = 'A contact cannot be in the future.';
  else if (input.date < EARLIEST_PLAUSIBLE_DATE) problems.date = 'Check the year: a contact cannot be before 1900.';
  else if (dateOfBirth && input.date < dateOfBirth) problems.date = 'A contact cannot be before the date of birth.';
  if (input.direction === 'with_professional' && input.professional === '') problems.professional = 'Name the professional or service.';
  if (input.direction !== 'with_professional' && input.professional !== '') problems.professional = 'A professional is named only for a contact with one.';
  return problems;
}
