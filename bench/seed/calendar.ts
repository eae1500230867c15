/**
 * Calendar arithmetic on `YYYY-MM-DD` days and `HH:MM` times, in UTC throughout so the generated rows
 * never depend on the machine's time zone. Timestamps are ISO strings, as the services write them.
 */
const DAY_MS = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** The practice's history: fifteen years of sessions ending in June 2026. */
export const HISTORY_START = '2011-07-01';
export const HISTORY_END = '2026-06-30';
/** When video sessions became common. */
export const TELEHEALTH_FROM = '2020-03-16';

export const dayNumber = (isoDate: string): number => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
export const dayOf = (dayNo: number): string => new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
export const addDays = (isoDate: string, days: number): string => dayOf(dayNumber(isoDate) + days);
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (isoDate: string): number => new Date(`${isoDate}T00:00:00Z`).getUTCDay();

/** The same day, or the Monday after when it falls on a weekend. */
export const workdayOnOrAfter = (isoDate: string): string => {
  const day = weekday(isoDate);
  return day === 6 ? addDays(isoDate, 2) : day === 0 ? addDays(isoDate, 1) : isoDate;
};

/** The same day, or the Friday before when it falls on a weekend. */
export const workdayOnOrBefore = (isoDate: string): string => {
  const day = weekday(isoDate);
  return day === 6 ? addDays(isoDate, -1) : day === 0 ? addDays(isoDate, -2) : isoDate;
};

/** Milliseconds since the epoch of `HH:MM` on `isoDate`, plus `minutes`. */
export const instant = (isoDate: string, time: string, minutes = 0): number => Date.parse(`${isoDate}T${time}:00Z`) + minutes * 60_000;
export const isoInstant = (ms: number): string => new Date(ms).toISOString();
export const dayOfInstant = (ms: number): string => isoInstant(ms).slice(0, 10);

export const timeOfDay = (hour: number, minute: number): string => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Tuesday 14 May" as a note would say it. */
export const spokenDay = (isoDate: string): string => {
  const [, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[weekday(isoDate)]} ${day} ${MONTHS[month - 1]}`;
};
