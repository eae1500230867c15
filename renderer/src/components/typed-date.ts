/**
 * What a date field holds when the practitioner typed a day that does not exist (30 February) or left
 * part of the date out. Without it such a date would read as "no date": a required date asked to be
 * entered, an optional one was saved as blank. It fails every date check (it is not `YYYY-MM-DD`), so it
 * can never be saved.
 */
export const UNREADABLE_DATE = 'unreadable-date';

export const UNREADABLE_DATE_MESSAGE = 'That date does not exist (like 30 February) or is not complete. Check the day, month and year.';

/** The message for a date field that could not be read, or null when it holds a date or nothing. */
export const typedDateProblem = (value: string): string | null => (value === UNREADABLE_DATE ? UNREADABLE_DATE_MESSAGE : null);

const TYPED = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * What the form is told for the text typed into a date field: the `YYYY-MM-DD` day it names, '' for
 * nothing, or UNREADABLE_DATE. Strict on purpose: a lenient parser (dayjs's own) rolls 30 February over
 * to 2 March, which would save a day the practitioner never typed. A one-digit month or day is read
 * (2026-3-4 is 4 March); anything else, or a day the calendar does not have, is unreadable.
 */
export function readTypedDate(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const match = TYPED.exec(trimmed);
  if (!match) return UNREADABLE_DATE;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls an impossible day over; reading the parts back shows whether it did.
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return UNREADABLE_DATE;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
