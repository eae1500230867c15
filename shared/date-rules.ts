import { addYearsIso, dayInWords, isIsoDate } from './dates';

/**
 * How far from today a date in the record can plausibly be. A year typed as 2100 or 1800 is almost
 * always a slip of the keyboard, and once saved it sorts a timeline, sets a review as never due or
 * makes an age nonsense. Each rule takes "today" from its caller: the form passes the computer's date
 * for an immediate message, the service its own clock (which tests set) and has the final word.
 * Each returns the message for the field, or null when the date is plausible. A malformed date is the
 * schema's to report (null here), so a rule never compares text that is not a date.
 */
export const EARLIEST_PLAUSIBLE_DATE = '1900-01-01';
/** Sessions are booked ahead, but not by more than this. */
export const SESSION_YEARS_AHEAD = 1;
/** A plan review is set months ahead; two years leaves room for a long-term plan. */
export const REVIEW_YEARS_AHEAD = 2;

export function dateOfBirthProblem(date: string | null, today: string): string | null {
  if (!date || !isIsoDate(date)) return null;
  if (date > today) return 'Date of birth cannot be in the future.';
  if (date < EARLIEST_PLAUSIBLE_DATE) return 'Check the year: that date of birth is before 1900.';
  return null;
}

export function intakeDateProblem(date: string | null, today: string): string | null {
  if (!date || !isIsoDate(date)) return null;
  if (date > today) return `Intake date cannot be in the future (today is ${dayInWords(today)}).`;
  if (date < EARLIEST_PLAUSIBLE_DATE) return 'Check the year: an intake date cannot be before 1900.';
  return null;
}

export function reviewDateProblem(date: string | null, today: string): string | null {
  if (!date || !isIsoDate(date)) return null;
  const latest = addYearsIso(today, REVIEW_YEARS_AHEAD);
  if (date > latest) return `A plan review date can be at most ${REVIEW_YEARS_AHEAD} years from today (${dayInWords(latest)}).`;
  if (date < EARLIEST_PLAUSIBLE_DATE) return 'Check the year: a plan review date cannot be before 1900.';
  return null;
}

export function sessionDateProblem(date: string, today: string, dateOfBirth: string | null): string | null {
  if (!isIsoDate(date)) return null;
  const latest = addYearsIso(today, SESSION_YEARS_AHEAD);
  if (date > latest) return `A session date can be at most a year from today (${dayInWords(latest)}).`;
  if (dateOfBirth && isIsoDate(dateOfBirth) && date < dateOfBirth) {
    return `A session date cannot be before the client's date of birth (${dayInWords(dateOfBirth)}).`;
  }
  if (date < EARLIEST_PLAUSIBLE_DATE) return 'Check the year: a session date cannot be before 1900.';
  return null;
}
