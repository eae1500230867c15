import { addYears, differenceInYears, format, isValid, parseISO } from 'date-fns';

/**
 * Calendar dates (birth, intake, review, discharge) cross the contract as `YYYY-MM-DD` strings with no
 * time zone: a date of birth is the same day wherever the laptop travels.
 */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day in `YYYY-MM-DD` form (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  const parsed = parseISO(value);
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
}

/** Today's date on this computer's clock, in its own time zone. */
export function localIsoDate(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/** Whole years between a date of birth and `today` (both `YYYY-MM-DD`). */
export function ageOn(dateOfBirth: string, today: string): number {
  return differenceInYears(parseISO(today), parseISO(dateOfBirth));
}

/** `YYYY-MM-DD` strings compare correctly as text; named so call sites read as dates. */
export const isBefore = (a: string, b: string): boolean => a < b;

/** A calendar day as messages say it ("7 December 2027"), the same in every locale and on both sides. */
export function dayInWords(isoDate: string): string {
  return format(parseISO(isoDate), 'd MMMM yyyy');
}

/** The same calendar day `years` later (29 February becomes 28 February in a common year). */
export function addYearsIso(isoDate: string, years: number): string {
  return format(addYears(parseISO(isoDate), years), 'yyyy-MM-dd');
}
