/**
 * What a date field holds when the practitioner typed a day that does not exist (30 February) or left
 * part of the date blank. The browser's date input reports both as '', the same as an empty field, so
 * without this a typed date read as "no date": a required date asked to be entered, an optional one
 * was saved as blank. It fails every date check (it is not `YYYY-MM-DD`), so it can never be saved.
 */
export const UNREADABLE_DATE = 'unreadable-date';

export const UNREADABLE_DATE_MESSAGE = 'That date does not exist (like 30 February) or is not complete. Check the day, month and year.';

/** The message for a date field the browser could not read, or null when it holds a date or nothing. */
export const typedDateProblem = (value: string): string | null => (value === UNREADABLE_DATE ? UNREADABLE_DATE_MESSAGE : null);
